// access_token_minter.h: minting OAuth2 access tokens, as the ephemeral
// union_access_token needs it, behind a small interface.
//
//   absl::StatusOr<AccessToken> t = minter.Mint("");        // provider's key
//   absl::StatusOr<AccessToken> u = minter.Mint(other_key); // another key
// The production minter (union_backend.h) uses union-client; the unit tests
// use a fake. Tokens are secrets: never log them.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace union_provider {

struct AccessToken {
  std::string access_token{};  // a secret
  std::string token_type{};    // "Bearer"
  absl::Time expires_at{};
};

// Thread-safe: one instance is shared by every request of a provider.
class AccessTokenMinter {
 public:
  virtual ~AccessTokenMinter() = default;
  // A fresh token for `api_key` (an encoded API key), or for the
  // provider's own API key when `api_key` is empty. FailedPrecondition when
  // the provider has no API key of its own (it was configured with an
  // access_token); InvalidArgument when `api_key` cannot be decoded.
  [[nodiscard]] virtual absl::StatusOr<AccessToken> Mint(
      const std::string& api_key) = 0;
};

}  // namespace union_provider
