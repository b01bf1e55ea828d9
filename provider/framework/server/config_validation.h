// config_validation.h: the schema-driven part of the Validate*Config RPCs:
// attribute validators on known non-null values, deprecation warnings and
// the write-only capability check. Unknown values are skipped everywhere.
//   ValidateAttributes(schema.block, config, /*write_only_allowed=*/true,
//   diags);
#pragma once

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/types/value.h"

namespace tf::server {

void ValidateAttributes(const Block& block, const Value& config,
                        bool write_only_allowed, Diagnostics& diags);

}  // namespace tf::server
