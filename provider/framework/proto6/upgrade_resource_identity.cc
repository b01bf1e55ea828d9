// UpgradeResourceIdentity: convert, call
// server::ProviderServer::UpgradeResourceIdentity, convert back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::UpgradeResourceIdentity(
    grpc::ServerContext*,
    const tfplugin6::UpgradeResourceIdentity::Request* req,
    tfplugin6::UpgradeResourceIdentity::Response* resp) {
  return ServeType(server_, server::Kind::kResource, "UpgradeResourceIdentity",
                   req->type_name(), resp,
                   [&](const server::TypeSchemas& types, Diagnostics& diags) {
                     server::UpgradeResourceIdentityResponse sresp =
                         server_.UpgradeResourceIdentity(
                             {.type_name = req->type_name(),
                              .version = req->version(),
                              .raw_identity_json = req->raw_identity().json()});
                     diags.Append(sresp.diagnostics);
                     EncodeIdentity(
                         sresp.upgraded_identity, types, "upgraded identity",
                         [&] { return resp->mutable_upgraded_identity(); },
                         diags);
                   });
}

}  // namespace tf::proto6::internal
