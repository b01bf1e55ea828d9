// GetFunctions: every function definition, plus any definition problems
// found at start.
#include "provider/framework/server/provider_server.h"

namespace tf::server {

GetFunctionsResponse ProviderServer::GetFunctions() const {
  GetFunctionsResponse resp;
  for (const auto& [name, entry] : functions_) {
    resp.functions.emplace(name, entry.definition);
  }
  resp.diagnostics.Append(schema_diagnostics_);
  return resp;
}

}  // namespace tf::server
