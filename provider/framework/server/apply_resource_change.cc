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
namespace {

// Takes what Create or Update (`after`) answered into `resp`. On an error:
// the author's state (unknowns nulled), or, when the resource set nothing,
// `unset` (a null of the schema's type when `unset` is null); false.
// Otherwise the identity checks; true.
template <typename Response>
bool TakeWriteResponse(const Response& out, const char* after,
                       const Value& planned_state, const Value* unset,
                       const TypeSchemas& types,
                       ApplyResourceChangeResponse& resp) {
  resp.diagnostics.Append(out.diagnostics);
  resp.private_data = out.private_data;
  if (out.diagnostics.HasError()) {
    if (out.state == planned_state || out.state.IsNull()) {
      resp.new_state = unset != nullptr ? *unset : Value::Null(types.type);
    } else {
      resp.new_state =
          UnknownAsNull(NullWriteOnly(types.schema.block, out.state));
    }
    return false;
  }
  if (const IdentitySchema* ischema = types.Identity()) {
    resp.new_identity = CheckNewIdentity(*ischema, resp.new_identity,
                                         out.identity, after, resp.diagnostics);
  }
  return true;
}

}  // namespace

ApplyResourceChangeResponse ProviderServer::ApplyResourceChange(
    const ApplyResourceChangeRequest& req) const {
  ApplyResourceChangeResponse resp{.new_state = req.prior_state,
                                   .private_data = req.planned_private,
                                   .new_identity = req.planned_identity};
  auto r = NewResource(req.type_name, resp.diagnostics);
  if (!r) return resp;
  const Schema& schema = r.schemas->schema;
  const Context ctx = MakeContext();
  const IdentitySchema* ischema = r.schemas->Identity();
  const Value planned_identity =
      ischema == nullptr ? Value()
                         : IdentityOrNull(*ischema, req.planned_identity);
  resp.new_identity = planned_identity;

  if (req.planned_state.IsNull()) {  // delete
    if (req.prior_state.IsNull()) {
      resp.new_state = Value::Null(r.schemas->type);
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
      resp.new_state = Value::Null(r.schemas->type);
      if (ischema != nullptr)
        resp.new_identity = Value::Null(r.schemas->identity_type);
    }
    return resp;
  }

  Value state;
  if (req.prior_state.IsNull()) {  // create
    CreateResponse cresp{.state = req.planned_state,
                         .private_data = req.planned_private,
                         .identity = planned_identity};
    r->Create(ctx, {.config = req.config, .plan = req.planned_state}, cresp);
    if (!TakeWriteResponse(cresp, "create", req.planned_state,
                           /*unset=*/nullptr, *r.schemas, resp)) {
      return resp;
    }
    state = cresp.state;
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
    if (!TakeWriteResponse(uresp, "update", req.planned_state, &req.prior_state,
                           *r.schemas, resp)) {
      return resp;
    }
    state = uresp.state;
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
