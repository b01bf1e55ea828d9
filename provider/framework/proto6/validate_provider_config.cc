// ValidateProviderConfig: convert, call
// server::ProviderServer::ValidateProviderConfig, convert back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ValidateProviderConfig(
    grpc::ServerContext*, const tfplugin6::ValidateProviderConfig::Request* req,
    tfplugin6::ValidateProviderConfig::Response* resp) {
  return Serve("ValidateProviderConfig", "", resp, [&](Diagnostics& diags) {
    server::ValidateProviderConfigRequest sreq;
    if (Decode(req->config(), server_.ProviderType(), "provider configuration",
               sreq.config, diags)) {
      diags.Append(server_.ValidateProviderConfig(sreq).diagnostics);
    }
  });
}

}  // namespace tf::proto6::internal
