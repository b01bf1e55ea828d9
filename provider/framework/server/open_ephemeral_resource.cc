// OpenEphemeralResource: a fresh, configured object's Open. The result is
// pre-filled with the config (computed attributes null) and must come back
// wholly known and of the schema's type. A config that is not wholly known
// (Terraform defers such opens to apply, so only a misbehaving client sends
// one) answers an unknown result without calling Open. private_data and
// renew_at are passed through untouched; the framework never logs them.
#include "absl/strings/str_cat.h"
#include "provider/framework/server/apply_checks.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/server/values.h"

namespace tf::server {

OpenEphemeralResourceResponse ProviderServer::OpenEphemeralResource(
    const OpenEphemeralResourceRequest& req) const {
  OpenEphemeralResourceResponse resp;
  auto e = NewEphemeralResource(req.type_name, resp.diagnostics);
  if (!e) return resp;
  const Type& type = e.schemas->type;
  resp.result = Value::Null(type);
  if (req.config.IsNull()) {
    resp.diagnostics.AddError(
        "Missing ephemeral resource configuration",
        absl::StrCat("OpenEphemeralResource for ", req.type_name,
                     " carried no configuration."));
    return resp;
  }
  if (!req.config.IsWhollyKnown()) {
    resp.result = Value::Unknown(type);
    return resp;
  }
  OpenEphemeralResponse oresp{.result = req.config};
  e->Open(MakeContext(), {.config = req.config}, oresp);
  resp.diagnostics.Append(oresp.diagnostics);
  if (oresp.diagnostics.HasError()) return resp;  // result stays null
  if (oresp.result.IsNull() || !(oresp.result.type() == type)) {
    resp.diagnostics.AddError(
        "Provider returned invalid result object after open",
        absl::StrCat("The ephemeral resource ", req.type_name,
                     " returned a null result or one that does not match its "
                     "schema. This is a bug in the provider."));
    return resp;
  }
  Diagnostics checks;
  CheckWhollyKnown(oresp.result,
                   "Provider returned invalid result object after open",
                   checks);
  resp.diagnostics.Append(checks);
  if (checks.HasError()) return resp;
  resp.result = oresp.result;
  resp.private_data = std::move(oresp.private_data);
  resp.renew_at = oresp.renew_at;
  return resp;
}

}  // namespace tf::server
