// ValidateDataResourceConfig: attribute validators, then the data source's
// WithValidateConfig.
#include "provider/framework/server/capabilities.h"
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
  ValidateAttributes(schema->block, req.config, /*write_only_allowed=*/true,
                     resp.diagnostics);
  if (resp.diagnostics.HasError()) return resp;
  Capabilities caps = DetectCapabilities(*d);
  if (caps.validate_config != nullptr) {
    ValidateConfigResponse vresp;
    caps.validate_config->ValidateConfig(MakeContext(), {.config = req.config},
                                         vresp);
    resp.diagnostics.Append(vresp.diagnostics);
  }
  return resp;
}

}  // namespace tf::server
