// ValidateEphemeralResourceConfig: attribute validators, then the ephemeral
// resource's WithValidateConfig.
#include "provider/framework/server/config_validation.h"
#include "provider/framework/server/provider_server.h"

namespace tf::server {

ValidateEphemeralResourceConfigResponse
ProviderServer::ValidateEphemeralResourceConfig(
    const ValidateEphemeralResourceConfigRequest& req) const {
  ValidateEphemeralResourceConfigResponse resp;
  std::unique_ptr<EphemeralResource> e = NewEphemeralResource(
      req.type_name, /*configure=*/false, resp.diagnostics);
  if (e == nullptr) return resp;
  const Schema& schema = *EphemeralResourceSchema(req.type_name);
  ValidateConfig(MakeContext(), *e, schema.block, req.config,
                 /*write_only_allowed=*/false, resp.diagnostics);
  return resp;
}

}  // namespace tf::server
