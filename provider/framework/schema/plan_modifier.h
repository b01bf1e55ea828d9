// plan_modifier.h: attribute plan modifiers and the two built-ins.
//
// A plan modifier runs during PlanResourceChange for one attribute, after
// defaults and after computed-null attributes were marked unknown. It sees the
// attribute's config, prior state and current planned values and may change
// the planned value or ask for replacement:
//   {.name = "name", .type = Type::String(), .presence = Presence::kRequired,
//    .plan_modifiers = {RequiresReplace()}}
// Modifiers never run when the resource is being destroyed.
#pragma once

#include <memory>
#include <string>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/types/path.h"
#include "provider/framework/types/value.h"

namespace tf {

struct PlanModifierRequest {
  Path path{};            // the attribute being planned
  Value config{};         // its value in configuration (may be unknown)
  Value state{};          // its prior value (null when creating)
  Value plan{};           // its planned value so far
  bool creating = false;  // no prior state: the resource will be created
};

struct PlanModifierResponse {
  Value plan{};                   // pre-filled with the request's plan
  bool requires_replace = false;  // a change here forces a new resource
  Diagnostics diagnostics{};
};

// Interface of an attribute plan modifier. Implementations are immutable and
// shared (they live in schemas), so Modify must be thread-safe.
class PlanModifier {
 public:
  virtual ~PlanModifier() = default;
  // One sentence for the docs, e.g. "Changing this forces a new resource."
  virtual std::string Description() const = 0;
  virtual void Modify(const PlanModifierRequest& req,
                      PlanModifierResponse& resp) const = 0;
};

// Asks for replacement when the planned value differs from the prior value
// of an existing resource (an unknown planned value counts as different).
std::shared_ptr<const PlanModifier> RequiresReplace();

// Keeps the prior value instead of "known after apply" when the attribute is
// computed, null in config, and the resource already exists: for values that
// never change once set (ids, creation times). A null prior value is kept as
// well (e.g. a secret an imported resource never had).
std::shared_ptr<const PlanModifier> UseStateForUnknown();

}  // namespace tf
