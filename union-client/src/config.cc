// Configuration resolution: explicit values, then environment.
#include "union/config.h"

#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "union/endpoint.h"

namespace unionc {

std::optional<std::string> SystemEnv(std::string_view name) {
  const char* v = std::getenv(std::string(name).c_str());
  if (v == nullptr) return std::nullopt;
  return std::string(v);
}

absl::StatusOr<ClientConfig> ResolveConfig(const ConfigInputs& inputs,
                                           const EnvLookup& env) {
  std::optional<std::string> key;
  std::string key_source = "--api-key";
  if (inputs.api_key && !inputs.api_key->empty()) {
    key = inputs.api_key;
  } else {
    for (std::string_view var : kApiKeyEnvVars) {
      std::optional<std::string> v = env(var);
      if (v && !v->empty()) {
        key = v;
        key_source = std::string(var);
        break;
      }
    }
  }
  if (!key) {
    return absl::InvalidArgumentError(absl::StrCat(
        "no Union API key: pass one explicitly or set one of ",
        "UNION_API_KEY, FLYTE_API_KEY or UNIONAI_API_KEY"));
  }
  absl::StatusOr<ApiKeyCredentials> creds = ApiKeyCredentials::Decode(*key);
  if (!creds.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("API key from ", key_source, ": ", creds.status().message()));
  }

  ClientConfig cfg;
  std::string endpoint;
  if (inputs.endpoint && !inputs.endpoint->empty()) {
    endpoint = *inputs.endpoint;
  } else if (std::optional<std::string> e = env(kEndpointEnvVar);
             e && !e->empty()) {
    endpoint = *e;
  } else {
    endpoint = creds->endpoint;
  }
  cfg.endpoint = NormalizeEndpoint(endpoint);
  if (cfg.endpoint.empty()) {
    return absl::InvalidArgumentError("the Union endpoint is empty");
  }
  cfg.org = inputs.org ? *inputs.org : creds->org;
  cfg.credentials = *std::move(creds);
  if (inputs.insecure) cfg.insecure = *inputs.insecure;
  if (inputs.ca_cert_file) cfg.ca_cert_file = *inputs.ca_cert_file;
  if (inputs.timeout) {
    if (inputs.timeout->count() <= 0) {
      return absl::InvalidArgumentError("the timeout must be positive");
    }
    cfg.timeout = *inputs.timeout;
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
