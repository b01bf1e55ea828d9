// ReadResource: convert, call server::ProviderServer::ReadResource, convert
// back.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ReadResource(
    grpc::ServerContext*, const tfplugin6::ReadResource::Request* req,
    tfplugin6::ReadResource::Response* resp) {
  LogRequest("ReadResource", req->type_name());
  Diagnostics diags;
  const Schema* schema = server_.ResourceSchema(req->type_name());
  const IdentitySchema* ischema =
      server_.ResourceIdentitySchema(req->type_name());
  server::ReadResourceRequest sreq{.type_name = req->type_name(),
                                   .private_data = req->private_()};
  if (schema == nullptr) {
    UnknownResource(req->type_name(), diags);
  } else if (Decode(req->current_state(), schema->ValueType(), "current state",
                    sreq.current_state, diags) &&
             DecodeIdentity(req->has_current_identity(),
                            req->current_identity(), ischema,
                            "current identity", sreq.current_identity, diags)) {
    server::ReadResourceResponse sresp = server_.ReadResource(sreq);
    diags.Append(sresp.diagnostics);
    Encode(sresp.new_state, schema->ValueType(), "new state",
           resp->mutable_new_state(), diags);
    resp->set_private_(sresp.private_data);
    if (SendIdentity(sresp.new_identity, ischema)) {
      Encode(sresp.new_identity, ischema->ValueType(), "new identity",
             resp->mutable_new_identity()->mutable_identity_data(), diags);
    }
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("ReadResource", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
