// provider_config.h: the `provider "union"` block: its schema, its
// validation, and how configuration and environment combine.
//
//   ProviderSettings s = ResolveProviderSettings(config, SystemEnv(), diags);
//   if (diags.HasError()) return;
// Precedence (Terraform convention: configuration wins over environment):
//   api_key:  attribute, then union-client's unionc::ApiKeyFromEnv
//             (UNION_API_KEY, FLYTE_API_KEY, UNIONAI_API_KEY)
//   endpoint: attribute, then unionc::EndpointFromEnv (UNION_ENDPOINT), then
//             the endpoint inside the key
//   access_token (attribute only): replaces the API key; needs an endpoint
// Unknown values (e.g. from a resource not yet created) are tolerated at
// validate time; at configure time they are treated like absent values.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/types/value.h"
#include "union/config.h"

namespace union_provider {


inline constexpr absl::Duration kDefaultRequestTimeout = absl::Seconds(30);
inline constexpr int kDefaultMaxRetries = 3;
inline constexpr int kMaxMaxRetries = 10;

// Reads one environment variable (nullopt when unset). The variables and
// their order are union-client's (unionc::kApiKeyEnvVars,
// unionc::kEndpointEnvVar); an empty one counts as unset.
using EnvLookup = unionc::EnvLookup;
EnvLookup SystemEnv();

// The provider configuration after precedence is applied. The api_key is a
// secret: never log it or put it in a diagnostic.
struct ProviderSettings {
  std::string api_key{};
  std::string api_key_source{};  // "api_key" or the environment variable name
  // A bearer token used as is instead of the API key's client credentials
  // (the access_token attribute). A secret. When set, api_key is empty.
  std::string access_token{};
  std::string endpoint{};      // "" = take it from the key
  std::string organization{};  // "" = take it from the key
  bool insecure = false;
  std::string ca_cert_file{};
  absl::Duration request_timeout = kDefaultRequestTimeout;
  int max_retries = kDefaultMaxRetries;
};

// The provider block's schema.
tf::Schema ProviderSchema();

// Checks the known values of a provider config (request_timeout parses,
// max_retries in range, ...). Unknown values pass.
void ValidateProviderConfig(const tf::Value& config, tf::Diagnostics& diags);

// Combines `config` with the environment. A missing API key is one error on
// the api_key path naming the variables that were looked at.
[[nodiscard]] ProviderSettings ResolveProviderSettings(const tf::Value& config,
                                                       const EnvLookup& env,
                                                       tf::Diagnostics& diags);

// Parses "30s", "2m", "1m30s"; must be positive and finite.
[[nodiscard]] std::optional<absl::Duration> ParseTimeout(std::string_view text);

}  // namespace union_provider
