// ReadDataSource: pre-filled with the config; the result must be non-null
// and wholly known.
#include "provider/framework/server/apply_checks.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/server/values.h"

namespace tf::server {

ReadDataSourceResponse ProviderServer::ReadDataSource(
    const ReadDataSourceRequest& req) const {
  ReadDataSourceResponse resp{.state = req.config};
  auto d = NewDataSource(req.type_name, resp.diagnostics);
  if (!d) return resp;
  const Schema& schema = d.schemas->schema;
  DataSourceReadResponse dresp{.state = req.config};
  d->Read(MakeContext(), {.config = req.config}, dresp);
  resp.diagnostics.Append(dresp.diagnostics);
  if (dresp.diagnostics.HasError()) {
    resp.state = UnknownAsNull(dresp.state);
    return resp;
  }
  if (dresp.state.IsNull()) {
    resp.diagnostics.AddError(
        "Provider returned invalid result object after data source read",
        "The data source returned a null object. This is a bug in the "
        "provider.");
    return resp;
  }
  Value state = NullWriteOnly(schema.block, dresp.state);
  Diagnostics checks;
  CheckWhollyKnown(
      state, "Provider returned invalid result object after data source read",
      checks);
  resp.diagnostics.Append(checks);
  resp.state = checks.HasError() ? UnknownAsNull(state) : state;
  return resp;
}

}  // namespace tf::server
