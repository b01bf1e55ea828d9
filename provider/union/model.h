// model.h: the mapping between a unionc::ApiKey (what Union returns, in
// union-client's one model of a key) and the Terraform values of the
// resource and data sources.
//
// Everything a server answer contributes to state goes through here, so the
// same normalisation applies after Create, Read, Update and import (lists in
// server order, enums as their readable names, times as RFC 3339 UTC), and a
// refreshed plan stays empty.
//   tf::Value state = ResourceStateFromKey(key, prior_state);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "provider/framework/schema/schema.h"
#include "provider/framework/types/value.h"
#include "provider/framework/schema/validator.h"
#include "union/api_key.h"

namespace union_provider {

// union-client's default redirect URI, as a string for schemas.
inline const std::string kDefaultRedirectUri(unionc::kDefaultRedirectUri);

// The validator of a redirect_uris attribute: each element an absolute URI
// without one of union-client's refused schemes (kRefusedRedirectUriSchemes).
std::shared_ptr<const tf::Validator> RedirectUrisValidator();

// The attributes of the union_api_key resource, in schema order.
std::vector<std::string> ResourceAttributeNames();

// A known, non-null string.
inline bool IsKnownString(const tf::Value& v) {
  return v.IsKnown() && !v.IsNull() && v.type() == tf::Type::String();
}

// A known list of strings.
tf::Value StringList(const std::vector<std::string>& items);
// The strings of a known list (nullopt when null or not wholly known).
std::optional<std::vector<std::string>> StringsOf(const tf::Value& list);

// The computed, non-secret attributes every representation of a key shares:
// id, client_id, client_name, organization, redirect_uris, grant_types,
// response_types, token_endpoint_auth_method, client_id_issued_at,
// client_secret_expires_at.
// `client_id_presence` lets the single data source make client_id Required.
std::vector<tf::Attribute> KeyAttributes(tf::Presence client_id_presence);

// The object type of one key in a data source (the KeyAttributes).
tf::Type KeyObjectType();

// The KeyAttributes of `key` as an object value (for data sources).
tf::Value KeyObject(const unionc::ApiKey& key);

// The resource state for `key`. Attributes the server does not return are
// taken from `prior` (a null prior leaves them null): name, name_prefix,
// rotate_when_changed, skip_default_policy_assignments, client_secret,
// encoded_credentials. When `key` carries a secret (the Create answer) it is
// used instead. Times are unionc::FormatRfc3339 text.
tf::Value ResourceStateFromKey(const unionc::ApiKey& key, const tf::Value& prior);

}  // namespace union_provider
