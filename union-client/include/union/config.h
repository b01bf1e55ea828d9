// Client configuration and how it is resolved from explicit values and the
// environment.
//
//   ConfigInputs in;                 // e.g. from CLI flags / provider config
//   in.insecure = true;
//   absl::StatusOr<ClientConfig> cfg = ResolveConfig(in);
//
// Precedence: explicit values, then environment: the API key from
// UNION_API_KEY, FLYTE_API_KEY, UNIONAI_API_KEY (first non-empty wins), the
// endpoint from UNION_ENDPOINT, then the endpoint inside the key.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "union/credentials.h"

namespace unionc {

// A fully resolved configuration.
struct ClientConfig {
  std::string endpoint;            // normalised (see endpoint.h)
  ApiKeyCredentials credentials;   // from the API key (sensitive)
  std::string org;                 // organization sent in requests ("" = none)
  bool insecure = false;           // plaintext gRPC/HTTP (local dev server)
  std::string ca_cert_file;        // PEM roots; "" = system roots
  // Deadline of each RPC attempt (and of each HTTP request).
  std::chrono::milliseconds timeout{30000};
  // Extra attempts on retryable errors (see client.h for which).
  int max_retries = 3;
  // Exponential backoff with jitter between attempts.
  std::chrono::milliseconds initial_backoff{200};
  std::chrono::milliseconds max_backoff{5000};
};

// Values given explicitly (flags, provider configuration). Unset = not given.
struct ConfigInputs {
  std::optional<std::string> api_key;   // encoded key (sensitive)
  std::optional<std::string> endpoint;
  std::optional<std::string> org;
  std::optional<bool> insecure;
  std::optional<std::string> ca_cert_file;
  std::optional<std::chrono::milliseconds> timeout;
  std::optional<int> max_retries;
};

// Reads an environment variable; std::nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

// The process environment.
std::optional<std::string> SystemEnv(std::string_view name);

// Environment variables consulted for the API key, in order.
inline constexpr std::string_view kApiKeyEnvVars[] = {
    "UNION_API_KEY", "FLYTE_API_KEY", "UNIONAI_API_KEY"};
inline constexpr std::string_view kEndpointEnvVar = "UNION_ENDPOINT";

// Resolves the configuration. InvalidArgument when no API key is found, the
// key is malformed, there is no endpoint, or timeout/max_retries are invalid.
[[nodiscard]] absl::StatusOr<ClientConfig> ResolveConfig(
    const ConfigInputs& inputs, const EnvLookup& env = SystemEnv);

}  // namespace unionc
