// ValidateResourceConfig: attribute validators (known values only), the
// write-only capability check, then the resource's WithValidateConfig.
// Whether required attributes are set is Terraform's own check.
#include "provider/framework/server/provider_server.h"

namespace tf::server {

ValidateResourceConfigResponse ProviderServer::ValidateResourceConfig(
    const ValidateResourceConfigRequest& req) const {
  return {.diagnostics =
              ValidateTypeConfig(Kind::kResource, req.type_name, req.config,
                                 req.write_only_allowed)};
}

}  // namespace tf::server
