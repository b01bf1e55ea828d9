// ImportStatePassthroughID: the common ImportState body.
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
