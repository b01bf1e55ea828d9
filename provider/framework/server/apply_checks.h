// apply_checks.h: what ApplyResourceChange verifies before answering, so a
// provider bug surfaces as a diagnostic naming the attribute rather than
// Terraform's "Provider produced inconsistent result after apply".
//   CheckNewStateConformsToPlan(planned, new_state, diags);
#pragma once

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/types/path.h"
#include "provider/framework/types/value.h"

namespace tf::server {

// Every value known in `planned` must come back unchanged in `actual`, and
// every unknown must have become (wholly) known. Adds one error per
// offending attribute path; never prints values (they may be secrets).
void CheckNewStateConformsToPlan(const Value& planned, const Value& actual,
                                 Diagnostics& diags);

// Errors when `state` (a Read or data source result) holds unknowns.
void CheckWhollyKnown(const Value& state, const std::string& summary,
                      Diagnostics& diags);

}  // namespace tf::server
