// ValidateProviderConfig: convert, call
// server::ProviderServer::ValidateProviderConfig, convert back.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ValidateProviderConfig(
    grpc::ServerContext*, const tfplugin6::ValidateProviderConfig::Request* req,
    tfplugin6::ValidateProviderConfig::Response* resp) {
  LogRequest("ValidateProviderConfig");
  Diagnostics diags;
  server::ValidateProviderConfigRequest sreq;
  if (Decode(req->config(), server_.ProviderSchema().ValueType(),
             "provider configuration", sreq.config, diags)) {
    diags.Append(server_.ValidateProviderConfig(sreq).diagnostics);
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("ValidateProviderConfig", diags);
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
