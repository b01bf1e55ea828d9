// Union API keys: the plain model and the operations (the reference SDK's
// ApiKey create/get/listall/update/delete, sync and async).
//
//   ApiKeys keys(client);                       // client: shared_ptr<Client>
//   absl::StatusOr<ApiKey> key = keys.Create("CI Pipeline #1", {});
//   std::cout << "export UNION_API_KEY=" << *key->encoded_credentials;
//   std::future<absl::StatusOr<ApiKey>> later = keys.GetAsync("ci-pipeline-1");
//
// The secret (client_secret, encoded_credentials) is only known right after
// Create; ToJson redacts it unless asked for.
#pragma once

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include <nlohmann/json.hpp>
#include "union/client.h"

namespace unionc {

// One API key (an OAuth2 app), free of protobuf.
struct ApiKey {
  std::string client_id;
  std::string client_name;
  std::string organization;                  // "" = none
  std::vector<std::string> redirect_uris;
  std::vector<std::string> grant_types;      // "CLIENT_CREDENTIALS", ...
  std::vector<std::string> response_types;   // "CODE", ...
  std::string token_endpoint_auth_method;    // "CLIENT_SECRET_BASIC", ...
  std::string application_type;              // "WEB" / "NATIVE"
  // When the key was made, in whole seconds; std::nullopt when the server
  // does not say. FormatRfc3339 gives its text form.
  std::optional<absl::Time> client_id_issued_at;
  // When the secret stops working, in whole seconds; std::nullopt when the
  // server sets no expiry (unset or zero).
  std::optional<absl::Time> client_secret_expires_at;
  std::optional<std::string> client_secret;        // sensitive; Create only
  std::optional<std::string> encoded_credentials;  // sensitive; Create only

  bool operator==(const ApiKey&) const = default;
};

struct CreateOptions {
  // The reference leaves default policies on (false): the key gets the
  // creator's default permissions.
  bool skip_default_policy_assignments = false;
  // Display name; defaults to the client_id.
  std::optional<std::string> client_name = std::nullopt;
};

// Unset fields keep their current value.
struct UpdateOptions {
  std::optional<std::string> client_name = std::nullopt;
  std::optional<std::vector<std::string>> redirect_uris = std::nullopt;
};

// Which keys ListAll returns.
struct ListFilter {
  // Only keys whose client_id starts with this ("" = all keys). Sent to the
  // server as a CONTAINS filter on client_id and applied again here, so a
  // server that ignores filters still gives the right answer.
  std::string client_id_prefix;
};

struct JsonOptions {
  bool include_secrets = false;  // else secrets print as "<redacted>"
};

// The default redirect URI of the reference SDK: what Create registers when
// given none, and the provider's default for redirect_uris.
inline constexpr std::string_view kDefaultRedirectUri =
    "http://localhost:8080/authorization-code/callback";

// URI schemes a redirect URI may not use (script and local-content schemes
// an authorization server must never redirect to); ValidateRedirectUri
// refuses them in any case.
inline constexpr std::string_view kRefusedRedirectUriSchemes[] = {
    "javascript", "data", "file"};

// A key's times as text: RFC 3339 in UTC, whole seconds
// ("2025-11-26T12:00:00Z"). ToJson and the provider's state use it.
[[nodiscard]] std::string FormatRfc3339(absl::Time t);

// The longest client_id Union accepts for a new key (the dev server enforces
// the same limit).
inline constexpr size_t kMaxClientIdLength = 128;

// The reference name normalisation: lower-case, then each run of bytes
// outside [0-9a-zA-Z] becomes one '-' ("CI Pipeline #1" -> "ci-pipeline-1").
[[nodiscard]] std::string NormalizeKeyName(std::string_view name);

// The one rule for key names, shared by ApiKeys::Create, the CLI and the
// provider: InvalidArgument when NormalizeKeyName(name) has no letter or
// digit ("!!!" would become the client_id "-"), or is longer than
// kMaxClientIdLength. The message names the problem and the fix; the name
// is echoed shortened (TruncateForMessage).
[[nodiscard]] absl::Status ValidateKeyName(std::string_view name);

// A redirect URI must be absolute: an RFC 3986 scheme (a letter, then
// letters, digits, '+', '-' or '.'), ':', and a non-empty rest without
// spaces or control characters. The schemes javascript:, data: and file: are
// refused (any case). InvalidArgument otherwise, echoing the URI shortened.
// ApiKeys::Create and ApiKeys::Update check every entry before sending.
[[nodiscard]] absl::Status ValidateRedirectUri(std::string_view uri);

// True for Union's serverless hosts (keys are per user there).
[[nodiscard]] bool IsServerlessEndpoint(std::string_view endpoint);

// JSON object of the key; client_secret/encoded_credentials are redacted
// unless options.include_secrets, and omitted when unknown. Times are
// FormatRfc3339 text: client_id_issued_at ("" when unknown, with
// client_id_issued_at_seconds, 0 when unknown) and client_secret_expires_at
// (null when it does not expire).
[[nodiscard]] nlohmann::json ToJson(const ApiKey& key, JsonOptions options = {});
[[nodiscard]] std::string ToJsonString(const ApiKey& key,
                                       JsonOptions options = {});

// The operations. Cheap to copy; thread-safe; async variants run on their own
// thread and keep the client alive.
class ApiKeys {
 public:
  explicit ApiKeys(std::shared_ptr<Client> client);

  // Creates a key named NormalizeKeyName(name) (on serverless:
  // "{tenant}-{userhandle}-{name}"). Empty redirect_uris = the default.
  // The result carries client_secret and encoded_credentials.
  // InvalidArgument, before anything is sent, when ValidateKeyName or
  // ValidateRedirectUri refuses the input.
  [[nodiscard]] absl::StatusOr<ApiKey> Create(
      std::string_view name, const std::vector<std::string>& redirect_uris = {},
      const CreateOptions& options = {}) const;
  [[nodiscard]] absl::StatusOr<ApiKey> Get(std::string_view client_id) const;
  // Up to `limit` keys matching `filter` (0 = no limit), following next-page
  // tokens; page size min(limit, 100).
  [[nodiscard]] absl::StatusOr<std::vector<ApiKey>> ListAll(
      uint32_t limit = 100, const ListFilter& filter = {}) const;
  // Reads the key, then writes it back with the given changes; every other
  // field is preserved. New redirect URIs are checked (ValidateRedirectUri)
  // before anything is sent.
  [[nodiscard]] absl::StatusOr<ApiKey> Update(std::string_view client_id,
                                              const UpdateOptions& options) const;
  [[nodiscard]] absl::Status Delete(std::string_view client_id) const;

  std::future<absl::StatusOr<ApiKey>> CreateAsync(
      std::string name, std::vector<std::string> redirect_uris = {},
      CreateOptions options = {}) const;
  std::future<absl::StatusOr<ApiKey>> GetAsync(std::string client_id) const;
  std::future<absl::StatusOr<std::vector<ApiKey>>> ListAllAsync(
      uint32_t limit = 100, ListFilter filter = {}) const;
  std::future<absl::StatusOr<ApiKey>> UpdateAsync(std::string client_id,
                                                  UpdateOptions options) const;
  std::future<absl::Status> DeleteAsync(std::string client_id) const;

  const std::shared_ptr<Client>& client() const { return client_; }

 private:
  std::shared_ptr<Client> client_;
};

}  // namespace unionc
