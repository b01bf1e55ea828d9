// ValidateProviderConfig: attribute validators, then the provider's
// WithValidateConfig. The config may hold unknowns (input variables).
#include "provider/framework/server/capabilities.h"
#include "provider/framework/server/config_validation.h"
#include "provider/framework/server/provider_server.h"

namespace tf::server {

ValidateProviderConfigResponse ProviderServer::ValidateProviderConfig(
    const ValidateProviderConfigRequest& req) const {
  ValidateProviderConfigResponse resp;
  ValidateAttributes(provider_schema_.block, req.config,
                     /*write_only_allowed=*/true, resp.diagnostics);
  if (resp.diagnostics.HasError()) return resp;
  Capabilities caps = DetectCapabilities(*provider_);
  if (caps.validate_config != nullptr) {
    ValidateConfigResponse vresp;
    caps.validate_config->ValidateConfig(MakeContext(), {.config = req.config},
                                         vresp);
    resp.diagnostics.Append(vresp.diagnostics);
  }
  return resp;
}

}  // namespace tf::server
