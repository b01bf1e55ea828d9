// function.h: provider-defined functions (Terraform 1.8+), called in
// configuration as provider::<provider>::<name>(args...).
//
//   class Upper final : public Function {
//     std::string Name() const override { return "upper"; }
//     FunctionDefinition Definition() const override {
//       return {.parameters = {{.name = "input", .type = Type::String()}},
//               .return_type = Type::String(),
//               .summary = "Upper-cases a string"};
//     }
//     void Run(const Context&, const FunctionRunRequest& req,
//              FunctionRunResponse& resp) override {
//       std::string s = req.arguments[0].AsString();
//       if (s.empty()) {
//         resp.error = FunctionError{.text = "must not be empty",
//                                    .argument = 0};
//         return;
//       }
//       resp.result = Value::String(absl::AsciiStrToUpper(s));
//     }
//   };
// The provider lists its functions through WithFunctions (provider.h).
// Functions are pure: they never receive the provider's configuration (the
// CLI may call them before ConfigureProvider, or without it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "provider/framework/sdk/context.h"
#include "provider/framework/types/type.h"
#include "provider/framework/types/value.h"

namespace tf {

struct FunctionParameter {
  std::string name{};  // shown in documentation and errors
  Type type{};         // Type::Dynamic() accepts any value
  // False: a null argument is an error on this argument (the CLI reports it
  // before calling, and the framework checks again).
  bool allow_null_value = false;
  // False: Run never sees an unknown here; the call's result is unknown of
  // the return type without running (as the CLI itself does).
  bool allow_unknown_values = false;
  std::string description{};  // markdown
};

struct FunctionDefinition {
  std::vector<FunctionParameter> parameters{};  // positional, all required
  // Present: zero or more further arguments of this parameter's type.
  std::optional<FunctionParameter> variadic_parameter{};
  Type return_type{};
  std::string summary{};              // one line
  std::string description{};          // markdown
  std::string deprecation_message{};  // non-empty: deprecated
};

// A failed call. `argument` is the zero-based index of the argument at
// fault (variadic arguments continue the count), when one is.
struct FunctionError {
  std::string text{};
  std::optional<int64_t> argument{};
};

struct FunctionRunRequest {
  // One value per fixed parameter, in order, each of its parameter's type
  // (null only where allow_null_value, unknown only where
  // allow_unknown_values).
  std::vector<Value> arguments{};
  // The variadic arguments, in order (empty when none were passed).
  std::vector<Value> variadic_arguments{};
};
struct FunctionRunResponse {
  // Pre-filled with a null of the return type; must be set to a value of
  // the return type on success (unknown only if an argument was unknown).
  Value result{};
  std::optional<FunctionError> error{};  // set: the call failed
};

// Interface of a provider-defined function. A fresh object is made per call;
// calls may run concurrently on different objects.
class Function {
 public:
  virtual ~Function() = default;
  // The name after provider::<provider>::, matching ^[a-z][a-z0-9_]*$.
  virtual std::string Name() const = 0;
  virtual FunctionDefinition Definition() const = 0;
  virtual void Run(const Context&, const FunctionRunRequest&,
                   FunctionRunResponse&) = 0;
};

}  // namespace tf
