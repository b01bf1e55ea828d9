// api_keys_data_source.h: the `union_api_keys` data source: every API key
// (or the first `limit`), following List pagination, with every non-secret
// field.
//
//   data "union_api_keys" "all" { limit = 150 }
//   output "ids" { value = data.union_api_keys.all.keys[*].client_id }
#pragma once

#include <cstdint>

#include "provider/framework/sdk/data_source.h"
#include "provider/union/provider_data.h"

namespace union_provider {

// The largest `limit` accepted.
inline constexpr int64_t kMaxListLimit = 100000;

class ApiKeysDataSource final : public tf::DataSource, public WithBackend {
 public:
  using WithBackend::WithBackend;

  std::string TypeName() const override { return "union_api_keys"; }
  tf::Schema GetSchema() const override;
  void Read(const tf::Context& ctx, const tf::DataSourceReadRequest& req,
            tf::DataSourceReadResponse& resp) override;
};

}  // namespace union_provider
