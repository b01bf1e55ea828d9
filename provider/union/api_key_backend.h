// api_key_backend.h: the API key operations the resources and data sources
// need, as a small interface over union-client.
//
// Keys are union-client's unionc::ApiKey (union/api_key.h), the one model of
// a key; model.h maps it to Terraform values. Resources talk to an
// ApiKeyBackend, never to gRPC. The production
// implementation (union_backend.h) wraps union-client's Client/ApiKeys; the
// unit tests use testing/fake_backend.h.
//   absl::StatusOr<unionc::ApiKey> key = backend.Get("ci-pipeline");
//   if (absl::IsNotFound(key.status())) { /* gone */ }
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "union/api_key.h"

namespace union_provider {

// What Create needs. The backend derives the client_id from `name`.
struct CreateKeyParams {
  std::string name{};
  std::string client_name{};  // "" = the client_id
  // Empty: union-client's default (unionc::kDefaultRedirectUri).
  std::vector<std::string> redirect_uris{};
  bool skip_default_policy_assignments = false;
};

// What Update changes; the backend keeps every other field as it is.
struct UpdateKeyParams {
  std::string client_id{};
  std::string client_name{};                // "" = keep
  std::vector<std::string> redirect_uris{};  // empty = keep
};

// Thread-safe: one instance is shared by every resource of a provider.
class ApiKeyBackend {
 public:
  virtual ~ApiKeyBackend() = default;

  // The client_id a key named `name` gets: the normalised name, or nullopt
  // when only the server can tell (serverless endpoints prefix a tenant and
  // user handle).
  [[nodiscard]] virtual std::optional<std::string> ClientIdFor(
      const std::string& name) const = 0;
  // The organization keys are created in ("" when none).
  virtual std::string Organization() const = 0;
  // How often the resource may attempt a Create whose earlier attempts
  // provably created nothing (1 + the configured max_retries), and the pause
  // before attempt `attempt` (2, 3, ...): jittered exponential backoff.
  [[nodiscard]] virtual int MaxCreateAttempts() const = 0;
  [[nodiscard]] virtual absl::Duration CreateRetryDelay(int attempt) const = 0;

  [[nodiscard]] virtual absl::StatusOr<unionc::ApiKey> Create(
      const CreateKeyParams& params) = 0;
  [[nodiscard]] virtual absl::StatusOr<unionc::ApiKey> Get(
      const std::string& client_id) = 0;
  [[nodiscard]] virtual absl::StatusOr<unionc::ApiKey> Update(
      const UpdateKeyParams& params) = 0;
  [[nodiscard]] virtual absl::Status Delete(const std::string& client_id) = 0;
  // Follows pagination until `limit` keys (0: all) have been read. A
  // non-empty `client_id_prefix` keeps only keys whose client_id starts
  // with it (`limit` counts the kept keys).
  [[nodiscard]] virtual absl::StatusOr<std::vector<unionc::ApiKey>> List(
      int64_t limit, const std::string& client_id_prefix) = 0;
};

}  // namespace union_provider
