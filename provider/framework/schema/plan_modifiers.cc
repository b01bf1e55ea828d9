// The built-in plan modifiers: RequiresReplace and UseStateForUnknown.
#include <memory>

#include "provider/framework/schema/plan_modifier.h"

namespace tf {
namespace {

class RequiresReplaceModifier final : public PlanModifier {
 public:
  std::string Description() const override {
    return "Changing this forces a new resource.";
  }
  void Modify(const PlanModifierRequest& req,
              PlanModifierResponse& resp) const override {
    if (req.creating) return;
    if (req.plan == req.state) return;
    resp.requires_replace = true;
  }
};

class UseStateForUnknownModifier final : public PlanModifier {
 public:
  std::string Description() const override {
    return "Once set, the value of this attribute in state will not change.";
  }
  void Modify(const PlanModifierRequest& req,
              PlanModifierResponse& resp) const override {
    if (req.creating) return;
    // A null prior value is kept too (e.g. a secret an imported resource
    // never had): the value of an existing resource does not change.
    if (req.plan.IsKnown()) return;     // already decided
    if (!req.config.IsKnown()) return;  // config will decide after apply
    if (!req.config.IsNull()) return;   // the user sets it
    resp.plan = req.state;
  }
};

}  // namespace

std::shared_ptr<const PlanModifier> RequiresReplace() {
  return std::make_shared<RequiresReplaceModifier>();
}

std::shared_ptr<const PlanModifier> UseStateForUnknown() {
  return std::make_shared<UseStateForUnknownModifier>();
}

}  // namespace tf
