// api_key_data_source.h: the `union_api_key` data source: one existing key,
// looked up by client_id, with every non-secret field.
//
//   data "union_api_key" "ci" { client_id = "ci-pipeline" }
#pragma once

#include "provider/framework/sdk/data_source.h"
#include "provider/union/provider_data.h"

namespace union_provider {

class ApiKeyDataSource final : public tf::DataSource, public WithBackend {
 public:
  using WithBackend::WithBackend;

  std::string TypeName() const override { return "union_api_key"; }
  tf::Schema GetSchema() const override;
  void Read(const tf::Context& ctx, const tf::DataSourceReadRequest& req,
            tf::DataSourceReadResponse& resp) override;
};

}  // namespace union_provider
