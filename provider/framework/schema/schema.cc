#include "provider/framework/schema/schema.h"

#include <map>
#include <regex>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"

namespace tf {
namespace {

bool ValidName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// True when `value` may be stored in an attribute of type `type`.
bool Conforms(const Value& value, const Type& type) {
  if (type.kind() == TypeKind::kDynamic) return true;
  return value.type() == type;
}

std::string Join(const std::string& prefix, const std::string& name) {
  return prefix.empty() ? name : absl::StrCat(prefix, ".", name);
}

absl::Status ValidateAttribute(const Attribute& a, const std::string& where,
                               bool in_set) {
  auto err = [&](const std::string& what) {
    return absl::InvalidArgumentError(
        absl::StrCat("schema attribute ", where, ": ", what));
  };
  if (a.default_value.has_value()) {
    if (a.presence != Presence::kOptionalComputed) {
      return err(
          "a default needs presence kOptionalComputed (the planned value "
          "differs from the null config, which Terraform only accepts for "
          "computed attributes)");
    }
    if (!a.default_value->IsKnown() || !a.default_value->IsWhollyKnown()) {
      return err("a default must be wholly known");
    }
    if (a.default_value->IsNull()) return err("a default must not be null");
    if (!Conforms(*a.default_value, a.type)) {
      return err(
          absl::StrCat("default is not of type ", a.type.FriendlyName()));
    }
  }
  if (a.write_only) {
    if (IsComputed(a.presence)) {
      return err("a write-only attribute cannot be computed");
    }
    if (in_set) {
      return err("a write-only attribute cannot be inside a set block");
    }
  }
  for (const auto& m : a.plan_modifiers) {
    if (m == nullptr) return err("null plan modifier");
  }
  for (const auto& v : a.validators) {
    if (v == nullptr) return err("null validator");
  }
  return absl::OkStatus();
}

absl::Status ValidateBlock(const Block& block, const std::string& prefix,
                           bool in_set) {
  std::set<std::string> seen;
  for (const Attribute& a : block.attributes) {
    std::string where = Join(prefix, a.name);
    if (!ValidName(a.name)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "schema attribute \"", where, "\": name must match ^[a-z0-9_]+$"));
    }
    if (!seen.insert(a.name).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("schema attribute ", where, ": duplicate name"));
    }
    if (absl::Status s = ValidateAttribute(a, where, in_set); !s.ok()) {
      return s;
    }
  }
  for (const NestedBlock& nb : block.blocks) {
    std::string where = Join(prefix, nb.type_name);
    if (!ValidName(nb.type_name)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "schema block \"", where, "\": name must match ^[a-z0-9_]+$"));
    }
    if (!seen.insert(nb.type_name).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("schema block ", where, ": duplicate name"));
    }
    if (nb.min_items < 0 || nb.max_items < 0 ||
        (nb.max_items > 0 && nb.min_items > nb.max_items)) {
      return absl::InvalidArgumentError(
          absl::StrCat("schema block ", where, ": bad min/max items"));
    }
    if (nb.nesting == Nesting::kSingle &&
        (nb.max_items > 1 || nb.min_items > 1)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "schema block ", where, ": a single block has at most one item"));
    }
    if (absl::Status s = ValidateBlock(nb.block, where,
                                       in_set || nb.nesting == Nesting::kSet);
        !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace

bool IsComputed(Presence p) {
  return p == Presence::kOptionalComputed || p == Presence::kComputed;
}

Type Block::ValueType() const {
  std::map<std::string, Type> types;
  for (const Attribute& a : attributes) types[a.name] = a.type;
  for (const NestedBlock& nb : blocks) types[nb.type_name] = nb.ValueType();
  return Type::Object(std::move(types));
}

const Attribute* Block::FindAttribute(std::string_view name) const {
  for (const Attribute& a : attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

const NestedBlock* Block::FindBlock(std::string_view type_name) const {
  for (const NestedBlock& nb : blocks) {
    if (nb.type_name == type_name) return &nb;
  }
  return nullptr;
}

Type NestedBlock::ValueType() const {
  Type object = block.ValueType();
  switch (nesting) {
    case Nesting::kSingle:
      return object;
    case Nesting::kList:
      return Type::List(object);
    case Nesting::kSet:
      return Type::Set(object);
  }
  return object;
}

absl::Status Schema::Validate() const {
  if (version < 0) {
    return absl::InvalidArgumentError("schema version must not be negative");
  }
  return ValidateBlock(block, "", /*in_set=*/false);
}

}  // namespace tf
