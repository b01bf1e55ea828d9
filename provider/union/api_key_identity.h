// api_key_identity.h: the resource identity of union_api_key:
// {client_id, organization}, version 0.
//
//   import {
//     to       = union_api_key.ci
//     identity = { client_id = "ci-pipeline" }   # organization optional
//   }
// ApiKeyResource sets the identity after Create, Read, Update and import
// through these helpers; once Terraform holds an identity it never changes
// (the client_id of a key never does, and a new organization means a new
// key).
#pragma once

#include <string>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/sdk/identity.h"
#include "provider/framework/types/value.h"

namespace union_provider {

tf::IdentitySchema ApiKeyIdentitySchema();

// The identity of a resource state: its client_id, and its organization
// (`fallback_org` when the state has none known). Null when the state is
// null or its client_id is not known.
[[nodiscard]] tf::Value ApiKeyIdentityFromState(const tf::Value& state,
                                                const std::string& fallback_org);

// Sets `identity` from `state` when it is still null (an identity, once
// set, is kept).
void KeepOrSetApiKeyIdentity(const tf::Value& state,
                             const std::string& fallback_org,
                             tf::Value& identity);

// Import by identity: the identity completed with `provider_org` when its
// organization is null. An organization other than the provider's is an
// error on that identity attribute (the provider manages one organization).
[[nodiscard]] tf::Value CompleteImportIdentity(const tf::Value& identity,
                                               const std::string& provider_org,
                                               tf::Diagnostics& diags);

}  // namespace union_provider
