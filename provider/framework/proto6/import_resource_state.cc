// ImportResourceState: convert, call
// server::ProviderServer::ImportResourceState, convert back. The request
// carries an id, or (import by identity) an identity decoded with the
// resource's identity schema.
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
  const IdentitySchema* ischema =
      server_.ResourceIdentitySchema(req->type_name());
  server::ImportResourceStateRequest sreq{.type_name = req->type_name(),
                                          .id = req->id()};
  // Import by identity: an identity with data (an empty one means by id).
  const bool by_identity =
      req->has_identity() &&
      (!req->identity().identity_data().msgpack().empty() ||
       !req->identity().identity_data().json().empty());
  if (schema == nullptr) {
    UnknownResource(req->type_name(), diags);
  } else if (by_identity && ischema == nullptr) {
    diags.AddError("Resource Identity Not Supported",
                   "The resource type " + req->type_name() +
                       " has no identity; import it by id instead.");
  } else if (DecodeIdentity(by_identity, req->identity(), ischema,
                            "import identity", sreq.identity, diags)) {
    server::ImportResourceStateResponse sresp =
        server_.ImportResourceState(sreq);
    diags.Append(sresp.diagnostics);
    for (const server::ImportedResource& r : sresp.imported_resources) {
      auto* out = resp->add_imported_resources();
      out->set_type_name(r.type_name);
      Encode(r.state, schema->ValueType(), "imported state",
             out->mutable_state(), diags);
      out->set_private_(r.private_data);
      if (SendIdentity(r.identity, ischema)) {
        Encode(r.identity, ischema->ValueType(), "imported identity",
               out->mutable_identity()->mutable_identity_data(), diags);
      }
    }
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("ImportResourceState", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
