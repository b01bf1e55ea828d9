// CloseEphemeralResource: convert, call
// server::ProviderServer::CloseEphemeralResource, convert back. The private
// data is never logged.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::CloseEphemeralResource(
    grpc::ServerContext*, const tfplugin6::CloseEphemeralResource::Request* req,
    tfplugin6::CloseEphemeralResource::Response* resp) {
  return ServeType(server_, server::Kind::kEphemeralResource,
                   "CloseEphemeralResource", req->type_name(), resp,
                   [&](const server::TypeSchemas&, Diagnostics& diags) {
                     diags.Append(server_
                                      .CloseEphemeralResource(
                                          {.type_name = req->type_name(),
                                           .private_data = req->private_()})
                                      .diagnostics);
                   });
}

}  // namespace tf::proto6::internal
