// ephemeral_api_key.cc: ephemeral "union_api_key".
#include "provider/union/ephemeral_api_key.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "provider/union/model.h"
#include "provider/union/names.h"
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

// How often Open draws a new suffix when the client_id is taken.
constexpr int kMaxNameAttempts = 3;

std::string NamePrefix(const Value& config) {
  const Value& p = config.Attr("name_prefix");
  return p.IsNull() ? kDefaultEphemeralNamePrefix : p.AsString();
}

std::string CleanupAdvice(const std::string& client_id) {
  return absl::StrCat(
      "\n\nIf the key \"", client_id,
      "\" exists, delete it: union-apikey delete ", client_id,
      " (or list the keys left behind with union-apikey list and look for "
      "the name prefix).");
}

}  // namespace

tf::Schema EphemeralApiKey::GetSchema() const {
  tf::Schema s;
  s.block.description =
      "A Union API key that exists only during one Terraform run: created "
      "when Terraform opens it, deleted when Terraform closes it. Neither "
      "the key nor its secret is written to the plan or the state.";
  s.block.attributes = {
      Attribute{.name = "name_prefix",
                .type = Type::String(),
                .presence = Presence::kOptional,
                .description = absl::StrCat(
                    "The start of the key's name, normalised like a key "
                    "name (lower case, runs of other characters become "
                    "`-`); a unique suffix follows: the UTC creation time "
                    "and 10 random characters, e.g. "
                    "`20261201t230512-k3j9x0p2qa`. Default `",
                    kDefaultEphemeralNamePrefix, "`."),
                .validators = {NamePrefixValidator("Invalid name_prefix")}},
      Attribute{.name = "redirect_uris",
                .type = Type::List(Type::String()),
                .presence = Presence::kOptional,
                .description = absl::StrCat(
                    "OAuth2 redirect URIs of the key (at least one), each an "
                    "absolute URI; the schemes `javascript:`, `data:` and "
                    "`file:` are refused, as for the resource. Default `[\"",
                    kDefaultRedirectUri, "\"]`."),
                .validators = {tf::SizeAtLeast(1), tf::NoNullElements(),
                               RedirectUrisValidator()}},
      Attribute{.name = "skip_default_policy_assignments",
                .type = Type::Bool(),
                .presence = Presence::kOptional,
                .description = "Create the key without Union's default policy "
                               "assignments. Default `false`."},
      Attribute{.name = "client_id",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description = "The key's client_id: the normalised prefix "
                               "and the unique suffix."},
      Attribute{.name = "client_secret",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .sensitive = true,
                .description = "The key's client secret."},
      Attribute{.name = "encoded_credentials",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .sensitive = true,
                .description =
                    "The encoded API key, for a provider's `api_key` or "
                    "`UNION_API_KEY`."},
  };
  return s;
}

void EphemeralApiKey::Open(const tf::Context&,
                           const tf::OpenEphemeralRequest& req,
                           tf::OpenEphemeralResponse& resp) {
  if (!configured_) return AddNotConfiguredError(resp.diagnostics);
  const Value& config = req.config;
  const std::string prefix = unionc::NormalizeKeyName(NamePrefix(config));
  // No redirect_uris: union-client's default.
  CreateKeyParams params{.name = "",
                         .client_name = "",
                         .redirect_uris = {},
                         .skip_default_policy_assignments = false};
  if (auto uris = StringsOf(config.Attr("redirect_uris"))) {
    params.redirect_uris = *uris;
  }
  const Value& skip = config.Attr("skip_default_policy_assignments");
  if (!skip.IsNull()) params.skip_default_policy_assignments = skip.AsBool();

  for (int attempt = 1;; ++attempt) {
    absl::StatusOr<std::string> suffix =
        suffix_ ? suffix_() : UniqueKeySuffix(absl::Now());
    if (!suffix.ok()) {
      resp.diagnostics.Add(StatusToDiagnostic(
          suffix.status(), {.operation = "name the ephemeral API key"}));
      return;
    }
    params.name = prefix + *suffix;
    if (absl::Status valid = unionc::ValidateKeyName(params.name);
        !valid.ok()) {
      resp.diagnostics.AddAttributeError(
          Path::Root("name_prefix"), "Invalid name_prefix",
          absl::StrCat(valid.message(), ". Choose a shorter name_prefix."));
      return;
    }
    const std::optional<std::string> expected_id =
        configured_->ClientIdFor(params.name);
    const std::string shown_id = expected_id.value_or(params.name);
    absl::StatusOr<unionc::ApiKey> created = configured_->Create(params);
    if (absl::IsAlreadyExists(created.status()) && attempt < kMaxNameAttempts) {
      continue;  // the suffix collided: draw another
    }
    if (!created.ok()) {
      tf::Diagnostic d = StatusToDiagnostic(
          created.status(),
          {.operation = "create the ephemeral", .client_id = shown_id});
      if (IsAmbiguous(created.status()) && expected_id) {
        // The key may exist without anyone to close it: remove it now.
        absl::Status cleanup = configured_->Delete(*expected_id);
        if (!cleanup.ok() && !IsGone(cleanup)) {
          absl::StrAppend(&d.detail, CleanupAdvice(*expected_id));
        }
      } else if (IsAmbiguous(created.status())) {
        absl::StrAppend(&d.detail, CleanupAdvice(shown_id));
      }
      resp.diagnostics.Add(std::move(d));
      return;
    }
    resp.result =
        resp.result.WithAttr("client_id", Value::String(created->client_id))
            .WithAttr("client_secret",
                      Value::String(created->client_secret.value_or("")))
            .WithAttr("encoded_credentials",
                      Value::String(created->encoded_credentials.value_or("")));
    resp.private_data = created->client_id;
    return;
  }
}

void EphemeralApiKey::Close(const tf::Context&,
                            const tf::CloseEphemeralRequest& req,
                            tf::CloseEphemeralResponse& resp) {
  const std::string& client_id = req.private_data;
  if (client_id.empty()) return;  // Open created nothing
  if (!configured_) return AddNotConfiguredError(resp.diagnostics);
  absl::Status s = configured_->Delete(client_id);
  if (s.ok() || IsGone(s)) return;  // already gone counts as closed
  tf::Diagnostic d = StatusToDiagnostic(
      s, {.operation = "delete the ephemeral", .client_id = client_id});
  absl::StrAppend(&d.detail, CleanupAdvice(client_id));
  resp.diagnostics.Add(std::move(d));
}

}  // namespace union_provider
