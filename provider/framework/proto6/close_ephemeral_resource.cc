// CloseEphemeralResource: convert, call
// server::ProviderServer::CloseEphemeralResource, convert back. The private
// data is never logged.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::CloseEphemeralResource(
    grpc::ServerContext*, const tfplugin6::CloseEphemeralResource::Request* req,
    tfplugin6::CloseEphemeralResource::Response* resp) {
  LogRequest("CloseEphemeralResource", req->type_name());
  Diagnostics diags;
  if (server_.EphemeralResourceSchema(req->type_name()) == nullptr) {
    UnknownEphemeralResource(req->type_name(), diags);
  } else {
    diags.Append(server_
                     .CloseEphemeralResource({.type_name = req->type_name(),
                                              .private_data = req->private_()})
                     .diagnostics);
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("CloseEphemeralResource", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
