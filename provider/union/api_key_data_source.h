// api_key_data_source.h: the `union_api_key` data source: one existing key,
// looked up by client_id, with every non-secret field.
//
//   data "union_api_key" "ci" { client_id = "ci-pipeline" }
#pragma once

#include <any>
#include <memory>

#include "provider/framework/sdk/data_source.h"
#include "provider/union/api_key_backend.h"

namespace union_provider {

class ApiKeyDataSource final : public tf::DataSource,
                               public tf::WithConfigure,
                               public tf::WithValidateConfig {
 public:
  ApiKeyDataSource() = default;
  explicit ApiKeyDataSource(std::shared_ptr<ApiKeyBackend> backend)
      : backend_(std::move(backend)) {}

  std::string TypeName() const override { return "union_api_key"; }
  tf::Schema GetSchema() const override;
  void Configure(const std::any& provider_data,
                 tf::Diagnostics& diags) override;
  void ValidateConfig(const tf::Context& ctx,
                      const tf::ValidateConfigRequest& req,
                      tf::ValidateConfigResponse& resp) override;
  void Read(const tf::Context& ctx, const tf::DataSourceReadRequest& req,
            tf::DataSourceReadResponse& resp) override;

 private:
  std::shared_ptr<ApiKeyBackend> backend_;
};

}  // namespace union_provider
