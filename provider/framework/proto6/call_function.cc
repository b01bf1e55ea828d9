// CallFunction: decode each argument with its parameter's type (the fixed
// parameters, then the variadic one), call
// server::ProviderServer::CallFunction, encode the result with the return
// type. An argument that does not decode is a FunctionError on that
// argument. Only the function name is logged, never an argument or result.
#include "absl/strings/str_cat.h"
#include "provider/framework/log/log.h"
#include "provider/framework/proto6/dynamic_value.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"
#include "provider/framework/server/function_arguments.h"

namespace tf::proto6::internal {
namespace {

void SetError(const FunctionError& e, tfplugin6::CallFunction::Response* resp) {
  resp->clear_result();
  auto* err = resp->mutable_error();
  err->set_text(e.text);
  if (e.argument.has_value()) err->set_function_argument(*e.argument);
}

}  // namespace

grpc::Status ProviderService::CallFunction(
    grpc::ServerContext*, const tfplugin6::CallFunction::Request* req,
    tfplugin6::CallFunction::Response* resp) {
  LogRequest("CallFunction", req->name());
  const FunctionDefinition* def = server_.FunctionDefinitionFor(req->name());
  server::CallFunctionRequest sreq{.name = req->name()};
  std::optional<FunctionError> error;
  for (int i = 0; def != nullptr && i < req->arguments_size(); ++i) {
    const FunctionParameter* p = server::ParameterFor(*def, i);
    if (p == nullptr) {
      // More arguments than parameters: the server reports the arity; the
      // extra values are not decoded.
      sreq.arguments.emplace_back();
      continue;
    }
    absl::StatusOr<Value> v = DynamicValueFromProto(req->arguments(i), p->type);
    if (!v.ok()) {
      error = FunctionError{
          .text = absl::StrCat("Invalid value for \"", p->name,
                               "\" parameter: ", v.status().message()),
          .argument = i};
      break;
    }
    sreq.arguments.push_back(std::move(*v));
  }
  bool failed = false;
  if (error.has_value()) {
    SetError(*error, resp);
    failed = true;
  } else {
    server::CallFunctionResponse sresp = server_.CallFunction(sreq);
    if (sresp.error.has_value()) {
      SetError(*sresp.error, resp);
      failed = true;
    } else if (absl::Status s = DynamicValueToProto(
                   sresp.result, def->return_type, resp->mutable_result());
               !s.ok()) {
      SetError(FunctionError{.text = absl::StrCat(
                                 "Unable to encode the result of ", req->name(),
                                 ": ", s.message(),
                                 ". This is a bug in the provider.")},
               resp);
      failed = true;
    }
  }
  if (tf::log::Enabled(tf::log::Level::kTrace)) {
    tf::log::Trace("Served request",
                   {{"tf_rpc", "CallFunction"},
                    {"tf_function_name", req->name()},
                    {"has_error", failed ? "true" : "false"}});
  }
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
