// CallFunction: the argument checks of function_arguments.h, then the
// function's Run on a fresh object. Functions never receive the provider
// data. The result must be of the return type (any type when it is
// Dynamic) and may be unknown only when an argument was. Error texts never
// quote argument values (they may be secrets).
#include "absl/strings/str_cat.h"
#include "provider/framework/server/function_arguments.h"
#include "provider/framework/server/provider_server.h"

namespace tf::server {

CallFunctionResponse ProviderServer::CallFunction(
    const CallFunctionRequest& req) const {
  CallFunctionResponse resp;
  auto it = functions_.find(req.name);
  if (it == functions_.end()) {
    resp.error = FunctionError{
        .text = absl::StrCat("Function Not Found: the provider has no function "
                             "named \"",
                             req.name, "\".")};
    return resp;
  }
  const FunctionDefinition& def = it->second.definition;
  const Type& ret = def.return_type;
  if (std::optional<FunctionError> err =
          CheckFunctionArguments(req.name, def, req.arguments)) {
    resp.error = std::move(err);
    return resp;
  }
  if (SkipForUnknown(def, req.arguments)) {
    resp.result = Value::Unknown(ret);
    return resp;
  }

  FunctionRunRequest run;
  const size_t fixed = def.parameters.size();
  run.arguments.assign(req.arguments.begin(), req.arguments.begin() + fixed);
  run.variadic_arguments.assign(req.arguments.begin() + fixed,
                                req.arguments.end());
  FunctionRunResponse rresp{.result = Value::Null(ret)};
  std::unique_ptr<Function> f = it->second.factory();
  f->Run(MakeContext(), run, rresp);
  if (rresp.error.has_value()) {
    resp.error = std::move(rresp.error);
    if (resp.error->argument.has_value() &&
        (*resp.error->argument < 0 ||
         *resp.error->argument >= static_cast<int64_t>(req.arguments.size()))) {
      // An index Terraform cannot point at: keep the text, drop the index.
      resp.error->argument.reset();
    }
    return resp;
  }
  const Value& result = rresp.result;
  if (ret.kind() != TypeKind::kDynamic && !(result.type() == ret)) {
    resp.error = FunctionError{
        .text = absl::StrCat(
            "Function ", req.name, " returned a value of type ",
            result.type().FriendlyName(), ", but its definition declares ",
            ret.FriendlyName(), ". This is a bug in the provider.")};
    return resp;
  }
  bool any_unknown = false;
  for (const Value& a : req.arguments) any_unknown |= !a.IsWhollyKnown();
  if (!any_unknown && !result.IsWhollyKnown()) {
    resp.error = FunctionError{
        .text = absl::StrCat("Function ", req.name,
                             " returned an unknown value for known "
                             "arguments. This is a bug in the provider.")};
    return resp;
  }
  resp.result = result;
  return resp;
}

}  // namespace tf::server
