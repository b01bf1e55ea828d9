// ApplyResourceChange: convert, call
// server::ProviderServer::ApplyResourceChange, convert back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ApplyResourceChange(
    grpc::ServerContext*, const tfplugin6::ApplyResourceChange::Request* req,
    tfplugin6::ApplyResourceChange::Response* resp) {
  return ServeType(
      server_, server::Kind::kResource, "ApplyResourceChange", req->type_name(),
      resp, [&](const server::TypeSchemas& types, Diagnostics& diags) {
        server::ApplyResourceChangeRequest sreq{
            .type_name = req->type_name(),
            .planned_private = req->planned_private()};
        if (!DecodeAll(
                {{req->prior_state(), "prior state", sreq.prior_state},
                 {req->planned_state(), "planned state", sreq.planned_state},
                 {req->config(), "configuration", sreq.config}},
                types.type, diags) ||
            !DecodeIdentity(req->has_planned_identity(),
                            req->planned_identity(), types, "planned identity",
                            sreq.planned_identity, diags)) {
          return;
        }
        SetNewState(server_.ApplyResourceChange(sreq), types, resp, diags);
      });
}

}  // namespace tf::proto6::internal
