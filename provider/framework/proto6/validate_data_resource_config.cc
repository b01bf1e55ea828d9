// ValidateDataResourceConfig: convert, call
// server::ProviderServer::ValidateDataResourceConfig, convert back.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ValidateDataResourceConfig(
    grpc::ServerContext*,
    const tfplugin6::ValidateDataResourceConfig::Request* req,
    tfplugin6::ValidateDataResourceConfig::Response* resp) {
  LogRequest("ValidateDataResourceConfig", req->type_name());
  Diagnostics diags;
  const Schema* schema = server_.DataSourceSchema(req->type_name());
  server::ValidateDataResourceConfigRequest sreq{.type_name = req->type_name()};
  if (schema == nullptr) {
    UnknownDataSource(req->type_name(), diags);
  } else if (Decode(req->config(), schema->ValueType(),
                    "data source configuration", sreq.config, diags)) {
    diags.Append(server_.ValidateDataResourceConfig(sreq).diagnostics);
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("ValidateDataResourceConfig", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
