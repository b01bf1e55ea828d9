// GetProviderSchema: every schema, plus any schema problems found at start.
#include "provider/framework/server/provider_server.h"

namespace tf::server {

GetProviderSchemaResponse ProviderServer::GetProviderSchema() const {
  GetProviderSchemaResponse resp;
  resp.provider = provider_schema_;
  for (const auto& [name, entry] : resources_) {
    resp.resources.emplace(name, entry.schema);
  }
  for (const auto& [name, entry] : data_sources_) {
    resp.data_sources.emplace(name, entry.schema);
  }
  resp.diagnostics.Append(schema_diagnostics_);
  return resp;
}

}  // namespace tf::server
