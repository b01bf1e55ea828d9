// RenewEphemeralResource: convert, call
// server::ProviderServer::RenewEphemeralResource, convert back. The private
// data is never logged.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::RenewEphemeralResource(
    grpc::ServerContext*, const tfplugin6::RenewEphemeralResource::Request* req,
    tfplugin6::RenewEphemeralResource::Response* resp) {
  return ServeType(
      server_, server::Kind::kEphemeralResource, "RenewEphemeralResource",
      req->type_name(), resp,
      [&](const server::TypeSchemas&, Diagnostics& diags) {
        server::RenewEphemeralResourceResponse sresp =
            server_.RenewEphemeralResource({.type_name = req->type_name(),
                                            .private_data = req->private_()});
        diags.Append(sresp.diagnostics);
        SetRenewal(sresp.private_data, sresp.renew_at, resp);
      });
}

}  // namespace tf::proto6::internal
