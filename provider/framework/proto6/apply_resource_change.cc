// ApplyResourceChange: convert, call
// server::ProviderServer::ApplyResourceChange, convert back.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ApplyResourceChange(
    grpc::ServerContext*, const tfplugin6::ApplyResourceChange::Request* req,
    tfplugin6::ApplyResourceChange::Response* resp) {
  LogRequest("ApplyResourceChange", req->type_name());
  Diagnostics diags;
  const Schema* schema = server_.ResourceSchema(req->type_name());
  server::ApplyResourceChangeRequest sreq{
      .type_name = req->type_name(), .planned_private = req->planned_private()};
  const IdentitySchema* ischema =
      server_.ResourceIdentitySchema(req->type_name());
  if (schema == nullptr) {
    UnknownResource(req->type_name(), diags);
  } else {
    const Type type = schema->ValueType();
    if (Decode(req->prior_state(), type, "prior state", sreq.prior_state,
               diags) &&
        Decode(req->planned_state(), type, "planned state", sreq.planned_state,
               diags) &&
        Decode(req->config(), type, "configuration", sreq.config, diags) &&
        DecodeIdentity(req->has_planned_identity(), req->planned_identity(),
                       ischema, "planned identity", sreq.planned_identity,
                       diags)) {
      server::ApplyResourceChangeResponse sresp =
          server_.ApplyResourceChange(sreq);
      diags.Append(sresp.diagnostics);
      Encode(sresp.new_state, type, "new state", resp->mutable_new_state(),
             diags);
      resp->set_private_(sresp.private_data);
      if (SendIdentity(sresp.new_identity, ischema)) {
        Encode(sresp.new_identity, ischema->ValueType(), "new identity",
               resp->mutable_new_identity()->mutable_identity_data(), diags);
      }
    }
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("ApplyResourceChange", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
