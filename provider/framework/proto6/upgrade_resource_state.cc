// UpgradeResourceState: convert, call
// server::ProviderServer::UpgradeResourceState, convert back.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::UpgradeResourceState(
    grpc::ServerContext*, const tfplugin6::UpgradeResourceState::Request* req,
    tfplugin6::UpgradeResourceState::Response* resp) {
  LogRequest("UpgradeResourceState", req->type_name());
  Diagnostics diags;
  const Schema* schema = server_.ResourceSchema(req->type_name());
  if (schema == nullptr) {
    UnknownResource(req->type_name(), diags);
  } else {
    server::UpgradeResourceStateResponse sresp = server_.UpgradeResourceState(
        {.type_name = req->type_name(),
         .version = req->version(),
         .raw_state_json = req->raw_state().json(),
         .has_flatmap = !req->raw_state().flatmap().empty()});
    diags.Append(sresp.diagnostics);
    if (!sresp.diagnostics.HasError()) {
      Encode(sresp.upgraded_state, schema->ValueType(), "upgraded state",
             resp->mutable_upgraded_state(), diags);
    }
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("UpgradeResourceState", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
