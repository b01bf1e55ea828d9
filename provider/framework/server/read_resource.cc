// ReadResource: refresh. The response is pre-filled with the prior state; a
// null result means the remote object is gone (Terraform plans a create).
// A non-null result must be wholly known; write-only attributes are nulled.
#include "provider/framework/server/apply_checks.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/server/values.h"

namespace tf::server {

ReadResourceResponse ProviderServer::ReadResource(
    const ReadResourceRequest& req) const {
  ReadResourceResponse resp{.new_state = req.current_state,
                            .private_data = req.private_data};
  if (req.current_state.IsNull()) return resp;  // nothing to refresh
  std::unique_ptr<Resource> r =
      NewResource(req.type_name, /*configure=*/true, resp.diagnostics);
  if (r == nullptr) return resp;
  const Schema& schema = *ResourceSchema(req.type_name);
  ReadResponse rresp{.state = req.current_state,
                     .private_data = req.private_data};
  r->Read(MakeContext(),
          {.state = req.current_state, .private_data = req.private_data},
          rresp);
  resp.diagnostics.Append(rresp.diagnostics);
  resp.private_data = rresp.private_data;
  if (rresp.state.IsNull()) {
    resp.new_state = Value::Null(schema.ValueType());
    return resp;
  }
  Value state = NullWriteOnly(schema.block, rresp.state);
  Diagnostics checks;
  CheckWhollyKnown(state, "Provider returned invalid result object after read",
                   checks);
  resp.diagnostics.Append(checks);
  resp.new_state = checks.HasError() ? UnknownAsNull(state) : state;
  return resp;
}

}  // namespace tf::server
