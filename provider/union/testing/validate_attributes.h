// validate_attributes.h: the schema-declared checks of a configuration, as
// the Validate*Config RPCs run them, for the types without a test server.
//   tf::Diagnostics d = ValidateAttributes(ds.GetSchema(), config);
#pragma once

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
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

}  // namespace union_provider::testing
