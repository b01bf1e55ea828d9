// Configuration resolution: explicit values, then environment.
#include "union/config.h"

#include <cstdlib>
#include <iterator>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "ca_file.h"
#include "union/endpoint.h"
#include "union/log.h"

namespace unionc {

absl::StatusOr<absl::Duration> CheckTimeout(absl::Duration requested) {
  if (requested < kMinTimeout) {
    return absl::InvalidArgumentError(absl::StrCat(
        "timeout ", absl::ToDoubleSeconds(requested),
        "s is below the minimum of 1ms; give a timeout of at least 0.001 "
        "seconds (for example 30)"));
  }
  if (requested > kMaxTimeout) {
    Log(LogLevel::kWarn,
        absl::StrCat("union-client: timeout ", absl::ToDoubleSeconds(requested),
                     "s is above the maximum; using ",
                     absl::FormatDuration(kMaxTimeout)));
    return kMaxTimeout;
  }
  return requested;
}

std::optional<std::string> SystemEnv(std::string_view name) {
  const char* v = std::getenv(std::string(name).c_str());
  if (v == nullptr) return std::nullopt;
  return std::string(v);
}

namespace {

// kApiKeyEnvVars joined with ", ", or with " or " before the last.
std::string JoinVars(bool or_last) {
  std::string out;
  const size_t n = std::size(kApiKeyEnvVars);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += (or_last && i + 1 == n) ? " or " : ", ";
    out += kApiKeyEnvVars[i];
  }
  return out;
}

}  // namespace

std::string ApiKeyEnvVarList() { return JoinVars(/*or_last=*/false); }

std::optional<EnvValue> ApiKeyFromEnv(const EnvLookup& env) {
  for (std::string_view var : kApiKeyEnvVars) {
    std::optional<std::string> v = env(var);
    if (v && !v->empty()) return EnvValue{.variable = var, .value = *v};
  }
  return std::nullopt;
}

std::optional<std::string> EndpointFromEnv(const EnvLookup& env) {
  std::optional<std::string> v = env(kEndpointEnvVar);
  if (v && v->empty()) return std::nullopt;
  return v;
}

absl::StatusOr<ClientConfig> ResolveConfig(const ConfigInputs& inputs,
                                           const EnvLookup& env) {
  const bool explicit_key = inputs.api_key && !inputs.api_key->empty();
  const bool explicit_token =
      inputs.access_token && !inputs.access_token->empty();
  if (explicit_key && explicit_token) {
    return absl::InvalidArgumentError(
        "both an API key and an access token were given; give only one of "
        "them (the access token is used as is, the API key gets its own "
        "tokens)");
  }
  const std::optional<std::string> env_endpoint = EndpointFromEnv(env);

  ClientConfig cfg;
  std::string endpoint;
  if (explicit_token) {
    if (inputs.endpoint && !inputs.endpoint->empty()) {
      endpoint = *inputs.endpoint;
    } else if (env_endpoint) {
      endpoint = *env_endpoint;
    } else {
      return absl::InvalidArgumentError(
          "an access token needs an endpoint: give the endpoint explicitly "
          "or set UNION_ENDPOINT");
    }
    cfg.access_token = *inputs.access_token;
    cfg.org = inputs.org ? *inputs.org : "";
  } else {
    std::optional<std::string> key;
    std::string key_source = "--api-key";
    if (explicit_key) {
      key = inputs.api_key;
    } else if (std::optional<EnvValue> from_env = ApiKeyFromEnv(env)) {
      key = std::move(from_env->value);
      key_source = std::string(from_env->variable);
    }
    if (!key) {
      return absl::InvalidArgumentError(
          absl::StrCat("no Union API key: pass one explicitly or set one of ",
                       JoinVars(/*or_last=*/true)));
    }
    absl::StatusOr<ApiKeyCredentials> creds = ApiKeyCredentials::Decode(*key);
    if (!creds.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "API key from ", key_source, ": ", creds.status().message()));
    }
    if (inputs.endpoint && !inputs.endpoint->empty()) {
      endpoint = *inputs.endpoint;
    } else if (env_endpoint) {
      endpoint = *env_endpoint;
    } else {
      endpoint = creds->endpoint;
    }
    cfg.org = inputs.org ? *inputs.org : creds->org;
    cfg.credentials = *std::move(creds);
  }
  cfg.endpoint = NormalizeEndpoint(endpoint);
  if (cfg.endpoint.empty()) {
    return absl::InvalidArgumentError("the Union endpoint is empty");
  }
  if (inputs.insecure) cfg.insecure = *inputs.insecure;
  if (inputs.ca_cert_file) {
    cfg.ca_cert_file = *inputs.ca_cert_file;
    if (!cfg.ca_cert_file.empty()) {
      absl::StatusOr<std::string> pem =
          client_internal::ReadCaCertFile(cfg.ca_cert_file);
      if (!pem.ok()) return pem.status();
    }
  }
  if (inputs.timeout) {
    absl::StatusOr<absl::Duration> timeout =
        CheckTimeout(absl::FromChrono(*inputs.timeout));
    if (!timeout.ok()) return timeout.status();
    cfg.timeout = absl::ToChronoMilliseconds(*timeout);
  }
  if (inputs.max_retries) {
    if (*inputs.max_retries < 0) {
      return absl::InvalidArgumentError("max_retries must be 0 or more");
    }
    cfg.max_retries = *inputs.max_retries;
  }
  return cfg;
}

}  // namespace unionc
