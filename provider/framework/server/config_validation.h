// config_validation.h: the schema-driven part of the Validate*Config RPCs:
// attribute validators on known non-null values, deprecation warnings and
// the write-only capability check. Unknown values are skipped everywhere.
//   ValidateAttributes(schema.block, config, /*write_only_allowed=*/true,
//   diags);
#pragma once

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/sdk/context.h"
#include "provider/framework/server/capabilities.h"
#include "provider/framework/types/value.h"

namespace tf::server {

void ValidateAttributes(const Block& block, const Value& config,
                        bool write_only_allowed, Diagnostics& diags);

// The whole of ValidateProviderConfig, ValidateResourceConfig and
// ValidateDataResourceConfig once the object is at hand: the attribute checks
// above, then (if they passed) the object's own WithValidateConfig.
template <typename T>
void ValidateConfig(const Context& ctx, T& object, const Block& block,
                    const Value& config, bool write_only_allowed,
                    Diagnostics& diags) {
  ValidateAttributes(block, config, write_only_allowed, diags);
  if (diags.HasError()) return;
  if (WithValidateConfig* v = DetectCapabilities(object).validate_config) {
    ValidateConfigResponse resp;
    v->ValidateConfig(ctx, {.config = config}, resp);
    diags.Append(resp.diagnostics);
  }
}

}  // namespace tf::server
