// ValidateDataResourceConfig: attribute validators, then the data source's
// WithValidateConfig.
#include "provider/framework/server/provider_server.h"

namespace tf::server {

ValidateDataResourceConfigResponse ProviderServer::ValidateDataResourceConfig(
    const ValidateDataResourceConfigRequest& req) const {
  return {.diagnostics =
              ValidateTypeConfig(Kind::kDataSource, req.type_name, req.config,
                                 /*write_only_allowed=*/true)};
}

}  // namespace tf::server
