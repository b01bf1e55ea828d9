// ValidateResourceConfig: attribute validators (known values only), the
// write-only capability check, then the resource's WithValidateConfig.
// Whether required attributes are set is Terraform's own check.
#include "provider/framework/server/capabilities.h"
#include "provider/framework/server/config_validation.h"
#include "provider/framework/server/provider_server.h"

namespace tf::server {

ValidateResourceConfigResponse ProviderServer::ValidateResourceConfig(
    const ValidateResourceConfigRequest& req) const {
  ValidateResourceConfigResponse resp;
  const Schema* schema = ResourceSchema(req.type_name);
  std::unique_ptr<Resource> r =
      NewResource(req.type_name, /*configure=*/false, resp.diagnostics);
  if (r == nullptr || schema == nullptr) return resp;
  ValidateAttributes(schema->block, req.config, req.write_only_allowed,
                     resp.diagnostics);
  if (resp.diagnostics.HasError()) return resp;
  Capabilities caps = DetectCapabilities(*r);
  if (caps.validate_config != nullptr) {
    ValidateConfigResponse vresp;
    caps.validate_config->ValidateConfig(MakeContext(), {.config = req.config},
                                         vresp);
    resp.diagnostics.Append(vresp.diagnostics);
  }
  return resp;
}

}  // namespace tf::server
