// provider_config.cc: provider schema, validation and precedence.
#include "provider/union/provider_config.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "union/config.h"

namespace union_provider {
namespace {

using tf::Attribute;
using tf::Path;
using tf::Presence;
using tf::Type;
using tf::Value;

// A known, non-null string attribute of `config`, else nullopt.
std::optional<std::string> KnownString(const Value& config,
                                       std::string_view name) {
  if (config.IsNull() || !config.IsKnown()) return std::nullopt;
  const Value& v = config.Attr(name);
  if (v.IsNull() || !v.IsKnown()) return std::nullopt;
  return v.AsString();
}

}  // namespace

EnvLookup SystemEnv() { return unionc::SystemEnv; }

std::optional<absl::Duration> ParseTimeout(std::string_view text) {
  absl::Duration d;
  if (!absl::ParseDuration(std::string(text), &d)) return std::nullopt;
  if (d <= absl::ZeroDuration() || d == absl::InfiniteDuration()) {
    return std::nullopt;
  }
  return d;
}

tf::Schema ProviderSchema() {
  const std::string env_list = unionc::ApiKeyEnvVarList();
  tf::Schema s;
  s.block.description =
      "The Union provider manages Union API keys (OAuth2 applications in "
      "Union's identity service).";
  s.block.attributes = {
      Attribute{.name = "endpoint",
                .type = Type::String(),
                .presence = Presence::kOptional,
                .description =
                    "The Union control plane, as `host:port` or `host` "
                    "(e.g. `tenant.hosted.unionai.cloud`). Defaults to "
                    "`UNION_ENDPOINT`, then to the endpoint encoded in the "
                    "API key."},
      Attribute{.name = "api_key",
                .type = Type::String(),
                .presence = Presence::kOptional,
                .sensitive = true,
                .description = absl::StrCat(
                    "An encoded Union API key (what `union create api-key` "
                    "prints). Defaults to the first set of the environment "
                    "variables ",
                    env_list, ".")},
      Attribute{.name = "access_token",
                .type = Type::String(),
                .presence = Presence::kOptional,
                .sensitive = true,
                .description =
                    "An OAuth2 access token sent as is (`Bearer`), instead "
                    "of an API key's client credentials: no discovery, no "
                    "refresh. Typically "
                    "`ephemeral.union_access_token.<name>.access_token`. "
                    "Conflicts with `api_key`; needs `endpoint` or "
                    "`UNION_ENDPOINT`."},
      Attribute{.name = "organization",
                .type = Type::String(),
                .presence = Presence::kOptional,
                .description =
                    "The organization keys are managed in. Defaults to the "
                    "organization encoded in the API key."},
      Attribute{.name = "insecure",
                .type = Type::Bool(),
                .presence = Presence::kOptional,
                .description =
                    "Use plaintext gRPC and HTTP instead of TLS. Only for a "
                    "local `union-devserver`. Default `false`."},
      Attribute{.name = "ca_cert_file",
                .type = Type::String(),
                .presence = Presence::kOptional,
                .description =
                    "A PEM file of CA certificates to trust instead of the "
                    "system roots."},
      Attribute{.name = "request_timeout",
                .type = Type::String(),
                .presence = Presence::kOptional,
                .description =
                    "The deadline of each call to Union, as a duration such "
                    "as `30s` or `2m`. At least `1ms`; values above `24h` "
                    "are clamped to `24h`. Default `30s`."},
      Attribute{.name = "max_retries",
                .type = Type::Number(),
                .presence = Presence::kOptional,
                .description = absl::StrCat(
                    "How many times a call that failed transiently "
                    "(UNAVAILABLE, RESOURCE_EXHAUSTED) is retried with "
                    "backoff, when retrying is safe. 0 to ",
                    kMaxMaxRetries, "; default ", kDefaultMaxRetries, ".")},
  };
  return s;
}

void ValidateProviderConfig(const Value& config, tf::Diagnostics& diags) {
  if (config.IsNull() || !config.IsKnown()) return;
  if (auto t = KnownString(config, "request_timeout")) {
    std::optional<absl::Duration> d = ParseTimeout(*t);
    if (!d) {
      diags.AddAttributeError(
          Path::Root("request_timeout"), "Invalid request_timeout",
          absl::StrCat("\"", *t,
                       "\" is not a positive duration. Use a number with a "
                       "unit, such as \"30s\", \"2m\" or \"1m30s\"."));
    } else if (absl::StatusOr<absl::Duration> used = unionc::CheckTimeout(*d);
               !used.ok()) {
      diags.AddAttributeError(
          Path::Root("request_timeout"), "Invalid request_timeout",
          absl::StrCat("request_timeout \"", *t, "\" is too short: ",
                       used.status().message(),
                       ". Use at least \"1ms\"; values such as \"30s\" "
                       "leave Union time to answer."));
    } else if (*used != *d) {
      diags.AddAttributeWarning(
          Path::Root("request_timeout"), "request_timeout clamped",
          absl::StrCat("request_timeout \"", *t, "\" is above the maximum of ",
                       absl::FormatDuration(unionc::kMaxTimeout),
                       "; the provider uses ",
                       absl::FormatDuration(*used), "."));
    }
  }
  const Value& retries = config.Attr("max_retries");
  if (!retries.IsNull() && retries.IsKnown()) {
    std::optional<int64_t> n = retries.AsNumber().AsInt64();
    if (!n || *n < 0 || *n > kMaxMaxRetries) {
      diags.AddAttributeError(
          Path::Root("max_retries"), "Invalid max_retries",
          absl::StrCat("max_retries must be a whole number from 0 to ",
                       kMaxMaxRetries, ", got ", retries.AsNumber().ToString(),
                       "."));
    }
  }
  if (KnownString(config, "access_token") && KnownString(config, "api_key")) {
    diags.AddAttributeError(
        Path::Root("access_token"), "Conflicting credentials",
        "access_token and api_key are both set. Set one of them: "
        "access_token to call Union with that token as is, or api_key to "
        "obtain tokens with the key's client credentials.");
  }
  for (const char* name :
       {"endpoint", "api_key", "ca_cert_file", "access_token"}) {
    if (auto v = KnownString(config, name); v && v->empty()) {
      diags.AddAttributeError(
          Path::Root(name), absl::StrCat("Empty ", name),
          absl::StrCat(name,
                       " is set to an empty string. Remove it to use the "
                       "default, or give a value."));
    }
  }
}

ProviderSettings ResolveProviderSettings(const Value& config,
                                         const EnvLookup& env,
                                         tf::Diagnostics& diags) {
  ValidateProviderConfig(config, diags);
  ProviderSettings s;
  if (auto t = KnownString(config, "access_token"); t && !t->empty()) {
    s.access_token = *t;
    if (auto e = KnownString(config, "endpoint"); e && !e->empty()) {
      s.endpoint = *e;
    } else if (auto v = unionc::EndpointFromEnv(env)) {
      s.endpoint = *v;
    } else {
      diags.AddAttributeError(
          Path::Root("access_token"), "Missing Union endpoint",
          absl::StrCat("An access_token carries no endpoint. Set endpoint "
                       "in the provider \"union\" block, or the environment "
                       "variable ",
                       std::string(unionc::kEndpointEnvVar), "."));
    }
  } else if (auto key = KnownString(config, "api_key");
             key && !key->empty()) {
    s.api_key = *key;
    s.api_key_source = "api_key";
  } else if (std::optional<unionc::EnvValue> v = unionc::ApiKeyFromEnv(env)) {
    s.api_key = std::move(v->value);
    s.api_key_source = std::string(v->variable);
  }
  if (s.api_key.empty() && s.access_token.empty()) {
    const bool unknown = !config.IsNull() && config.IsKnown() &&
                         !config.Attr("api_key").IsKnown();
    diags.AddAttributeError(
        Path::Root("api_key"), "Missing Union API key",
        absl::StrCat(
            unknown ? "The provider's api_key is not known yet (it depends "
                      "on a value computed during apply), and no "
                      "environment variable supplies one. "
                    : "",
            "Set api_key in the provider \"union\" block, or set one of the "
            "environment variables ",
            unionc::ApiKeyEnvVarList(),
            " (looked at in that order) to an encoded API key."));
  }
  if (!s.access_token.empty()) {
    // Resolved above.
  } else if (auto e = KnownString(config, "endpoint"); e && !e->empty()) {
    s.endpoint = *e;
  } else if (auto v = unionc::EndpointFromEnv(env)) {
    s.endpoint = *v;
  }
  if (auto o = KnownString(config, "organization")) s.organization = *o;
  if (auto c = KnownString(config, "ca_cert_file")) s.ca_cert_file = *c;
  if (!config.IsNull() && config.IsKnown()) {
    const Value& insecure = config.Attr("insecure");
    if (!insecure.IsNull() && insecure.IsKnown()) s.insecure = insecure.AsBool();
    const Value& retries = config.Attr("max_retries");
    if (!retries.IsNull() && retries.IsKnown()) {
      if (auto n = retries.AsNumber().AsInt64();
          n && *n >= 0 && *n <= kMaxMaxRetries) {
        s.max_retries = static_cast<int>(*n);
      }
    }
  }
  if (auto t = KnownString(config, "request_timeout")) {
    if (auto d = ParseTimeout(*t)) {
      // Below the minimum was reported by ValidateProviderConfig; above the
      // maximum is clamped.
      if (absl::StatusOr<absl::Duration> used = unionc::CheckTimeout(*d);
          used.ok()) {
        s.request_timeout = *used;
      }
    }
  }
  return s;
}

}  // namespace union_provider
