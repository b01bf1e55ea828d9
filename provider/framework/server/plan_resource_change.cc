// PlanResourceChange: the plan steps of plan_steps.h, in order, plus the
// resource's WithModifyPlan. prior_private is echoed as planned_private,
// and the prior identity as the planned identity (null on create: the
// resource sets it in Create).
#include "absl/strings/str_cat.h"
#include "provider/framework/server/capabilities.h"
#include "provider/framework/server/identity_checks.h"
#include "provider/framework/server/plan_steps.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/server/values.h"

namespace tf::server {

PlanResourceChangeResponse ProviderServer::PlanResourceChange(
    const PlanResourceChangeRequest& req) const {
  PlanResourceChangeResponse resp{.planned_state = req.proposed_new_state,
                                  .planned_private = req.prior_private,
                                  .planned_identity = req.prior_identity};
  auto r = NewResource(req.type_name, resp.diagnostics);
  if (!r) return resp;
  const Schema& schema = r.schemas->schema;
  const Block& block = schema.block;
  Capabilities caps = DetectCapabilities(*r);
  if (const IdentitySchema* ischema = r.schemas->Identity()) {
    resp.planned_identity = IdentityOrNull(*ischema, req.prior_identity);
  }

  // Step 1: destroy. The plan is null; only ModifyPlan runs (for warnings),
  // and must leave it null.
  if (req.proposed_new_state.IsNull()) {
    resp.planned_state = Value::Null(r.schemas->type);
    if (caps.modify_plan != nullptr) {
      ModifyPlanResponse mresp{.plan = resp.planned_state};
      caps.modify_plan->ModifyPlan(MakeContext(),
                                   {.config = req.config,
                                    .state = req.prior_state,
                                    .plan = resp.planned_state},
                                   mresp);
      resp.diagnostics.Append(mresp.diagnostics);
      if (!mresp.plan.IsNull()) {
        resp.diagnostics.AddError(
            "Provider produced invalid plan",
            absl::StrCat("The plan to destroy this ", req.type_name,
                         " must be null, but ModifyPlan set a value. This is "
                         "a bug in the provider."));
      }
    }
    return resp;
  }

  const bool creating = req.prior_state.IsNull();
  // Step 2: defaults.
  Value plan = ApplyDefaults(block, req.config, req.proposed_new_state);
  plan = NullWriteOnly(block, plan);
  // Step 3: computed nulls unknown, on create or when something changes.
  plan = MarkComputedNullsUnknown(block, req.config, plan,
                                  creating || HasChange(req.prior_state, plan));
  // Step 4: attribute plan modifiers.
  std::vector<Path> requires_replace;
  RunAttributePlanModifiers(block, req.config, req.prior_state, plan,
                            requires_replace, resp.diagnostics);
  if (resp.diagnostics.HasError()) return resp;
  // Step 5: the resource's ModifyPlan.
  if (caps.modify_plan != nullptr) {
    ModifyPlanResponse mresp{.plan = plan};
    caps.modify_plan->ModifyPlan(
        MakeContext(),
        {.config = req.config, .state = req.prior_state, .plan = plan}, mresp);
    resp.diagnostics.Append(mresp.diagnostics);
    if (resp.diagnostics.HasError()) return resp;
    plan = mresp.plan;
    requires_replace.insert(requires_replace.end(),
                            mresp.requires_replace.begin(),
                            mresp.requires_replace.end());
  }
  // Step 6: requires_replace only for values that really change.
  resp.requires_replace =
      NormaliseRequiresReplace(req.prior_state, plan, requires_replace);
  // Step 7: what Terraform will check anyway, with a clearer message.
  CheckPlanAgainstConfig(block, req.config, plan, resp.diagnostics);
  resp.planned_state = plan;
  return resp;
}

}  // namespace tf::server
