// identity_checks.h: what the server verifies about a resource identity
// before answering, so a provider bug surfaces as a clear diagnostic rather
// than Terraform rejecting the response. Messages never print values.
//   CheckIdentity(schema, resp.identity, "create", diags);
//   CheckIdentityUnchanged(prior, resp.identity, "update", diags);
#pragma once

#include <string>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/sdk/identity.h"
#include "provider/framework/types/value.h"

namespace tf::server {

// `identity` (after the operation `after`: "create", "read", ...) must be
// set, wholly known and an object of the schema's type.
void CheckIdentity(const IdentitySchema& schema, const Value& identity,
                   const std::string& after, Diagnostics& diags);

// Once Terraform holds an identity (`prior` non-null) it must not change;
// from null to a value is allowed.
void CheckIdentityUnchanged(const Value& prior, const Value& next,
                            const std::string& after, Diagnostics& diags);

// After Create, Update or Read: CheckIdentity and CheckIdentityUnchanged
// together. Returns the identity to answer: `next` when both pass, else
// `prior`.
Value CheckNewIdentity(const IdentitySchema& schema, const Value& prior,
                       const Value& next, const std::string& after,
                       Diagnostics& diags);

// Import by identity: `identity` must be a known object of the schema's
// type with every required_for_import attribute non-null.
void CheckImportIdentity(const IdentitySchema& schema, const Value& identity,
                         Diagnostics& diags);

// `value` when non-null, else a null object of the schema's type.
Value IdentityOrNull(const IdentitySchema& schema, const Value& value);

}  // namespace tf::server
