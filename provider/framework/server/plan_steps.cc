#include "provider/framework/server/plan_steps.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace tf::server {
namespace {

bool IsKnownObject(const Value& v) {
  return v.IsKnown() && !v.IsNull() && v.type().kind() == TypeKind::kObject;
}

bool IsKnownList(const Value& v) {
  return v.IsKnown() && !v.IsNull() && v.type().kind() == TypeKind::kList;
}

// Applies `f(block, config_obj, prior_obj, plan_obj, path) -> plan_obj` to
// the objects of the single and list nested blocks of `block`, returning
// `plan` with the results put back.
template <typename F>
Value ForNestedBlocks(const Block& block, const Value& config,
                      const Value& prior, const Value& plan, const Path& base,
                      F f) {
  Value out = plan;
  for (const NestedBlock& nb : block.blocks) {
    const Value& c = config.Attr(nb.type_name);
    const Value& p = plan.Attr(nb.type_name);
    const Value& s = IsKnownObject(prior) ? prior.Attr(nb.type_name)
                                          : Value::Null(nb.ValueType());
    Path path = base.Attr(nb.type_name);
    if (nb.nesting == Nesting::kSingle) {
      if (!IsKnownObject(p)) continue;
      out = out.WithAttr(nb.type_name, f(nb.block, c, s, p, path));
    } else if (nb.nesting == Nesting::kList) {
      if (!IsKnownList(p) || !IsKnownList(c) ||
          c.Elements().size() != p.Elements().size()) {
        continue;
      }
      std::vector<Value> elems;
      for (size_t i = 0; i < p.Elements().size(); ++i) {
        Value se = IsKnownList(s) && i < s.Elements().size()
                       ? s.Elements()[i]
                       : Value::Null(nb.block.ValueType());
        elems.push_back(f(nb.block, c.Elements()[i], se, p.Elements()[i],
                          path.Index(static_cast<int64_t>(i))));
      }
      out = out.WithAttr(nb.type_name,
                         Value::List(nb.block.ValueType(), std::move(elems)));
    }
  }
  return out;
}

Value ApplyDefaultsAt(const Block& block, const Value& config,
                      const Value& prior, const Value& plan, const Path& base) {
  if (!IsKnownObject(plan)) return plan;
  Value out = plan;
  for (const Attribute& a : block.attributes) {
    if (!a.default_value.has_value()) continue;
    const Value& c = config.Attr(a.name);
    if (c.IsKnown() && c.IsNull()) out = out.WithAttr(a.name, *a.default_value);
  }
  return ForNestedBlocks(block, config, prior, out, base, ApplyDefaultsAt);
}

Value MarkAt(const Block& block, const Value& config, const Value& prior,
             const Value& plan, const Path& base) {
  if (!IsKnownObject(plan)) return plan;
  Value out = plan;
  for (const Attribute& a : block.attributes) {
    if (!IsComputed(a.presence) || a.default_value.has_value()) continue;
    const Value& c = config.Attr(a.name);
    if (!(c.IsKnown() && c.IsNull())) continue;
    if (!out.Attr(a.name).IsKnown()) continue;
    out = out.WithAttr(a.name, Value::Unknown(a.type));
  }
  return ForNestedBlocks(block, config, prior, out, base, MarkAt);
}

struct ModifierState {
  std::vector<Path>* requires_replace;
  Diagnostics* diags;
  bool creating;
};

Value ModifyAt(const ModifierState& st, const Block& block, const Value& config,
               const Value& prior, const Value& plan, const Path& base) {
  if (!IsKnownObject(plan)) return plan;
  Value out = plan;
  for (const Attribute& a : block.attributes) {
    if (a.plan_modifiers.empty()) continue;
    Path path = base.Attr(a.name);
    Value state =
        IsKnownObject(prior) ? prior.Attr(a.name) : Value::Null(a.type);
    Value current = out.Attr(a.name);
    for (const auto& m : a.plan_modifiers) {
      PlanModifierRequest req{.path = path,
                              .config = config.Attr(a.name),
                              .state = state,
                              .plan = current,
                              .creating = st.creating};
      PlanModifierResponse resp{.plan = current};
      m->Modify(req, resp);
      st.diags->Append(resp.diagnostics);
      current = resp.plan;
      if (resp.requires_replace) st.requires_replace->push_back(path);
    }
    out = out.WithAttr(a.name, current);
  }
  return ForNestedBlocks(
      block, config, prior, out, base,
      [&st](const Block& b, const Value& c, const Value& s, const Value& p,
            const Path& path) { return ModifyAt(st, b, c, s, p, path); });
}

void CheckAt(const Block& block, const Value& config, const Value& plan,
             const Path& base, Diagnostics& diags) {
  if (!IsKnownObject(plan) || !IsKnownObject(config)) return;
  for (const Attribute& a : block.attributes) {
    Path path = base.Attr(a.name);
    const Value& c = config.Attr(a.name);
    const Value& p = plan.Attr(a.name);
    auto fail = [&](const std::string& why) {
      diags.AddAttributeError(
          path, "Provider produced invalid plan",
          absl::StrCat("The planned value of ", path.ToString(), " ", why,
                       ". This is a bug in the provider."));
    };
    if (a.write_only) {
      if (!(p.IsKnown() && p.IsNull())) fail("must be null (write-only)");
      continue;
    }
    bool config_null = c.IsKnown() && c.IsNull();
    if (!config_null) {
      if (p != c) fail("does not match the configuration");
    } else if (!IsComputed(a.presence)) {
      if (!(p.IsKnown() && p.IsNull())) {
        fail("must be null: the attribute is not set and not computed");
      }
    }
  }
  for (const NestedBlock& nb : block.blocks) {
    const Value& c = config.Attr(nb.type_name);
    const Value& p = plan.Attr(nb.type_name);
    Path path = base.Attr(nb.type_name);
    if (nb.nesting == Nesting::kSingle) {
      CheckAt(nb.block, c, p, path, diags);
    } else if (nb.nesting == Nesting::kList && IsKnownList(c) &&
               IsKnownList(p)) {
      if (c.Elements().size() != p.Elements().size()) {
        diags.AddAttributeError(
            path, "Provider produced invalid plan",
            absl::StrCat("The planned number of ", path.ToString(),
                         " blocks differs from the configuration. This is a "
                         "bug in the provider."));
        continue;
      }
      for (size_t i = 0; i < c.Elements().size(); ++i) {
        CheckAt(nb.block, c.Elements()[i], p.Elements()[i],
                path.Index(static_cast<int64_t>(i)), diags);
      }
    }
  }
}

}  // namespace

Value ApplyDefaults(const Block& block, const Value& config,
                    const Value& plan) {
  return ApplyDefaultsAt(block, config, Value(), plan, Path());
}

bool HasChange(const Value& prior, const Value& plan) {
  if (prior.IsNull()) return true;
  return prior != plan;
}

Value MarkComputedNullsUnknown(const Block& block, const Value& config,
                               const Value& plan, bool mark) {
  if (!mark) return plan;
  return MarkAt(block, config, Value(), plan, Path());
}

void RunAttributePlanModifiers(const Block& block, const Value& config,
                               const Value& prior, Value& plan,
                               std::vector<Path>& requires_replace,
                               Diagnostics& diags) {
  ModifierState st{&requires_replace, &diags, prior.IsNull()};
  plan = ModifyAt(st, block, config, prior, plan, Path());
}

std::vector<Path> NormaliseRequiresReplace(const Value& prior,
                                           const Value& plan,
                                           const std::vector<Path>& paths) {
  std::vector<Path> out;
  if (prior.IsNull() || plan.IsNull()) return out;
  for (const Path& p : paths) {
    if (std::find(out.begin(), out.end(), p) != out.end()) continue;
    absl::StatusOr<Value> before = ValueAt(prior, p);
    absl::StatusOr<Value> after = ValueAt(plan, p);
    if (before.ok() && after.ok() && *before == *after) continue;
    out.push_back(p);
  }
  return out;
}

void CheckPlanAgainstConfig(const Block& block, const Value& config,
                            const Value& plan, Diagnostics& diags) {
  CheckAt(block, config, plan, Path(), diags);
}

}  // namespace tf::server
