// UpgradeResourceState: convert, call
// server::ProviderServer::UpgradeResourceState, convert back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::UpgradeResourceState(
    grpc::ServerContext*, const tfplugin6::UpgradeResourceState::Request* req,
    tfplugin6::UpgradeResourceState::Response* resp) {
  return ServeType(
      server_, server::Kind::kResource, "UpgradeResourceState",
      req->type_name(), resp,
      [&](const server::TypeSchemas& types, Diagnostics& diags) {
        server::UpgradeResourceStateResponse sresp =
            server_.UpgradeResourceState(
                {.type_name = req->type_name(),
                 .version = req->version(),
                 .raw_state_json = req->raw_state().json(),
                 .has_flatmap = !req->raw_state().flatmap().empty()});
        diags.Append(sresp.diagnostics);
        if (!sresp.diagnostics.HasError()) {
          Encode(sresp.upgraded_state, types.type, "upgraded state",
                 resp->mutable_upgraded_state(), diags);
        }
      });
}

}  // namespace tf::proto6::internal
