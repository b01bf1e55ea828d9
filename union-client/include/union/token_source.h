// OAuth2 client-credentials access tokens, cached and shared by all calls.
//
//   TokenSource tokens(creds, discover, {.timeout = 10s});
//   absl::StatusOr<std::string> bearer = tokens.Token(deadline);
//   ... on UNAUTHENTICATED: tokens.Invalidate(*bearer); then Token() again.
//
// Thread safety: all methods may be called concurrently. One mutex guards the
// cache; it is held during a refresh, so only one refresh runs at a time and
// concurrent callers wait for (and share) its result.
// A token is refreshed when less than 60 s or less than 10% of its lifetime
// remains.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
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

struct TokenSourceOptions {
  std::chrono::milliseconds timeout{30000};  // per HTTP request
  std::string ca_cert_file;                  // "" = system roots
};

class TokenSource {
 public:
  // Finds the AuthMetadata (called lazily, until it succeeds once).
  using Discover = std::function<absl::StatusOr<AuthMetadata>(Deadline)>;

  TokenSource(ApiKeyCredentials credentials, Discover discover,
              TokenSourceOptions options);
  TokenSource(const TokenSource&) = delete;
  TokenSource& operator=(const TokenSource&) = delete;

  // A valid access token, fetched or refreshed when due. Errors:
  // Unauthenticated (credentials rejected), Unavailable (endpoint down or 5xx),
  // Internal (malformed response), DeadlineExceeded.
  [[nodiscard]] absl::StatusOr<std::string> Token(Deadline deadline);

  // Drops `token` from the cache if it is still the cached one (after the
  // server answered UNAUTHENTICATED), so the next Token() fetches a new one.
  void Invalidate(const std::string& token);

  // The discovered metadata (discovering if needed).
  [[nodiscard]] absl::StatusOr<AuthMetadata> Metadata(Deadline deadline);

  // Number of successful token fetches so far (for tests and logs).
  [[nodiscard]] int fetch_count() const;

 private:
  absl::StatusOr<AuthMetadata> MetadataLocked(Deadline deadline)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status FetchLocked(Deadline deadline) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const ApiKeyCredentials credentials_;
  const Discover discover_;
  const TokenSourceOptions options_;

  mutable absl::Mutex mu_;
  std::optional<AuthMetadata> metadata_ ABSL_GUARDED_BY(mu_);
  std::string token_ ABSL_GUARDED_BY(mu_);
  std::chrono::steady_clock::time_point refresh_at_ ABSL_GUARDED_BY(mu_);
  int fetch_count_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace unionc
