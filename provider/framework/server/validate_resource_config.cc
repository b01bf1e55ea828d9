// ValidateResourceConfig: attribute validators (known values only), the
// write-only capability check, then the resource's WithValidateConfig.
// Whether required attributes are set is Terraform's own check.
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
  ValidateConfig(MakeContext(), *r, schema->block, req.config,
                 req.write_only_allowed, resp.diagnostics);
  return resp;
}

}  // namespace tf::server
