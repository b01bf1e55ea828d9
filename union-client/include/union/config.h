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
//
// Instead of an API key, an OAuth2 access token may be given explicitly
// (ConfigInputs::access_token): it is sent as is on every call
// ("authorization: Bearer <token>"), with no discovery and no refresh. It
// needs an endpoint (explicit or UNION_ENDPOINT), and an explicit API key
// with it is a configuration error; API keys in the environment are then
// not consulted.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "union/credentials.h"

namespace unionc {

// A fully resolved configuration.
struct ClientConfig {
  std::string endpoint;            // normalised (see endpoint.h)
  ApiKeyCredentials credentials;   // from the API key (sensitive)
  // An OAuth2 access token used as is instead of `credentials` (sensitive;
  // "" = use the API key).
  std::string access_token;
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
  // An OAuth2 access token instead of an API key (sensitive); see above.
  std::optional<std::string> access_token;
  std::optional<std::string> endpoint;
  std::optional<std::string> org;
  std::optional<bool> insecure;
  std::optional<std::string> ca_cert_file;
  std::optional<std::chrono::milliseconds> timeout;
  std::optional<int> max_retries;
};

// The bounds of a per-call timeout (CheckTimeout).
inline constexpr absl::Duration kMinTimeout = absl::Milliseconds(1);
inline constexpr absl::Duration kMaxTimeout = absl::Hours(24);

// The one timeout rule, for the CLI's --timeout, the provider's
// request_timeout and ResolveConfig: a timeout under kMinTimeout (1 ms;
// zero and negative included) is InvalidArgument ("timeout 0.0001s is below
// the minimum of 1ms; ..."); one above kMaxTimeout (24 h; infinite
// included) is clamped to kMaxTimeout, since a deadline further out would
// overflow the clock. Returns the timeout to use.
[[nodiscard]] absl::StatusOr<absl::Duration> CheckTimeout(
    absl::Duration requested);

// Reads an environment variable; std::nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

// The process environment.
std::optional<std::string> SystemEnv(std::string_view name);

// Environment variables consulted for the API key, in order.
inline constexpr std::string_view kApiKeyEnvVars[] = {
    "UNION_API_KEY", "FLYTE_API_KEY", "UNIONAI_API_KEY"};
inline constexpr std::string_view kEndpointEnvVar = "UNION_ENDPOINT";

// kApiKeyEnvVars for messages: "UNION_API_KEY, FLYTE_API_KEY, UNIONAI_API_KEY".
[[nodiscard]] std::string ApiKeyEnvVarList();

// A value found in the environment and the variable it came from.
struct EnvValue {
  std::string_view variable;
  std::string value;  // sensitive when it is an API key
};

// The one environment precedence, for ResolveConfig and the provider: the
// first of kApiKeyEnvVars that is set and non-empty; std::nullopt when none.
[[nodiscard]] std::optional<EnvValue> ApiKeyFromEnv(const EnvLookup& env);
// kEndpointEnvVar when set and non-empty.
[[nodiscard]] std::optional<std::string> EndpointFromEnv(const EnvLookup& env);

// Resolves the configuration. InvalidArgument when no API key (nor access
// token) is found, the key is malformed, both an API key and an access token
// are given, there is no endpoint, the CA file holds no certificate (or
// cannot be read), or timeout/max_retries are invalid (the timeout goes
// through CheckTimeout).
[[nodiscard]] absl::StatusOr<ClientConfig> ResolveConfig(
    const ConfigInputs& inputs, const EnvLookup& env = SystemEnv);

}  // namespace unionc
