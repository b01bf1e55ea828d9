// ValidateEphemeralResourceConfig: convert, call
// server::ProviderServer::ValidateEphemeralResourceConfig, convert back.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ValidateEphemeralResourceConfig(
    grpc::ServerContext*,
    const tfplugin6::ValidateEphemeralResourceConfig::Request* req,
    tfplugin6::ValidateEphemeralResourceConfig::Response* resp) {
  LogRequest("ValidateEphemeralResourceConfig", req->type_name());
  Diagnostics diags;
  const Schema* schema = server_.EphemeralResourceSchema(req->type_name());
  server::ValidateEphemeralResourceConfigRequest sreq{.type_name =
                                                          req->type_name()};
  if (schema == nullptr) {
    UnknownEphemeralResource(req->type_name(), diags);
  } else if (Decode(req->config(), schema->ValueType(),
                    "ephemeral resource configuration", sreq.config, diags)) {
    diags.Append(server_.ValidateEphemeralResourceConfig(sreq).diagnostics);
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("ValidateEphemeralResourceConfig", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
