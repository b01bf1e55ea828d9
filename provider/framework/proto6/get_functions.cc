// GetFunctions: convert, call server::ProviderServer::GetFunctions, convert
// back.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"
#include "provider/framework/proto6/schema.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::GetFunctions(
    grpc::ServerContext*, const tfplugin6::GetFunctions::Request*,
    tfplugin6::GetFunctions::Response* resp) {
  LogRequest("GetFunctions");
  server::GetFunctionsResponse s = server_.GetFunctions();
  for (const auto& [name, def] : s.functions) {
    FunctionToProto(def, &(*resp->mutable_functions())[name]);
  }
  AppendDiagnostics(s.diagnostics, resp->mutable_diagnostics());
  LogResponse("GetFunctions", s.diagnostics);
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
