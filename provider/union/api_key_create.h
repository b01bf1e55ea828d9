// api_key_create.h: the create of a union_api_key, with its recovery from
// failures whose outcome is unknown (docs/design/ambiguous-create.md):
// a failed attempt that provably created nothing is retried (up to the
// backend's MaxCreateAttempts); a key found after an ambiguous failure is
// adopted into state (tainted) when it is the requested one and reported
// when it is not; ALREADY_EXISTS names its usual causes and the import
// command.
//   CreateApiKey(*configured_, req.plan, resp);
#pragma once

#include "provider/framework/sdk/resource.h"
#include "provider/framework/types/value.h"
#include "provider/union/api_key_backend.h"

namespace union_provider {

// Creates the key `plan` describes (a name_prefix gets its unique suffix
// here) and sets resp.state, or adds diagnostics (and, after an ambiguous
// failure, a state Terraform records as tainted).
void CreateApiKey(ApiKeyBackend& backend, const tf::Value& plan,
                  tf::CreateResponse& resp);

}  // namespace union_provider
