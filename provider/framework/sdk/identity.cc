// IdentitySchema: its value type and its validation.
#include "provider/framework/sdk/identity.h"

#include <map>
#include <regex>
#include <set>

#include "absl/strings/str_cat.h"

namespace tf {
namespace {

bool IdentityTypeAllowed(const Type& type) {
  switch (type.kind()) {
    case TypeKind::kString:
    case TypeKind::kNumber:
    case TypeKind::kBool:
      return true;
    case TypeKind::kList:
      return type.element_type().IsPrimitive();
    default:
      return false;
  }
}

}  // namespace

Type IdentitySchema::ValueType() const {
  std::map<std::string, Type> types;
  for (const IdentityAttribute& a : attributes) types.emplace(a.name, a.type);
  return Type::Object(std::move(types));
}

absl::Status IdentitySchema::Validate() const {
  static const std::regex kName("^[a-z0-9_]+$");
  if (version < 0) {
    return absl::InvalidArgumentError("identity version must not be negative");
  }
  if (attributes.empty()) {
    return absl::InvalidArgumentError("identity has no attribute");
  }
  std::set<std::string> seen;
  for (const IdentityAttribute& a : attributes) {
    if (!std::regex_match(a.name, kName)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "identity attribute name \"", a.name, "\" must match ^[a-z0-9_]+$"));
    }
    if (!seen.insert(a.name).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("identity attribute ", a.name, " is declared twice"));
    }
    if (!IdentityTypeAllowed(a.type)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "identity attribute ", a.name, " has type ", a.type.FriendlyName(),
          "; only string, number, bool or a list of one of them are allowed"));
    }
    if (a.required_for_import == a.optional_for_import) {
      return absl::InvalidArgumentError(
          absl::StrCat("identity attribute ", a.name,
                       " must set exactly one of required_for_import and "
                       "optional_for_import"));
    }
  }
  return absl::OkStatus();
}

}  // namespace tf
