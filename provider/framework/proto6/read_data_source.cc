// ReadDataSource: convert, call server::ProviderServer::ReadDataSource, convert
// back.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ReadDataSource(
    grpc::ServerContext*, const tfplugin6::ReadDataSource::Request* req,
    tfplugin6::ReadDataSource::Response* resp) {
  LogRequest("ReadDataSource", req->type_name());
  Diagnostics diags;
  const Schema* schema = server_.DataSourceSchema(req->type_name());
  server::ReadDataSourceRequest sreq{.type_name = req->type_name()};
  if (schema == nullptr) {
    UnknownDataSource(req->type_name(), diags);
  } else if (Decode(req->config(), schema->ValueType(), "configuration",
                    sreq.config, diags)) {
    server::ReadDataSourceResponse sresp = server_.ReadDataSource(sreq);
    diags.Append(sresp.diagnostics);
    Encode(sresp.state, schema->ValueType(), "state", resp->mutable_state(),
           diags);
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("ReadDataSource", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
