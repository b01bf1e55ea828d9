// ImportResourceState: convert, call
// server::ProviderServer::ImportResourceState, convert back. The request
// carries an id, or (import by identity) an identity decoded with the
// resource's identity schema.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ImportResourceState(
    grpc::ServerContext*, const tfplugin6::ImportResourceState::Request* req,
    tfplugin6::ImportResourceState::Response* resp) {
  // Import by identity: an identity with data (an empty one means by id).
  const bool by_identity =
      req->has_identity() &&
      (!req->identity().identity_data().msgpack().empty() ||
       !req->identity().identity_data().json().empty());
  return ServeType(
      server_, server::Kind::kResource, "ImportResourceState", req->type_name(),
      resp, [&](const server::TypeSchemas& types, Diagnostics& diags) {
        if (by_identity && types.Identity() == nullptr) {
          diags.AddError("Resource Identity Not Supported",
                         "The resource type " + req->type_name() +
                             " has no identity; import it by id instead.");
          return;
        }
        server::ImportResourceStateRequest sreq{.type_name = req->type_name(),
                                                .id = req->id()};
        if (!DecodeIdentity(by_identity, req->identity(), types,
                            "import identity", sreq.identity, diags)) {
          return;
        }
        server::ImportResourceStateResponse sresp =
            server_.ImportResourceState(sreq);
        diags.Append(sresp.diagnostics);
        for (const server::ImportedResource& r : sresp.imported_resources) {
          auto* out = resp->add_imported_resources();
          out->set_type_name(r.type_name);
          Encode(r.state, types.type, "imported state", out->mutable_state(),
                 diags);
          out->set_private_(r.private_data);
          EncodeIdentity(
              r.identity, types, "imported identity",
              [&] { return out->mutable_identity(); }, diags);
        }
      });
}

}  // namespace tf::proto6::internal
