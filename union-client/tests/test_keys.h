// test_keys.h: encoded API keys for tests, made with union-client's own
// codec.
//   in.api_key = EncodedKey(server.endpoint(), "admin", "s3cr3t");
#pragma once

#include <string>

#include "union/credentials.h"

namespace unionc::testing {

// The encoded key of `client_id` with `secret` for `endpoint`, no
// organization.
inline std::string EncodedKey(const std::string& endpoint,
                              const std::string& client_id,
                              const std::string& secret) {
  return ApiKeyCredentials{.endpoint = endpoint,
                           .client_id = client_id,
                           .client_secret = secret,
                           .org = ""}
      .Encode();
}

}  // namespace unionc::testing
