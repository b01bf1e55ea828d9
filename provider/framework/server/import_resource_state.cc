// ImportResourceState: the state starts as an object of null attributes
// (empty list/set blocks); the resource's WithImportState fills enough for
// Read, which the CLI calls next. Exactly one resource is imported.
// Import by identity (an identity instead of an id) needs a resource with
// an identity; the identity is checked against its schema (required
// attributes set) and handed to ImportState, and the response's identity is
// pre-filled with it. An identity the import sets must be wholly known and
// of the identity type; it may be left null for Read to set.
#include "absl/strings/str_cat.h"
#include "provider/framework/server/capabilities.h"
#include "provider/framework/server/identity_checks.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/server/values.h"

namespace tf::server {

ImportResourceStateResponse ProviderServer::ImportResourceState(
    const ImportResourceStateRequest& req) const {
  ImportResourceStateResponse resp;
  auto r = NewResource(req.type_name, resp.diagnostics);
  if (!r) return resp;
  const Schema& schema = r.schemas->schema;
  Capabilities caps = DetectCapabilities(*r);
  if (caps.import_state == nullptr) {
    resp.diagnostics.AddError("Resource Import Not Implemented",
                              absl::StrCat("The resource type ", req.type_name,
                                           " does not support import."));
    return resp;
  }
  const IdentitySchema* ischema = r.schemas->Identity();
  Value identity;
  if (!req.identity.IsNull()) {
    if (ischema == nullptr) {
      resp.diagnostics.AddError(
          "Resource Identity Not Supported",
          absl::StrCat("The resource type ", req.type_name,
                       " has no identity; import it by id instead."));
      return resp;
    }
    CheckImportIdentity(*ischema, req.identity, resp.diagnostics);
    if (resp.diagnostics.HasError()) return resp;
    identity = req.identity;
  } else if (ischema != nullptr) {
    identity = Value::Null(r.schemas->identity_type);
  }
  const Value empty = EmptyObject(schema.block);
  ImportStateResponse iresp{.state = empty, .identity = identity};
  caps.import_state->ImportState(MakeContext(),
                                 {.id = req.id, .identity = identity}, iresp);
  resp.diagnostics.Append(iresp.diagnostics);
  if (iresp.diagnostics.HasError()) return resp;
  if (iresp.state.IsNull() || iresp.state == empty) {
    resp.diagnostics.AddError(
        "Missing Resource Import State",
        absl::StrCat("The import of ", req.type_name,
                     " set no attribute. This is a bug in the provider."));
    return resp;
  }
  if (ischema != nullptr && !iresp.identity.IsNull()) {
    CheckIdentity(*ischema, iresp.identity, "import", resp.diagnostics);
    if (resp.diagnostics.HasError()) return resp;
  }
  Value state = UnknownAsNull(NullWriteOnly(schema.block, iresp.state));
  resp.imported_resources.push_back(
      {.type_name = req.type_name,
       .state = std::move(state),
       .private_data = std::move(iresp.private_data),
       .identity = ischema == nullptr ? Value() : iresp.identity});
  return resp;
}

}  // namespace tf::server
