// ApplyResourceChange: dispatch to Create (prior null), Delete (planned
// null) or Update, then check the new state against the plan.
// On failure the best-effort state is answered: after a failed create the
// author's partial state (unknowns nulled), or null when nothing was set;
// after a failed update the author's state, or the prior state when
// nothing was set; after a failed delete the prior state.
// Write-only attributes are always null in the returned state.
// With an identity: Create must set one; Update receives the planned
// identity and may only set it when it was null; after a delete it is null;
// after a failure the planned identity is answered.
#include "provider/framework/server/apply_checks.h"
#include "provider/framework/server/identity_checks.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/server/values.h"

namespace tf::server {

ApplyResourceChangeResponse ProviderServer::ApplyResourceChange(
    const ApplyResourceChangeRequest& req) const {
  ApplyResourceChangeResponse resp{.new_state = req.prior_state,
                                   .private_data = req.planned_private,
                                   .new_identity = req.planned_identity};
  std::unique_ptr<Resource> r =
      NewResource(req.type_name, /*configure=*/true, resp.diagnostics);
  if (r == nullptr) return resp;
  const Schema& schema = *ResourceSchema(req.type_name);
  const Context ctx = MakeContext();
  const IdentitySchema* ischema = ResourceIdentitySchema(req.type_name);
  const Value planned_identity =
      ischema == nullptr ? Value()
                         : IdentityOrNull(*ischema, req.planned_identity);
  resp.new_identity = planned_identity;

  if (req.planned_state.IsNull()) {  // delete
    if (req.prior_state.IsNull()) {
      resp.new_state = Value::Null(schema.ValueType());
      return resp;
    }
    DeleteResponse dresp;
    r->Delete(ctx,
              {.state = req.prior_state,
               .private_data = req.planned_private,
               .identity = planned_identity},
              dresp);
    resp.diagnostics.Append(dresp.diagnostics);
    if (!dresp.diagnostics.HasError()) {
      resp.new_state = Value::Null(schema.ValueType());
      if (ischema != nullptr)
        resp.new_identity = Value::Null(ischema->ValueType());
    }
    return resp;
  }

  Value state;
  if (req.prior_state.IsNull()) {  // create
    CreateResponse cresp{.state = req.planned_state,
                         .private_data = req.planned_private,
                         .identity = planned_identity};
    r->Create(ctx, {.config = req.config, .plan = req.planned_state}, cresp);
    resp.diagnostics.Append(cresp.diagnostics);
    resp.private_data = cresp.private_data;
    if (cresp.diagnostics.HasError()) {
      resp.new_state =
          cresp.state == req.planned_state || cresp.state.IsNull()
              ? Value::Null(schema.ValueType())
              : UnknownAsNull(NullWriteOnly(schema.block, cresp.state));
      return resp;
    }
    state = cresp.state;
    if (ischema != nullptr) {
      Diagnostics idiags;
      CheckIdentity(*ischema, cresp.identity, "create", idiags);
      CheckIdentityUnchanged(planned_identity, cresp.identity, "create",
                             idiags);
      resp.diagnostics.Append(idiags);
      if (!idiags.HasError()) resp.new_identity = cresp.identity;
    }
  } else {  // update
    UpdateResponse uresp{.state = req.planned_state,
                         .private_data = req.planned_private,
                         .identity = planned_identity};
    r->Update(ctx,
              {.config = req.config,
               .plan = req.planned_state,
               .state = req.prior_state,
               .private_data = req.planned_private,
               .identity = planned_identity},
              uresp);
    resp.diagnostics.Append(uresp.diagnostics);
    resp.private_data = uresp.private_data;
    if (uresp.diagnostics.HasError()) {
      resp.new_state =
          uresp.state == req.planned_state || uresp.state.IsNull()
              ? req.prior_state
              : UnknownAsNull(NullWriteOnly(schema.block, uresp.state));
      return resp;
    }
    state = uresp.state;
    if (ischema != nullptr) {
      Diagnostics idiags;
      CheckIdentity(*ischema, uresp.identity, "update", idiags);
      CheckIdentityUnchanged(planned_identity, uresp.identity, "update",
                             idiags);
      resp.diagnostics.Append(idiags);
      if (!idiags.HasError()) resp.new_identity = uresp.identity;
    }
  }

  if (state.IsNull()) {
    resp.diagnostics.AddError(
        "Provider returned no state after apply",
        "The resource set its state to null after a successful create or "
        "update. This is a bug in the provider.");
    resp.new_state = UnknownAsNull(req.planned_state);
    return resp;
  }
  state = NullWriteOnly(schema.block, state);
  Diagnostics checks;
  CheckNewStateConformsToPlan(req.planned_state, state, checks);
  resp.diagnostics.Append(checks);
  resp.new_state = checks.HasError() ? UnknownAsNull(state) : state;
  return resp;
}

}  // namespace tf::server
