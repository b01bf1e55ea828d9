// UpgradeResourceIdentity: a stored identity (JSON) -> a Value of the
// current identity type.
//  - resource without identity: error;
//  - stored version newer than the schema's: error;
//  - same version: decoded strictly with the current identity type;
//  - older version: the resource's WithUpgradeIdentity, whose result must
//    be a wholly known object of the current type; without it, an error.
#include "absl/strings/str_cat.h"
#include "provider/framework/server/capabilities.h"
#include "provider/framework/server/identity_checks.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/types/json.h"

namespace tf::server {

UpgradeResourceIdentityResponse ProviderServer::UpgradeResourceIdentity(
    const UpgradeResourceIdentityRequest& req) const {
  UpgradeResourceIdentityResponse resp;
  const char* kSummary = "Unable to upgrade resource identity";
  auto r = NewResource(req.type_name, resp.diagnostics);
  if (!r) return resp;
  const IdentitySchema* schema = r.schemas->Identity();
  if (schema == nullptr) {
    resp.diagnostics.AddError(
        kSummary,
        absl::StrCat("The resource type ", req.type_name, " has no identity."));
    return resp;
  }
  resp.upgraded_identity = Value::Null(r.schemas->identity_type);
  if (req.version > schema->version) {
    resp.diagnostics.AddError(
        kSummary,
        absl::StrCat("The identity of this ", req.type_name,
                     " was written with identity version ", req.version,
                     ", newer than this provider's version ", schema->version,
                     ". Use the provider version that wrote it, or newer."));
    return resp;
  }
  if (req.raw_identity_json.empty()) return resp;  // nothing stored
  Value identity;
  if (req.version == schema->version) {
    absl::StatusOr<Value> v =
        DecodeJson(req.raw_identity_json, r.schemas->identity_type);
    if (!v.ok()) {
      resp.diagnostics.AddError(
          kSummary,
          absl::StrCat("The stored identity of this ", req.type_name,
                       " does not match the identity schema (version ",
                       schema->version,
                       "): ", std::string(v.status().message())));
      return resp;
    }
    identity = *v;
  } else {
    WithUpgradeIdentity* up = DetectCapabilities(*r).upgrade_identity;
    if (up == nullptr) {
      resp.diagnostics.AddError(
          kSummary,
          absl::StrCat("The identity of this ", req.type_name,
                       " was written with identity version ", req.version,
                       " and the provider cannot upgrade it to version ",
                       schema->version, ". This is a bug in the provider."));
      return resp;
    }
    UpgradeIdentityResponse uresp;
    up->UpgradeIdentity(
        MakeContext(),
        {.version = req.version, .raw_json = req.raw_identity_json}, uresp);
    resp.diagnostics.Append(uresp.diagnostics);
    if (uresp.diagnostics.HasError()) return resp;
    identity = uresp.identity;
  }
  Diagnostics checks;
  CheckIdentity(*schema, identity, "upgrade", checks);
  resp.diagnostics.Append(checks);
  if (!checks.HasError()) resp.upgraded_identity = identity;
  return resp;
}

}  // namespace tf::server
