// OpenEphemeralResource: convert, call
// server::ProviderServer::OpenEphemeralResource, convert back. The result
// and the private data are ephemeral: logged never, sent once. renew_at and
// private are only set when the resource set them; deferred never.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::OpenEphemeralResource(
    grpc::ServerContext*, const tfplugin6::OpenEphemeralResource::Request* req,
    tfplugin6::OpenEphemeralResource::Response* resp) {
  LogRequest("OpenEphemeralResource", req->type_name());
  Diagnostics diags;
  const Schema* schema = server_.EphemeralResourceSchema(req->type_name());
  server::OpenEphemeralResourceRequest sreq{.type_name = req->type_name()};
  if (schema == nullptr) {
    UnknownEphemeralResource(req->type_name(), diags);
  } else if (Decode(req->config(), schema->ValueType(),
                    "ephemeral resource configuration", sreq.config, diags)) {
    server::OpenEphemeralResourceResponse sresp =
        server_.OpenEphemeralResource(sreq);
    diags.Append(sresp.diagnostics);
    Encode(sresp.result, schema->ValueType(), "ephemeral result",
           resp->mutable_result(), diags);
    if (!sresp.private_data.empty()) resp->set_private_(sresp.private_data);
    if (sresp.renew_at.has_value()) {
      *resp->mutable_renew_at() = ToTimestamp(*sresp.renew_at);
    }
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("OpenEphemeralResource", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
