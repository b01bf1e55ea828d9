// RenewEphemeralResource: convert, call
// server::ProviderServer::RenewEphemeralResource, convert back. The private
// data is never logged.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::RenewEphemeralResource(
    grpc::ServerContext*, const tfplugin6::RenewEphemeralResource::Request* req,
    tfplugin6::RenewEphemeralResource::Response* resp) {
  LogRequest("RenewEphemeralResource", req->type_name());
  Diagnostics diags;
  if (server_.EphemeralResourceSchema(req->type_name()) == nullptr) {
    UnknownEphemeralResource(req->type_name(), diags);
  } else {
    server::RenewEphemeralResourceResponse sresp =
        server_.RenewEphemeralResource(
            {.type_name = req->type_name(), .private_data = req->private_()});
    diags.Append(sresp.diagnostics);
    if (!sresp.private_data.empty()) resp->set_private_(sresp.private_data);
    if (sresp.renew_at.has_value()) {
      *resp->mutable_renew_at() = ToTimestamp(*sresp.renew_at);
    }
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("RenewEphemeralResource", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
