// ValidateDataResourceConfig: convert, call
// server::ProviderServer::ValidateDataResourceConfig, convert back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ValidateDataResourceConfig(
    grpc::ServerContext*,
    const tfplugin6::ValidateDataResourceConfig::Request* req,
    tfplugin6::ValidateDataResourceConfig::Response* resp) {
  return ServeType(
      server_, server::Kind::kDataSource, "ValidateDataResourceConfig",
      req->type_name(), resp,
      [&](const server::TypeSchemas& types, Diagnostics& diags) {
        server::ValidateDataResourceConfigRequest sreq{.type_name =
                                                           req->type_name()};
        if (Decode(req->config(), types.type, "data source configuration",
                   sreq.config, diags)) {
          diags.Append(server_.ValidateDataResourceConfig(sreq).diagnostics);
        }
      });
}

}  // namespace tf::proto6::internal
