// api_keys_data_source.h: the `union_api_keys` data source: every API key
// (or the first `limit`), following List pagination, with every non-secret
// field.
//
//   data "union_api_keys" "all" { limit = 150 }
//   output "ids" { value = data.union_api_keys.all.keys[*].client_id }
#pragma once

#include <any>
#include <memory>

#include "provider/framework/sdk/data_source.h"
#include "provider/union/api_key_backend.h"

namespace union_provider {

// The largest `limit` accepted.
inline constexpr int64_t kMaxListLimit = 100000;

class ApiKeysDataSource final : public tf::DataSource,
                                public tf::WithConfigure,
                                public tf::WithValidateConfig {
 public:
  ApiKeysDataSource() = default;
  explicit ApiKeysDataSource(std::shared_ptr<ApiKeyBackend> backend)
      : backend_(std::move(backend)) {}

  std::string TypeName() const override { return "union_api_keys"; }
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
