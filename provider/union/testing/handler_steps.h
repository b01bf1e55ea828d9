// handler_steps.h: a union type's handlers run as the RPCs run them, for the
// types that are not resources (resources go through tf::testing's plan
// steps): the schema-declared checks of a config and a data source's Read.
//   tf::Diagnostics d = ValidateAttributes(ds.GetSchema(), config);
//   tf::DataSourceReadResponse r = ReadWith(ds, config);
#pragma once

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/sdk/data_source.h"
#include "provider/framework/server/config_validation.h"
#include "provider/framework/types/value.h"

namespace union_provider::testing {

inline tf::Diagnostics ValidateAttributes(const tf::Schema& schema,
                                          const tf::Value& config) {
  tf::Diagnostics diags;
  tf::server::ValidateAttributes(schema.block, config,
                                 /*write_only_allowed=*/true, diags);
  return diags;
}

// The response starts as the config, as ReadDataSource starts it.
inline tf::DataSourceReadResponse ReadWith(tf::DataSource& ds,
                                           const tf::Value& config) {
  tf::DataSourceReadResponse resp;
  resp.state = config;
  ds.Read(tf::Context(), {.config = config}, resp);
  return resp;
}

}  // namespace union_provider::testing
