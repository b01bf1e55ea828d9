// ephemeral_access_token.cc: ephemeral "union_access_token".
#include "provider/union/ephemeral_access_token.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "provider/union/model.h"
#include "provider/union/provider_data.h"
#include "provider/union/status_diagnostic.h"
#include "union/api_key.h"

namespace union_provider {
namespace {

using tf::Attribute;
using tf::Path;
using tf::Presence;
using tf::Type;
using tf::Value;

// Private data: which key Renew mints from. "p": the provider's own key;
// "k" followed by an encoded key: that key. Terraform keeps private data in
// memory for the run only and never logs it.
constexpr char kProviderKey = 'p';
constexpr char kGivenKey = 'k';

std::string PrivateDataFor(const std::string& api_key) {
  return api_key.empty() ? std::string(1, kProviderKey)
                         : std::string(1, kGivenKey) + api_key;
}

// The api_key a private data names ("" = the provider's); nullopt when it
// is not one this resource wrote.
std::optional<std::string> ApiKeyOf(const std::string& private_data) {
  if (private_data.size() == 1 && private_data[0] == kProviderKey) return "";
  if (private_data.size() > 1 && private_data[0] == kGivenKey) {
    return private_data.substr(1);
  }
  return std::nullopt;
}

std::chrono::system_clock::time_point ToChrono(absl::Time t) {
  return absl::ToChronoTime(t);
}

// The diagnostic for a failed mint from `api_key` ("" = the provider's).
tf::Diagnostic MintFailure(const absl::Status& s, const std::string& api_key,
                           const std::string& operation) {
  if (absl::IsFailedPrecondition(s) && api_key.empty()) {
    return tf::Diagnostic{
        .severity = tf::Severity::kError,
        .summary = "No API key to mint an access token from",
        .detail = absl::StrCat(
            "Could not ", operation, ": ", SafeMessage(s, {}),
            ".\n\nThis provider configuration authenticates with an "
            "access_token, not an API key, so it cannot mint tokens. Set "
            "api_key on the union_access_token, or use a provider "
            "configuration that has an API key."),
        .attribute = std::nullopt};
  }
  std::optional<Path> path;
  if (!api_key.empty()) path = Path::Root("api_key");
  return StatusToDiagnostic(
      s, {.operation = operation, .path = path, .secrets = {api_key}});
}

}  // namespace

absl::Time RenewTime(absl::Time now, absl::Time expires_at) {
  const absl::Duration lifetime = std::max(absl::ZeroDuration(),
                                           expires_at - now);
  const absl::Duration margin = std::min(absl::Minutes(1), lifetime / 10);
  return expires_at - margin < now ? now : expires_at - margin;
}

tf::Schema EphemeralAccessToken::GetSchema() const {
  tf::Schema s;
  s.block.description =
      "An OAuth2 access token for Union, minted for one Terraform run and "
      "never written to the plan or the state. Use it as the access_token "
      "of another provider configuration.";
  s.block.attributes = {
      Attribute{.name = "api_key",
                .type = Type::String(),
                .presence = Presence::kOptional,
                .sensitive = true,
                .description =
                    "An encoded API key to mint the token for. Default: the "
                    "provider's own API key.",
                .validators = {tf::StringLengthAtLeast(1)}},
      Attribute{.name = "access_token",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .sensitive = true,
                .description =
                    "The access token, for a provider's `access_token`."},
      Attribute{.name = "token_type",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description = "The token type, `Bearer`."},
      Attribute{.name = "expires_at",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description = "When the token expires, RFC 3339 in UTC."},
  };
  return s;
}

void EphemeralAccessToken::Open(const tf::Context&,
                                const tf::OpenEphemeralRequest& req,
                                tf::OpenEphemeralResponse& resp) {
  if (!configured_) return AddNotConfiguredError(resp.diagnostics);
  const Value& key = req.config.Attr("api_key");
  const std::string api_key = key.IsNull() ? "" : key.AsString();
  absl::StatusOr<AccessToken> token = configured_->Mint(api_key);
  if (!token.ok()) {
    resp.diagnostics.Add(
        MintFailure(token.status(), api_key, "mint a Union access token"));
    return;
  }
  resp.result =
      resp.result.WithAttr("access_token", Value::String(token->access_token))
          .WithAttr("token_type", Value::String(token->token_type))
          .WithAttr("expires_at",
                    Value::String(unionc::FormatRfc3339(token->expires_at)));
  resp.private_data = PrivateDataFor(api_key);
  resp.renew_at = ToChrono(RenewTime(absl::Now(), token->expires_at));
}

void EphemeralAccessToken::Renew(const tf::Context&,
                                 const tf::RenewEphemeralRequest& req,
                                 tf::RenewEphemeralResponse& resp) {
  if (!configured_) return AddNotConfiguredError(resp.diagnostics);
  std::optional<std::string> api_key = ApiKeyOf(req.private_data);
  if (!api_key) {
    resp.diagnostics.AddError(
        "Unexpected private data",
        "Terraform asked to renew a union_access_token with private data "
        "this provider did not write. This is a bug in the provider or in "
        "Terraform.");
    return;
  }
  absl::StatusOr<AccessToken> token = configured_->Mint(*api_key);
  if (!token.ok()) {
    resp.diagnostics.Add(
        MintFailure(token.status(), *api_key, "renew the Union access token"));
    return;
  }
  resp.renew_at = ToChrono(RenewTime(absl::Now(), token->expires_at));
}

}  // namespace union_provider
