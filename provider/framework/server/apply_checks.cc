#include "provider/framework/server/apply_checks.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "provider/framework/server/values.h"

namespace tf::server {
namespace {

constexpr char kSummary[] = "Provider produced inconsistent result after apply";

std::string Where(const Path& path) {
  return path.empty() ? std::string("the resource")
                      : absl::StrCat("attribute ", path.ToString());
}

void Error(const Path& path, const std::string& why, Diagnostics& diags) {
  std::string detail = absl::StrCat("The new value of ", Where(path), " ", why,
                                    ". This is a bug in the provider.");
  if (path.empty()) {
    diags.AddError(kSummary, std::move(detail));
  } else {
    diags.AddAttributeError(path, kSummary, std::move(detail));
  }
}

bool IsKnownNonNull(const Value& v) { return v.IsKnown() && !v.IsNull(); }

void Check(const Value& planned, const Value& actual, const Path& path,
           Diagnostics& diags) {
  if (!planned.IsKnown()) {
    if (auto p = FirstUnknown(actual, path)) {
      Error(*p, "is still unknown after apply", diags);
    } else if (planned.refinements().not_null && actual.IsNull()) {
      Error(path, "is null, but the plan promised a non-null value", diags);
    }
    return;
  }
  if (planned.IsWhollyKnown() && planned == actual) return;
  if (planned.IsNull() || !IsKnownNonNull(actual)) {
    if (!actual.IsKnown()) {
      Error(path, "is still unknown after apply", diags);
    } else {
      Error(path, "differs from the planned value", diags);
    }
    return;
  }
  const TypeKind kind = planned.type().kind();
  if (kind != actual.type().kind()) {
    Error(path, "has a different type than planned", diags);
    return;
  }
  size_t before = diags.size();
  bool shape_differs = false;
  switch (kind) {
    case TypeKind::kObject:
    case TypeKind::kMap: {
      const auto& pe = planned.Entries();
      const auto& ae = actual.Entries();
      if (pe.size() != ae.size()) {
        shape_differs = true;
        break;
      }
      for (const auto& [k, pv] : pe) {
        auto it = ae.find(k);
        if (it == ae.end()) {
          shape_differs = true;
          break;
        }
        Check(pv, it->second,
              kind == TypeKind::kObject ? path.Attr(k) : path.Key(k), diags);
      }
      break;
    }
    case TypeKind::kList:
    case TypeKind::kTuple: {
      const auto& pe = planned.Elements();
      const auto& ae = actual.Elements();
      if (pe.size() != ae.size()) {
        shape_differs = true;
        break;
      }
      for (size_t i = 0; i < pe.size(); ++i) {
        Check(pe[i], ae[i], path.Index(static_cast<int64_t>(i)), diags);
      }
      break;
    }
    case TypeKind::kSet:
      // Set elements cannot be paired: a set with unknowns in the plan only
      // needs to be wholly known now.
      if (!planned.IsWhollyKnown()) {
        if (auto p = FirstUnknown(actual, path)) {
          Error(*p, "is still unknown after apply", diags);
        }
        return;
      }
      shape_differs = true;  // wholly known and unequal
      break;
    default:
      shape_differs = true;  // wholly known primitive and unequal
      break;
  }
  if (diags.size() != before) return;  // blamed something more precise
  if (shape_differs || planned.IsWhollyKnown()) {
    Error(path, "differs from the planned value", diags);
  }
}

}  // namespace

void CheckNewStateConformsToPlan(const Value& planned, const Value& actual,
                                 Diagnostics& diags) {
  Check(planned, actual, Path(), diags);
}

void CheckWhollyKnown(const Value& state, const std::string& summary,
                      Diagnostics& diags) {
  if (auto p = FirstUnknown(state)) {
    std::string detail = absl::StrCat(
        "The provider returned an unknown value for ",
        p->empty() ? std::string("the whole object")
                   : absl::StrCat("attribute ", p->ToString()),
        "; the result must be wholly known. This is a bug in the provider.");
    if (p->empty()) {
      diags.AddError(summary, std::move(detail));
    } else {
      diags.AddAttributeError(*p, summary, std::move(detail));
    }
  }
}

}  // namespace tf::server
