// OAuth2 client-credentials access tokens, cached and shared by all calls.
//
//   TokenSource tokens(creds, discover, {.timeout = 10s});
//   absl::StatusOr<std::string> bearer = tokens.Token(deadline);
//   ... on UNAUTHENTICATED: tokens.Invalidate(*bearer); then Token() again.
//
// Thread safety: all methods may be called concurrently. One mutex guards the
// cache, but it is never held during network I/O. Only one refresh runs at a
// time: the caller that finds the token due performs it, and concurrent
// callers wait for it (and share its token) only until their own deadline,
// then get DeadlineExceeded. If that refresh fails, waiters share its error,
// except a DeadlineExceeded of the refreshing caller's own (shorter)
// deadline: then the next waiter with time left refreshes itself.
// A token is refreshed when less than 60 s or less than 10% of its lifetime
// remains.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "union/credentials.h"

namespace unionc {

using Deadline = std::chrono::steady_clock::time_point;

// What discovery finds out about the authorization server.
struct AuthMetadata {
  std::string token_endpoint;              // absolute URL, http(s)://
  std::vector<std::string> scopes;         // joined with ' ' in the request
  std::string audience;                    // sent when non-empty
  std::string metadata_key = "authorization";  // lower-case gRPC metadata key
};

// An OAuth2 access token with what is known about it (sensitive: never log
// access_token).
struct AccessToken {
  std::string access_token;
  std::string token_type;  // as the token endpoint said, e.g. "Bearer"
  // When it stops working: now + expires_in at the time of the request
  // (expires_in defaults to 1 h when absent); absl::InfiniteFuture() for a
  // fixed token whose expiry is unknown.
  absl::Time expires_at;
};

struct TokenSourceOptions {
  std::chrono::milliseconds timeout{30000};  // per HTTP request
  std::string ca_cert_file;                  // "" = system roots
  // Allow an http:// token endpoint (the client's `insecure`, for a local
  // dev server). Off: a token endpoint that is not https:// is refused with
  // FailedPrecondition before the credentials are sent.
  bool insecure = false;
};

class TokenSource {
 public:
  // Finds the AuthMetadata (called lazily, until it succeeds once).
  using Discover = std::function<absl::StatusOr<AuthMetadata>(Deadline)>;

  TokenSource(ApiKeyCredentials credentials, Discover discover,
              TokenSourceOptions options);
  // A source that always hands out `access_token` as is: no discovery, no
  // refresh (Metadata() gives the default AuthMetadata, key "authorization").
  explicit TokenSource(std::string access_token);
  TokenSource(const TokenSource&) = delete;
  TokenSource& operator=(const TokenSource&) = delete;

  // A valid access token, fetched or refreshed when due. Errors:
  // Unauthenticated (credentials rejected), Unavailable (endpoint down or 5xx),
  // Internal (malformed response), DeadlineExceeded (the token endpoint, or
  // another caller's refresh in progress, did not finish before `deadline`),
  // FailedPrecondition (an http:// token endpoint without `insecure`).
  [[nodiscard]] absl::StatusOr<std::string> Token(Deadline deadline);

  // Token() with its type and expiry.
  [[nodiscard]] absl::StatusOr<AccessToken> Current(Deadline deadline);

  // True for the fixed-token source (nothing to refresh).
  [[nodiscard]] bool fixed() const { return fixed_; }

  // Drops `token` from the cache if it is still the cached one (after the
  // server answered UNAUTHENTICATED), so the next Token() fetches a new one.
  void Invalidate(const std::string& token);

  // The discovered metadata (discovering if needed, without the lock: until
  // the first discovery succeeds, concurrent callers may each discover).
  [[nodiscard]] absl::StatusOr<AuthMetadata> Metadata(Deadline deadline);

  // Number of successful token fetches so far (for tests and logs).
  [[nodiscard]] int fetch_count() const;

 private:
  struct Fetched {
    std::string token;
    std::string token_type;
    std::chrono::steady_clock::time_point refresh_at;
    absl::Time expires_at;
    double expires_in_seconds = 0;
  };
  // One token request to the endpoint in `metadata`; takes no lock.
  absl::StatusOr<Fetched> Fetch(const AuthMetadata& metadata,
                                Deadline deadline) const;
  bool CachedTokenValid() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // Why a refresh is due (for the log); empty when the cache is valid.
  std::string RefreshReason() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const ApiKeyCredentials credentials_;
  const Discover discover_;
  const TokenSourceOptions options_;
  const bool fixed_ = false;

  mutable absl::Mutex mu_;
  std::optional<AuthMetadata> metadata_ ABSL_GUARDED_BY(mu_);
  std::string token_ ABSL_GUARDED_BY(mu_);
  std::string token_type_ ABSL_GUARDED_BY(mu_);
  absl::Time expires_at_ ABSL_GUARDED_BY(mu_);
  std::chrono::steady_clock::time_point refresh_at_ ABSL_GUARDED_BY(mu_);
  // The cached token was dropped by Invalidate (the server rejected it).
  bool invalidated_ ABSL_GUARDED_BY(mu_) = false;
  int fetch_count_ ABSL_GUARDED_BY(mu_) = 0;
  // A refresh is in flight (its caller does the I/O without the lock).
  bool refreshing_ ABSL_GUARDED_BY(mu_) = false;
  // Incremented when a refresh ends; waiters wake on a change.
  uint64_t refresh_generation_ ABSL_GUARDED_BY(mu_) = 0;
  // How the last refresh ended.
  absl::Status last_refresh_ ABSL_GUARDED_BY(mu_);
};

}  // namespace unionc
