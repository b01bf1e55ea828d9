// function_arguments.h: the argument checks of CallFunction, in the order
// Terraform applies them, before a function runs:
//   1. arity: as many arguments as parameters (more only with a variadic);
//   2. null: a null argument to a parameter without allow_null_value is an
//      error on that argument;
//   3. unknown: an argument that is not wholly known, to a parameter without
//      allow_unknown_values, skips the call: the result is an unknown of the
//      return type.
//   std::optional<FunctionError> err = CheckFunctionArguments(def, args);
//   if (!err && SkipForUnknown(def, args)) result = Value::Unknown(ret);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "provider/framework/sdk/function.h"
#include "provider/framework/types/value.h"

namespace tf::server {

// The parameter argument `index` binds to; null when there is none.
const FunctionParameter* ParameterFor(const FunctionDefinition& def,
                                      size_t index);

// Steps 1 and 2. Texts name the function's parameter, never a value.
std::optional<FunctionError> CheckFunctionArguments(
    const std::string& name, const FunctionDefinition& def,
    const std::vector<Value>& arguments);

// Step 3: true when the function must not run.
bool SkipForUnknown(const FunctionDefinition& def,
                    const std::vector<Value>& arguments);

}  // namespace tf::server
