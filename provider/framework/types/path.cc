#include "provider/framework/types/path.h"

#include "absl/strings/str_cat.h"
#include "provider/framework/types/json_dom.h"

namespace tf {

bool PathStep::operator==(const PathStep& other) const {
  if (kind != other.kind) return false;
  return kind == kKeyInt ? index == other.index : name == other.name;
}

Path Path::Root(std::string attribute) { return Path().Attr(std::move(attribute)); }

Path Path::Attr(std::string name) const {
  Path p = *this;
  p.steps_.push_back(PathStep{PathStep::kAttribute, std::move(name), 0});
  return p;
}

Path Path::Key(std::string key) const {
  Path p = *this;
  p.steps_.push_back(PathStep{PathStep::kKeyString, std::move(key), 0});
  return p;
}

Path Path::Index(int64_t i) const {
  Path p = *this;
  p.steps_.push_back(PathStep{PathStep::kKeyInt, "", i});
  return p;
}

std::string Path::ToString() const {
  std::string out;
  for (const PathStep& step : steps_) {
    switch (step.kind) {
      case PathStep::kAttribute:
        if (!out.empty()) out += ".";
        out += step.name;
        break;
      case PathStep::kKeyString:
        absl::StrAppend(&out, "[", types_internal::QuoteJson(step.name), "]");
        break;
      case PathStep::kKeyInt:
        absl::StrAppend(&out, "[", step.index, "]");
        break;
    }
  }
  return out;
}

namespace {

absl::Status StepError(const Path& at, absl::string_view what) {
  return absl::InvalidArgumentError(
      at.empty() ? std::string(what) : absl::StrCat("at ", at.ToString(), ": ", what));
}

// The type reached by `step` from a value of type `t`, if it fits.
absl::StatusOr<Type> StepType(const Type& t, const PathStep& step, const Path& at) {
  switch (step.kind) {
    case PathStep::kAttribute:
      if (t.kind() == TypeKind::kObject) {
        auto it = t.attribute_types().find(step.name);
        if (it != t.attribute_types().end()) return it->second;
        return absl::NotFoundError(absl::StrCat(
            at.empty() ? "" : absl::StrCat("at ", at.ToString(), ": "),
            "no attribute \"", step.name, "\""));
      }
      if (t.kind() == TypeKind::kDynamic) return Type::Dynamic();
      return StepError(at, absl::StrCat("cannot take attribute \"", step.name,
                                        "\" of ", t.FriendlyName()));
    case PathStep::kKeyString:
      if (t.kind() == TypeKind::kMap) return t.element_type();
      if (t.kind() == TypeKind::kDynamic) return Type::Dynamic();
      return StepError(at, absl::StrCat("cannot take a key of ", t.FriendlyName()));
    case PathStep::kKeyInt:
      if (t.kind() == TypeKind::kList) return t.element_type();
      if (t.kind() == TypeKind::kTuple) {
        if (step.index >= 0 &&
            step.index < static_cast<int64_t>(t.tuple_types().size())) {
          return t.tuple_types()[step.index];
        }
        return absl::NotFoundError(absl::StrCat(
            at.empty() ? "" : absl::StrCat("at ", at.ToString(), ": "),
            "index ", step.index, " out of range"));
      }
      if (t.kind() == TypeKind::kDynamic) return Type::Dynamic();
      return StepError(at, absl::StrCat("cannot take an index of ", t.FriendlyName()));
  }
  return StepError(at, "invalid path step");
}

Path Append(const Path& p, const PathStep& step) {
  switch (step.kind) {
    case PathStep::kAttribute:
      return p.Attr(step.name);
    case PathStep::kKeyString:
      return p.Key(step.name);
    case PathStep::kKeyInt:
      return p.Index(step.index);
  }
  return p;
}

}  // namespace

absl::StatusOr<Value> ValueAt(const Value& root, const Path& path) {
  Value current = root;
  Path at;
  for (const PathStep& step : path.steps()) {
    absl::StatusOr<Type> next_type = StepType(current.type(), step, at);
    if (!next_type.ok()) return next_type.status();
    if (current.IsNull()) {
      current = Value::Null(*next_type);
    } else if (!current.IsKnown()) {
      current = Value::Unknown(*next_type);
    } else {
      switch (step.kind) {
        case PathStep::kAttribute: {
          auto it = current.Entries().find(step.name);
          if (it == current.Entries().end()) {
            return absl::NotFoundError(absl::StrCat(
                at.empty() ? "" : absl::StrCat("at ", at.ToString(), ": "),
                "no attribute \"", step.name, "\""));
          }
          current = it->second;
          break;
        }
        case PathStep::kKeyString: {
          auto it = current.Entries().find(step.name);
          if (it == current.Entries().end()) {
            return absl::NotFoundError(absl::StrCat(
                at.empty() ? "" : absl::StrCat("at ", at.ToString(), ": "),
                "no element for key ", types_internal::QuoteJson(step.name)));
          }
          current = it->second;
          break;
        }
        case PathStep::kKeyInt: {
          const auto& elems = current.Elements();
          if (step.index < 0 || step.index >= static_cast<int64_t>(elems.size())) {
            return absl::NotFoundError(absl::StrCat(
                at.empty() ? "" : absl::StrCat("at ", at.ToString(), ": "),
                "index ", step.index, " out of range"));
          }
          current = elems[step.index];
          break;
        }
      }
    }
    at = Append(at, step);
  }
  return current;
}

}  // namespace tf
