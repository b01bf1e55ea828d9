// AppRecord: one stored OAuth2 app (API key), free of protobuf types.
//
// Enum-valued fields keep the wire numbers of cloudidl.identity (see
// union-client/proto/cloudidl/identity/enums.proto). The secret is never part of a record; the store
// keeps only its salted hash, beside the record.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace devserver {

struct AppRecord {
  std::string organization;  // "" is an organization too
  std::string client_id;     // globally unique (an OAuth2 client id)
  std::string client_name;
  std::vector<std::string> redirect_uris;
  std::vector<int> response_types;
  std::vector<int> grant_types;
  int application_type = 0;
  std::vector<std::string> contacts;
  std::string logo_uri;
  std::string client_uri;
  std::string policy_uri;
  std::string tos_uri;
  std::string jwks_uri;
  int token_endpoint_auth_method = 0;
  int consent_method = 0;
  bool skip_default_policy_assignments = false;
  std::int64_t issued_at_unix_nanos = 0;
  // When the client secret stops authenticating; 0 = never (the admin app,
  // keys created without --secret-ttl, keys from databases older than expiry).
  std::int64_t secret_expires_at_unix_nanos = 0;

  bool operator==(const AppRecord&) const = default;
};

}  // namespace devserver
