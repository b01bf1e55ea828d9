// ImportResourceState: convert, call
// server::ProviderServer::ImportResourceState, convert back.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ImportResourceState(
    grpc::ServerContext*, const tfplugin6::ImportResourceState::Request* req,
    tfplugin6::ImportResourceState::Response* resp) {
  LogRequest("ImportResourceState", req->type_name());
  Diagnostics diags;
  const Schema* schema = server_.ResourceSchema(req->type_name());
  if (schema == nullptr) {
    UnknownResource(req->type_name(), diags);
  } else {
    server::ImportResourceStateResponse sresp = server_.ImportResourceState(
        {.type_name = req->type_name(), .id = req->id()});
    diags.Append(sresp.diagnostics);
    for (const server::ImportedResource& r : sresp.imported_resources) {
      auto* out = resp->add_imported_resources();
      out->set_type_name(r.type_name);
      Encode(r.state, schema->ValueType(), "imported state",
             out->mutable_state(), diags);
      out->set_private_(r.private_data);
    }
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("ImportResourceState", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
