// OpenEphemeralResource: convert, call
// server::ProviderServer::OpenEphemeralResource, convert back. The result
// and the private data are ephemeral: logged never, sent once. renew_at and
// private are only set when the resource set them; deferred never.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::OpenEphemeralResource(
    grpc::ServerContext*, const tfplugin6::OpenEphemeralResource::Request* req,
    tfplugin6::OpenEphemeralResource::Response* resp) {
  return ServeType(
      server_, server::Kind::kEphemeralResource, "OpenEphemeralResource",
      req->type_name(), resp,
      [&](const server::TypeSchemas& types, Diagnostics& diags) {
        server::OpenEphemeralResourceRequest sreq{.type_name =
                                                      req->type_name()};
        if (!Decode(req->config(), types.type,
                    "ephemeral resource configuration", sreq.config, diags)) {
          return;
        }
        server::OpenEphemeralResourceResponse sresp =
            server_.OpenEphemeralResource(sreq);
        diags.Append(sresp.diagnostics);
        Encode(sresp.result, types.type, "ephemeral result",
               resp->mutable_result(), diags);
        SetRenewal(sresp.private_data, sresp.renew_at, resp);
      });
}

}  // namespace tf::proto6::internal
