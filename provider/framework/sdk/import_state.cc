// ImportStatePassthroughID and ImportStatePassthroughWithIdentity: the
// common ImportState bodies.
#include "absl/strings/str_cat.h"
#include "provider/framework/sdk/capabilities.h"

namespace tf {

void ImportStatePassthroughID(const Path& attribute,
                              const ImportStateRequest& req,
                              ImportStateResponse& resp) {
  if (attribute.steps().size() != 1 ||
      attribute.steps()[0].kind != PathStep::kAttribute) {
    resp.diagnostics.AddError(
        "Invalid import attribute",
        absl::StrCat("ImportStatePassthroughID needs a top-level attribute "
                     "path, got \"",
                     attribute.ToString(), "\". This is a provider bug."));
    return;
  }
  if (req.id.empty()) {
    resp.diagnostics.AddError("Missing import ID",
                              "The import ID must not be empty.");
    return;
  }
  const std::string& name = attribute.steps()[0].name;
  const Value& current = resp.state.Attr(name);
  if (current.type().kind() != TypeKind::kString &&
      current.type().kind() != TypeKind::kDynamic) {
    resp.diagnostics.AddAttributeError(
        attribute, "Invalid import attribute",
        absl::StrCat("Attribute ", name,
                     " is not a string; ImportStatePassthroughID needs one. "
                     "This is a provider bug."));
    return;
  }
  resp.state = resp.state.WithAttr(name, Value::String(req.id));
}

}  // namespace tf

namespace tf {

void ImportStatePassthroughWithIdentity(const Path& state_attribute,
                                        const std::string& identity_attribute,
                                        const ImportStateRequest& req,
                                        ImportStateResponse& resp) {
  if (!req.id.empty() || req.identity.IsNull() || !req.identity.IsKnown()) {
    ImportStatePassthroughID(state_attribute, req, resp);
    return;
  }
  if (req.identity.type().kind() != TypeKind::kObject ||
      req.identity.type().attribute_types().count(identity_attribute) == 0) {
    resp.diagnostics.AddError(
        "Invalid import identity attribute",
        absl::StrCat("The identity has no attribute \"", identity_attribute,
                     "\". This is a provider bug."));
    return;
  }
  const Value& v = req.identity.Attr(identity_attribute);
  if (!v.IsKnown() || v.IsNull() || v.type().kind() != TypeKind::kString) {
    resp.diagnostics.AddError(
        "Invalid import identity",
        absl::StrCat("The identity attribute ", identity_attribute,
                     " must be a known, non-null string to import by "
                     "identity."));
    return;
  }
  ImportStatePassthroughID(state_attribute,
                           ImportStateRequest{.id = v.AsString()}, resp);
}

}  // namespace tf
