// GetResourceIdentitySchemas: convert, call
// server::ProviderServer::GetResourceIdentitySchemas, convert back. Only
// resource types with an identity appear.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"
#include "provider/framework/proto6/schema.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::GetResourceIdentitySchemas(
    grpc::ServerContext*, const tfplugin6::GetResourceIdentitySchemas::Request*,
    tfplugin6::GetResourceIdentitySchemas::Response* resp) {
  return Serve("GetResourceIdentitySchemas", "", resp, [&](Diagnostics& diags) {
    server::GetResourceIdentitySchemasResponse s =
        server_.GetResourceIdentitySchemas();
    for (const auto& [name, schema] : s.identity_schemas) {
      IdentitySchemaToProto(schema, &(*resp->mutable_identity_schemas())[name]);
    }
    diags.Append(s.diagnostics);
  });
}

}  // namespace tf::proto6::internal
