// PlanResourceChange: convert, call server::ProviderServer::PlanResourceChange,
// convert back.
#include "provider/framework/proto6/attribute_path.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::PlanResourceChange(
    grpc::ServerContext*, const tfplugin6::PlanResourceChange::Request* req,
    tfplugin6::PlanResourceChange::Response* resp) {
  resp->set_planned_private(req->prior_private());
  return ServeType(
      server_, server::Kind::kResource, "PlanResourceChange", req->type_name(),
      resp, [&](const server::TypeSchemas& types, Diagnostics& diags) {
        server::PlanResourceChangeRequest sreq{
            .type_name = req->type_name(),
            .prior_private = req->prior_private()};
        if (!DecodeAll({{req->prior_state(), "prior state", sreq.prior_state},
                        {req->proposed_new_state(), "proposed new state",
                         sreq.proposed_new_state},
                        {req->config(), "configuration", sreq.config}},
                       types.type, diags) ||
            !DecodeIdentity(req->has_prior_identity(), req->prior_identity(),
                            types, "prior identity", sreq.prior_identity,
                            diags)) {
          return;
        }
        server::PlanResourceChangeResponse sresp =
            server_.PlanResourceChange(sreq);
        diags.Append(sresp.diagnostics);
        Encode(sresp.planned_state, types.type, "planned state",
               resp->mutable_planned_state(), diags);
        for (const Path& p : sresp.requires_replace) {
          AttributePathToProto(p, resp->add_requires_replace());
        }
        resp->set_planned_private(sresp.planned_private);
        EncodeIdentity(
            sresp.planned_identity, types, "planned identity",
            [&] { return resp->mutable_planned_identity(); }, diags);
      });
}

}  // namespace tf::proto6::internal
