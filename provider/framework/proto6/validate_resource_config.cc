// ValidateResourceConfig: convert, call
// server::ProviderServer::ValidateResourceConfig, convert back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ValidateResourceConfig(
    grpc::ServerContext*, const tfplugin6::ValidateResourceConfig::Request* req,
    tfplugin6::ValidateResourceConfig::Response* resp) {
  return ServeType(
      server_, server::Kind::kResource, "ValidateResourceConfig",
      req->type_name(), resp,
      [&](const server::TypeSchemas& types, Diagnostics& diags) {
        server::ValidateResourceConfigRequest sreq{
            .type_name = req->type_name(),
            .write_only_allowed =
                req->client_capabilities().write_only_attributes_allowed()};
        if (Decode(req->config(), types.type, "resource configuration",
                   sreq.config, diags)) {
          diags.Append(server_.ValidateResourceConfig(sreq).diagnostics);
        }
      });
}

}  // namespace tf::proto6::internal
