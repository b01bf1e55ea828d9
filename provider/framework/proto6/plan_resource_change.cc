// PlanResourceChange: convert, call server::ProviderServer::PlanResourceChange,
// convert back.
#include "provider/framework/proto6/attribute_path.h"
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::PlanResourceChange(
    grpc::ServerContext*, const tfplugin6::PlanResourceChange::Request* req,
    tfplugin6::PlanResourceChange::Response* resp) {
  LogRequest("PlanResourceChange", req->type_name());
  Diagnostics diags;
  const Schema* schema = server_.ResourceSchema(req->type_name());
  server::PlanResourceChangeRequest sreq{.type_name = req->type_name(),
                                         .prior_private = req->prior_private()};
  resp->set_planned_private(req->prior_private());
  const IdentitySchema* ischema =
      server_.ResourceIdentitySchema(req->type_name());
  if (schema == nullptr) {
    UnknownResource(req->type_name(), diags);
  } else {
    const Type type = schema->ValueType();
    if (Decode(req->prior_state(), type, "prior state", sreq.prior_state,
               diags) &&
        Decode(req->proposed_new_state(), type, "proposed new state",
               sreq.proposed_new_state, diags) &&
        Decode(req->config(), type, "configuration", sreq.config, diags) &&
        DecodeIdentity(req->has_prior_identity(), req->prior_identity(),
                       ischema, "prior identity", sreq.prior_identity, diags)) {
      server::PlanResourceChangeResponse sresp =
          server_.PlanResourceChange(sreq);
      diags.Append(sresp.diagnostics);
      Encode(sresp.planned_state, type, "planned state",
             resp->mutable_planned_state(), diags);
      for (const Path& p : sresp.requires_replace) {
        AttributePathToProto(p, resp->add_requires_replace());
      }
      resp->set_planned_private(sresp.planned_private);
      if (SendIdentity(sresp.planned_identity, ischema)) {
        Encode(sresp.planned_identity, ischema->ValueType(), "planned identity",
               resp->mutable_planned_identity()->mutable_identity_data(),
               diags);
      }
    }
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("PlanResourceChange", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
