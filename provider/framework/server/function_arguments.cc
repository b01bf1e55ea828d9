// The argument checks of CallFunction (see function_arguments.h).
#include "provider/framework/server/function_arguments.h"

#include "absl/strings/str_cat.h"

namespace tf::server {

const FunctionParameter* ParameterFor(const FunctionDefinition& def,
                                      size_t index) {
  if (index < def.parameters.size()) return &def.parameters[index];
  if (def.variadic_parameter.has_value()) return &*def.variadic_parameter;
  return nullptr;
}

std::optional<FunctionError> CheckFunctionArguments(
    const std::string& name, const FunctionDefinition& def,
    const std::vector<Value>& arguments) {
  const size_t want = def.parameters.size();
  if (arguments.size() < want) {
    return FunctionError{
        .text = absl::StrCat("Not enough function arguments: ", name, " takes ",
                             want, " argument(s)",
                             def.variadic_parameter ? " or more" : "", ", but ",
                             arguments.size(), " were given; missing \"",
                             def.parameters[arguments.size()].name, "\".")};
  }
  if (arguments.size() > want && !def.variadic_parameter.has_value()) {
    return FunctionError{
        .text = absl::StrCat("Too many function arguments: ", name, " takes ",
                             want, " argument(s), but ", arguments.size(),
                             " were given."),
        .argument = static_cast<int64_t>(want)};
  }
  for (size_t i = 0; i < arguments.size(); ++i) {
    const FunctionParameter& p = *ParameterFor(def, i);
    if (arguments[i].IsNull() && !p.allow_null_value) {
      return FunctionError{
          .text = absl::StrCat("Invalid value for \"", p.name,
                               "\" parameter: argument must not be null."),
          .argument = static_cast<int64_t>(i)};
    }
  }
  return std::nullopt;
}

bool SkipForUnknown(const FunctionDefinition& def,
                    const std::vector<Value>& arguments) {
  for (size_t i = 0; i < arguments.size(); ++i) {
    const FunctionParameter* p = ParameterFor(def, i);
    if (p != nullptr && !p->allow_unknown_values &&
        !arguments[i].IsWhollyKnown()) {
      return true;
    }
  }
  return false;
}

}  // namespace tf::server
