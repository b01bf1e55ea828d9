// ValidateProviderConfig: attribute validators, then the provider's
// WithValidateConfig. The config may hold unknowns (input variables).
#include "provider/framework/server/config_validation.h"
#include "provider/framework/server/provider_server.h"

namespace tf::server {

ValidateProviderConfigResponse ProviderServer::ValidateProviderConfig(
    const ValidateProviderConfigRequest& req) const {
  ValidateProviderConfigResponse resp;
  ValidateConfig(MakeContext(), *provider_, provider_schema_.block, req.config,
                 /*write_only_allowed=*/true, resp.diagnostics);
  return resp;
}

}  // namespace tf::server
