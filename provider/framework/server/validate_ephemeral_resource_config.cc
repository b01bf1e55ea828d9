// ValidateEphemeralResourceConfig: attribute validators, then the ephemeral
// resource's WithValidateConfig. Write-only attributes are not allowed.
#include "provider/framework/server/provider_server.h"

namespace tf::server {

ValidateEphemeralResourceConfigResponse
ProviderServer::ValidateEphemeralResourceConfig(
    const ValidateEphemeralResourceConfigRequest& req) const {
  return {.diagnostics =
              ValidateTypeConfig(Kind::kEphemeralResource, req.type_name,
                                 req.config, /*write_only_allowed=*/false)};
}

}  // namespace tf::server
