// ReadResource: refresh. The response is pre-filled with the prior state; a
// null result means the remote object is gone (Terraform plans a create).
// A non-null result must be wholly known; write-only attributes are nulled.
// With an identity: Read receives the stored identity (null object when
// none is stored yet) and must leave one set, unchanged once stored.
#include "provider/framework/server/apply_checks.h"
#include "provider/framework/server/identity_checks.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/server/values.h"

namespace tf::server {

ReadResourceResponse ProviderServer::ReadResource(
    const ReadResourceRequest& req) const {
  ReadResourceResponse resp{.new_state = req.current_state,
                            .private_data = req.private_data,
                            .new_identity = req.current_identity};
  if (req.current_state.IsNull()) return resp;  // nothing to refresh
  auto r = NewResource(req.type_name, resp.diagnostics);
  if (!r) return resp;
  const Schema& schema = r.schemas->schema;
  const IdentitySchema* ischema = r.schemas->Identity();
  const Value identity = ischema == nullptr
                             ? Value()
                             : IdentityOrNull(*ischema, req.current_identity);
  ReadResponse rresp{.state = req.current_state,
                     .private_data = req.private_data,
                     .identity = identity};
  r->Read(MakeContext(),
          {.state = req.current_state,
           .private_data = req.private_data,
           .identity = identity},
          rresp);
  resp.diagnostics.Append(rresp.diagnostics);
  resp.private_data = rresp.private_data;
  if (rresp.state.IsNull()) {
    resp.new_state = Value::Null(r.schemas->type);
    resp.new_identity =
        ischema == nullptr ? Value() : Value::Null(r.schemas->identity_type);
    return resp;
  }
  if (ischema != nullptr && !rresp.diagnostics.HasError()) {
    resp.new_identity = CheckNewIdentity(*ischema, identity, rresp.identity,
                                         "read", resp.diagnostics);
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
