// ValidateEphemeralResourceConfig: convert, call
// server::ProviderServer::ValidateEphemeralResourceConfig, convert back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ValidateEphemeralResourceConfig(
    grpc::ServerContext*,
    const tfplugin6::ValidateEphemeralResourceConfig::Request* req,
    tfplugin6::ValidateEphemeralResourceConfig::Response* resp) {
  return ServeType(
      server_, server::Kind::kEphemeralResource,
      "ValidateEphemeralResourceConfig", req->type_name(), resp,
      [&](const server::TypeSchemas& types, Diagnostics& diags) {
        server::ValidateEphemeralResourceConfigRequest sreq{
            .type_name = req->type_name()};
        if (Decode(req->config(), types.type,
                   "ephemeral resource configuration", sreq.config, diags)) {
          diags.Append(
              server_.ValidateEphemeralResourceConfig(sreq).diagnostics);
        }
      });
}

}  // namespace tf::proto6::internal
