// ValidateDataResourceConfig: attribute validators, then the data source's
// WithValidateConfig.
#include "provider/framework/server/config_validation.h"
#include "provider/framework/server/provider_server.h"

namespace tf::server {

ValidateDataResourceConfigResponse ProviderServer::ValidateDataResourceConfig(
    const ValidateDataResourceConfigRequest& req) const {
  ValidateDataResourceConfigResponse resp;
  const Schema* schema = DataSourceSchema(req.type_name);
  std::unique_ptr<DataSource> d =
      NewDataSource(req.type_name, /*configure=*/false, resp.diagnostics);
  if (d == nullptr || schema == nullptr) return resp;
  ValidateConfig(MakeContext(), *d, schema->block, req.config,
                 /*write_only_allowed=*/true, resp.diagnostics);
  return resp;
}

}  // namespace tf::server
