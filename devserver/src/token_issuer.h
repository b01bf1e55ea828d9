// TokenIssuer: opaque bearer tokens with an expiry, kept in memory.
//
//   TokenIssuer tokens(absl::Seconds(3600));
//   absl::StatusOr<IssuedToken> t = tokens.Issue({.client_id = "ci",
//   .organization = ""}); absl::StatusOr<TokenInfo> who =
//   tokens.Validate(t->access_token);
//
// Tokens are 32 CSPRNG bytes (base64url); only their SHA-256 is kept. Tokens
// do not survive a restart: clients fetch a new one (as after expiry).
// Thread-safe.
#pragma once

#include <functional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace devserver {

// Whom a token was issued to.
struct TokenInfo {
  std::string client_id;
  std::string organization;
  absl::Time expires_at;
};

// A freshly issued token (the only time its text exists in the server).
struct IssuedToken {
  std::string access_token;
  absl::Duration expires_in;
};

class TokenIssuer final {
 public:
  // `ttl` is the lifetime of issued tokens; `now` is the clock (for tests).
  explicit TokenIssuer(absl::Duration ttl,
                       std::function<absl::Time()> now = absl::Now)
      : ttl_(ttl), now_(std::move(now)) {}

  // Issues a token for the client in `who` (its expires_at is ignored).
  [[nodiscard]] absl::StatusOr<IssuedToken> Issue(const TokenInfo& who);

  // Whom `token` belongs to; Unauthenticated when unknown or expired.
  [[nodiscard]] absl::StatusOr<TokenInfo> Validate(absl::string_view token);

  // Forgets every token of `client_id` (the app was deleted).
  void RevokeClient(absl::string_view client_id);

  // Number of tokens held (expired ones are dropped as tokens are issued).
  [[nodiscard]] std::size_t size();

 private:
  void PurgeExpiredLocked(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const absl::Duration ttl_;
  const std::function<absl::Time()> now_;
  absl::Mutex mu_;
  // SHA-256 of the token -> owner and expiry.
  absl::flat_hash_map<std::string, TokenInfo> tokens_ ABSL_GUARDED_BY(mu_);
  std::size_t purge_at_size_ ABSL_GUARDED_BY(mu_) = 1024;
};

}  // namespace devserver
