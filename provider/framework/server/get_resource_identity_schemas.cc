// GetResourceIdentitySchemas: the identity schema of every resource type
// that has one, plus any schema problems found at start.
#include "provider/framework/server/provider_server.h"

namespace tf::server {

GetResourceIdentitySchemasResponse ProviderServer::GetResourceIdentitySchemas()
    const {
  GetResourceIdentitySchemasResponse resp;
  for (const auto& [name, entry] : resources_) {
    if (entry.schemas.identity.has_value()) {
      resp.identity_schemas.emplace(name, *entry.schemas.identity);
    }
  }
  resp.diagnostics.Append(schema_diagnostics_);
  return resp;
}

}  // namespace tf::server
