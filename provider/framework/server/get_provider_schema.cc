// GetProviderSchema: every schema (provider, resources, data sources,
// ephemeral resources) and function definition, plus any schema problems
// found at start.
#include "provider/framework/server/provider_server.h"

namespace tf::server {

GetProviderSchemaResponse ProviderServer::GetProviderSchema() const {
  GetProviderSchemaResponse resp;
  resp.provider = provider_schema_;
  for (const auto& [name, entry] : resources_) {
    resp.resources.emplace(name, entry.schemas.schema);
  }
  for (const auto& [name, entry] : data_sources_) {
    resp.data_sources.emplace(name, entry.schemas.schema);
  }
  for (const auto& [name, entry] : ephemeral_resources_) {
    resp.ephemeral_resources.emplace(name, entry.schemas.schema);
  }
  for (const auto& [name, entry] : functions_) {
    resp.functions.emplace(name, entry.definition);
  }
  resp.diagnostics.Append(schema_diagnostics_);
  return resp;
}

}  // namespace tf::server
