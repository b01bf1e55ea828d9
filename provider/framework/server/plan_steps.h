// plan_steps.h: the steps of PlanResourceChange as named, separately tested
// functions. plan_resource_change.cc runs them in this order:
//   1. destroy (proposed null): the plan is null, no attribute modifiers;
//   2. ApplyDefaults: defaults where config is null;
//   3. MarkComputedNullsUnknown: computed attributes null in config become
//      unknown on create, and on update only when the resource changes
//      (a no-op plan must equal the prior state exactly);
//   4. RunAttributePlanModifiers (UseStateForUnknown restores prior values);
//   5. the resource's WithModifyPlan;
//   6. NormaliseRequiresReplace;
//   7. CheckPlanAgainstConfig (non-computed values equal config).
// Nested blocks are walked when single or list; set blocks are left to the
// provider's ModifyPlan (their elements cannot be paired with config).
#pragma once

#include <vector>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/types/path.h"
#include "provider/framework/types/value.h"

namespace tf::server {

// Step 2: `plan` with each attribute that has a default and is null in
// `config` set to the default.
Value ApplyDefaults(const Block& block, const Value& config, const Value& plan);

// True when the resource changes: `plan` (after defaults) differs from
// `prior`. Always true on create.
bool HasChange(const Value& prior, const Value& plan);

// Step 3: when `mark` (create, or update with a change), `plan` with every
// computed attribute that is null in `config` and has no default set
// unknown. Otherwise `plan` unchanged.
Value MarkComputedNullsUnknown(const Block& block, const Value& config,
                               const Value& plan, bool mark);

// Step 4: runs every attribute's plan modifiers in declaration order,
// updating `plan` and collecting requires-replace paths and diagnostics.
// `prior` is null when creating.
void RunAttributePlanModifiers(const Block& block, const Value& config,
                               const Value& prior, Value& plan,
                               std::vector<Path>& requires_replace,
                               Diagnostics& diags);

// Step 6: de-duplicated `paths` whose planned value differs from the prior
// value; empty when `prior` is null (create) or `plan` is null (destroy).
std::vector<Path> NormaliseRequiresReplace(const Value& prior,
                                           const Value& plan,
                                           const std::vector<Path>& paths);

// Step 7: errors (naming the attribute) where `plan` breaks Terraform's
// rules: a value set in config must be planned unchanged, a non-computed
// attribute null in config must be planned null, write-only attributes are
// planned null.
void CheckPlanAgainstConfig(const Block& block, const Value& config,
                            const Value& plan, Diagnostics& diags);

}  // namespace tf::server
