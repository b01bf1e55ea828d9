// ImportResourceState: the state starts as an object of null attributes
// (empty list/set blocks); the resource's WithImportState fills enough for
// Read, which the CLI calls next. Exactly one resource is imported.
#include "absl/strings/str_cat.h"
#include "provider/framework/server/capabilities.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/server/values.h"

namespace tf::server {

ImportResourceStateResponse ProviderServer::ImportResourceState(
    const ImportResourceStateRequest& req) const {
  ImportResourceStateResponse resp;
  std::unique_ptr<Resource> r =
      NewResource(req.type_name, /*configure=*/true, resp.diagnostics);
  if (r == nullptr) return resp;
  const Schema& schema = *ResourceSchema(req.type_name);
  Capabilities caps = DetectCapabilities(*r);
  if (caps.import_state == nullptr) {
    resp.diagnostics.AddError("Resource Import Not Implemented",
                              absl::StrCat("The resource type ", req.type_name,
                                           " does not support import."));
    return resp;
  }
  const Value empty = EmptyObject(schema.block);
  ImportStateResponse iresp{.state = empty};
  caps.import_state->ImportState(MakeContext(), {.id = req.id}, iresp);
  resp.diagnostics.Append(iresp.diagnostics);
  if (iresp.diagnostics.HasError()) return resp;
  if (iresp.state.IsNull() || iresp.state == empty) {
    resp.diagnostics.AddError(
        "Missing Resource Import State",
        absl::StrCat("The import of ", req.type_name,
                     " set no attribute. This is a bug in the provider."));
    return resp;
  }
  Value state = UnknownAsNull(NullWriteOnly(schema.block, iresp.state));
  resp.imported_resources.push_back(
      {.type_name = req.type_name,
       .state = std::move(state),
       .private_data = std::move(iresp.private_data)});
  return resp;
}

}  // namespace tf::server
