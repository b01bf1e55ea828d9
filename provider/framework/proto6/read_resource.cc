// ReadResource: convert, call server::ProviderServer::ReadResource, convert
// back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ReadResource(
    grpc::ServerContext*, const tfplugin6::ReadResource::Request* req,
    tfplugin6::ReadResource::Response* resp) {
  return ServeType(
      server_, server::Kind::kResource, "ReadResource", req->type_name(), resp,
      [&](const server::TypeSchemas& types, Diagnostics& diags) {
        server::ReadResourceRequest sreq{.type_name = req->type_name(),
                                         .private_data = req->private_()};
        if (!Decode(req->current_state(), types.type, "current state",
                    sreq.current_state, diags) ||
            !DecodeIdentity(req->has_current_identity(),
                            req->current_identity(), types, "current identity",
                            sreq.current_identity, diags)) {
          return;
        }
        SetNewState(server_.ReadResource(sreq), types, resp, diags);
      });
}

}  // namespace tf::proto6::internal
