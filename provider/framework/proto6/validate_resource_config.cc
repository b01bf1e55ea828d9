// ValidateResourceConfig: convert, call
// server::ProviderServer::ValidateResourceConfig, convert back.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ValidateResourceConfig(
    grpc::ServerContext*, const tfplugin6::ValidateResourceConfig::Request* req,
    tfplugin6::ValidateResourceConfig::Response* resp) {
  LogRequest("ValidateResourceConfig", req->type_name());
  Diagnostics diags;
  const Schema* schema = server_.ResourceSchema(req->type_name());
  server::ValidateResourceConfigRequest sreq{
      .type_name = req->type_name(),
      .write_only_allowed =
          req->client_capabilities().write_only_attributes_allowed()};
  if (schema == nullptr) {
    UnknownResource(req->type_name(), diags);
  } else if (Decode(req->config(), schema->ValueType(),
                    "resource configuration", sreq.config, diags)) {
    diags.Append(server_.ValidateResourceConfig(sreq).diagnostics);
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("ValidateResourceConfig", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
