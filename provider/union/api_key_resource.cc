// api_key_resource.cc: the union_api_key resource.
#include "provider/union/api_key_resource.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "provider/union/api_key_identity.h"
#include "provider/union/model.h"
#include "provider/union/names.h"
#include "provider/union/provider_data.h"
#include "provider/union/status_diagnostic.h"

namespace union_provider {
namespace {

using tf::Attribute;
using tf::Path;
using tf::Presence;
using tf::Type;
using tf::Value;

bool IsKnownString(const Value& v) { return v.IsKnown() && !v.IsNull(); }

// The client_id of a state: client_id, else id (an import in progress).
std::string StateClientId(const Value& state) {
  for (const char* name : {"client_id", "id"}) {
    const Value& v = state.Attr(name);
    if (IsKnownString(v) && !v.AsString().empty()) return v.AsString();
  }
  return "";
}

// Validates the name (known values only), adding errors on `name`.
void ValidateName(const Value& name, tf::Diagnostics& diags) {
  if (!IsKnownString(name)) return;
  const std::string client_id = NormaliseKeyName(name.AsString());
  absl::Status s = ValidateClientId(client_id);
  if (!s.ok()) {
    diags.AddAttributeError(
        Path::Root("name"), "Invalid API key name",
        absl::StrCat("The name \"", name.AsString(),
                     "\" gives the client_id \"", client_id, "\", but ",
                     s.message(),
                     ". The client_id is the name in lower case with every "
                     "run of characters other than letters and digits "
                     "replaced by '-'; use a name with at least one letter "
                     "or digit."));
  }
}

// The error for a create answered ALREADY_EXISTS. With a fixed name there
// are two usual causes: a replacement under create_before_destroy (the new
// key needs the old one's client_id while the old one still exists), or a
// key made outside this configuration (import it). With a name_prefix the
// random suffix collided, which a new apply does not repeat.
void AddAlreadyExistsError(const std::string& shown_id, bool by_prefix,
                           tf::Diagnostics& diags) {
  if (by_prefix) {
    diags.AddAttributeError(
        Path::Root("name_prefix"), "Union API key already exists",
        absl::StrCat("An API key with the generated client_id \"", shown_id,
                     "\" already exists in Union. The unique suffix "
                     "collided with an existing key, which is very "
                     "unlikely to happen again: run terraform apply "
                     "again."));
    return;
  }
  diags.AddAttributeError(
      Path::Root("name"), "Union API key already exists",
      absl::StrCat(
          "An API key with client_id \"", shown_id,
          "\" already exists in Union, so this resource cannot create it. "
          "There are two usual causes.\n\n"
          "1. This is a replacement with create_before_destroy (e.g. "
          "rotate_when_changed changed): the new key would get the same "
          "client_id as the old one, which is only deleted afterwards. Use "
          "name_prefix instead of name, so every key gets a unique "
          "client_id and the rotation has no downtime.\n\n"
          "2. The key was made outside this configuration. To manage it "
          "with Terraform, import it:\n\n"
          "  terraform import <address of this resource> ",
          shown_id,
          "\n\n(for example: terraform import union_api_key.example ",
          shown_id,
          ")\n\nAn imported key has no client_secret or "
          "encoded_credentials in state, because Union returns the secret "
          "only at creation. Alternatively, choose another name."));
}

// A warning (on client_secret_expires_at) when the secret of `key` expired
// before `now`; nothing otherwise.
void WarnIfSecretExpired(const ApiKeyInfo& key, absl::Time now,
                         tf::Diagnostics& diags) {
  if (!key.client_secret_expires_at || *key.client_secret_expires_at > now) {
    return;
  }
  diags.AddAttributeWarning(
      Path::Root("client_secret_expires_at"),
      "Union API key secret expired",
      absl::StrCat(
          "The client_secret of API key \"", key.client_id, "\" expired at ",
          FormatTimestamp(*key.client_secret_expires_at),
          ", so it can no longer obtain tokens. Rotate the key: change a "
          "value in its rotate_when_changed (with name_prefix and "
          "create_before_destroy the new key exists before the old one is "
          "deleted), or run terraform apply -replace=<address of this "
          "resource>."));
}

// Whether `config` names the key by name_prefix (name unset).
bool NamedByPrefix(const Value& config) {
  return config.Attr("name").IsNull() && !config.Attr("name_prefix").IsNull();
}

// Advice when nobody can tell whether a create happened and nothing goes
// into state (serverless endpoints, whose client_id only the server knows).
std::string UnknownOutcomeAdvice(const std::string& shown_id) {
  return absl::StrCat(
      "\n\nThe provider could not check whether the key was created. Before "
      "running terraform apply again, check whether the key exists (e.g. "
      "union-apikey get ",
      shown_id,
      "); if it does, delete it outside Terraform first, because its secret "
      "is lost.");
}

// How long before the create started a key's issue time may lie and still
// count as made by it (clock skew between us and Union).
constexpr absl::Duration kIssueTimeSkew = absl::Minutes(10);

// Whether `found` is the key `params` asked for, created by the attempt
// that began at `started` (docs/design/ambiguous-create.md).
bool IsTheRequestedKey(const ApiKeyInfo& found, const CreateKeyParams& params,
                       absl::Time started) {
  const std::string& want_name =
      params.client_name.empty() ? found.client_id : params.client_name;
  if (found.client_name != want_name) return false;
  if (found.redirect_uris != params.redirect_uris) return false;
  return !found.client_id_issued_at.has_value() ||
         *found.client_id_issued_at >= started - kIssueTimeSkew;
}

// `state` with null secrets: what is recorded for a key whose create answer
// (the only place Union returns the secret) was lost.
Value WithoutSecrets(const Value& state) {
  return state.WithAttr("client_secret", Value::Null(Type::String()))
      .WithAttr("encoded_credentials", Value::Null(Type::String()));
}

// The state recorded after an ambiguous create: the key as planned, with
// the client_id the name gives and no secret. Unknowns become null; the
// next refresh fills them in or finds the key gone.
Value TentativeState(const std::string& client_id, const Value& plan) {
  return WithoutSecrets(plan.WithAttr("id", Value::String(client_id))
                            .WithAttr("client_id", Value::String(client_id)));
}

// After an ambiguous create failure (`failure`) the key `found` exists:
// adopt it into state (tainted by Terraform, because the create reports an
// error) when it is the requested key, report it as someone else's when not.
void AdoptOrReport(const ApiKeyInfo& found, const CreateKeyParams& params,
                   absl::Time started, const absl::Status& failure,
                   const Value& plan, tf::CreateResponse& resp) {
  const std::string code = absl::StatusCodeToString(failure.code());
  if (!IsTheRequestedKey(found, params, started)) {
    resp.diagnostics.AddAttributeError(
        Path::Root("name"), "Union API key already exists",
        absl::StrCat(
            "The call creating API key \"", found.client_id, "\" failed (",
            code,
            ") after it was sent, and a key with that client_id exists in "
            "Union, but it is not the one this apply asked for (its "
            "client_name, redirect_uris or issue time differ), so another "
            "writer made it. Terraform leaves it alone. To manage it with "
            "Terraform, import it (terraform import <address of this "
            "resource> ",
            found.client_id, "); or choose another name."));
    return;
  }
  resp.state = WithoutSecrets(ResourceStateFromKey(found, plan));
  resp.diagnostics.AddAttributeError(
      Path::Root("name"), "Union API key created but its secret was lost",
      absl::StrCat(
          "The call creating API key \"", found.client_id, "\" failed (", code,
          ") after it was sent, and the key now exists in Union as this "
          "apply asked. Union returns a key's secret only in the answer to "
          "the create call, which was lost.\n\nTerraform records the key in "
          "state as tainted, so it is not orphaned: the next terraform apply "
          "replaces it (deletes it and creates it again), which issues a new "
          "secret. No other action is needed."));
}

}  // namespace

tf::Schema ApiKeyResource::GetSchema() const {
  const Type strings = Type::List(Type::String());
  tf::Schema s;
  s.block.description =
      "A Union API key: an OAuth2 application whose client credentials "
      "authenticate tools and pipelines to Union. The secret is returned "
      "only when the key is created; it is kept (sensitive) in state.";
  s.block.attributes = {
      Attribute{.name = "id",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description = "The key's client_id.",
                .plan_modifiers = {tf::UseStateForUnknown()}},
      Attribute{.name = "name",
                .type = Type::String(),
                .presence = Presence::kOptionalComputed,
                .description =
                    "The key's name. The client_id is derived from it: lower "
                    "case, with every run of characters other than letters "
                    "and digits replaced by `-` (`CI Pipeline #1` becomes "
                    "`ci-pipeline-1`). A change that gives a different "
                    "client_id forces a new key; one that gives the same "
                    "client_id (e.g. only in letter case) is made in place. "
                    "Exactly one of `name` and `name_prefix` must be set; "
                    "with `name_prefix`, `name` is computed (the client_id)."},
      Attribute{.name = "name_prefix",
                .type = Type::String(),
                .presence = Presence::kOptional,
                .description = absl::StrCat(
                    "Creates a unique client_id starting with this prefix: "
                    "the normalised prefix followed by the UTC creation time "
                    "and 10 random characters, e.g. `ci-` gives "
                    "`ci-20261201t230512-k3j9x0p2qa` (",
                    kKeySuffixLength,
                    " characters after the prefix). The client_id is known "
                    "after apply. Use it with `create_before_destroy` to "
                    "rotate a key without downtime. Changing it forces a new "
                    "key."),
                .plan_modifiers = {tf::RequiresReplace()}},
      Attribute{.name = "rotate_when_changed",
                .type = Type::Map(Type::String()),
                .presence = Presence::kOptional,
                .description =
                    "Arbitrary values; any change to them replaces the key "
                    "(a new key with a new secret). Drive rotations with it, "
                    "e.g. `{ generation = \"3\" }` or a date bucket.",
                .plan_modifiers = {tf::RequiresReplace()}},
      Attribute{.name = "client_id",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description =
                    "The key's OAuth2 client ID, derived from `name` (known "
                    "at plan time).",
                .plan_modifiers = {tf::UseStateForUnknown()}},
      Attribute{.name = "client_name",
                .type = Type::String(),
                .presence = Presence::kOptionalComputed,
                .description =
                    "The key's display name. Defaults to the client_id. "
                    "Updated in place."},
      Attribute{.name = "redirect_uris",
                .type = strings,
                .presence = Presence::kOptionalComputed,
                .description = absl::StrCat(
                    "The OAuth2 redirect URIs (at least one), each an "
                    "absolute URI; the schemes `javascript:`, `data:` and "
                    "`file:` are refused. Defaults to `[\"",
                    kDefaultRedirectUri, "\"]`. Updated in place."),
                .default_value = StringList({kDefaultRedirectUri}),
                .validators = {tf::EachElement(tf::AbsoluteUri(
                    {.refused_schemes = RefusedRedirectUriSchemes()}))}},
      Attribute{.name = "skip_default_policy_assignments",
                .type = Type::Bool(),
                .presence = Presence::kOptionalComputed,
                .description =
                    "Create the key without Union's default policy "
                    "assignments (it then has no permissions until some are "
                    "granted). Default `false`. Changing it forces a new key.",
                .default_value = Value::Bool(false),
                .plan_modifiers = {tf::RequiresReplace()}},
      Attribute{.name = "organization",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description =
                    "The organization the key belongs to (empty when none).",
                .plan_modifiers = {tf::UseStateForUnknown()}},
      Attribute{.name = "client_secret",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .sensitive = true,
                .description =
                    "The key's client secret. Union returns it only when the "
                    "key is created; null for an imported key.",
                .plan_modifiers = {tf::UseStateForUnknown()}},
      Attribute{.name = "encoded_credentials",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .sensitive = true,
                .description =
                    "The API key as Union tools expect it in `UNION_API_KEY`: "
                    "base64 of `endpoint:client_id:client_secret:organization` "
                    "(organization `None` when empty). Null for an imported "
                    "key.",
                .plan_modifiers = {tf::UseStateForUnknown()}},
      Attribute{.name = "grant_types",
                .type = strings,
                .presence = Presence::kComputed,
                .description = "The OAuth2 grant types, e.g. "
                               "`CLIENT_CREDENTIALS`, `AUTHORIZATION_CODE`.",
                .plan_modifiers = {tf::UseStateForUnknown()}},
      Attribute{.name = "response_types",
                .type = strings,
                .presence = Presence::kComputed,
                .description = "The OAuth2 response types, e.g. `CODE`.",
                .plan_modifiers = {tf::UseStateForUnknown()}},
      Attribute{.name = "token_endpoint_auth_method",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description = "How the key authenticates at the token "
                               "endpoint, e.g. `CLIENT_SECRET_BASIC`.",
                .plan_modifiers = {tf::UseStateForUnknown()}},
      Attribute{.name = "client_id_issued_at",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description = "When the key was created, RFC 3339 in UTC.",
                .plan_modifiers = {tf::UseStateForUnknown()}},
      Attribute{.name = "client_secret_expires_at",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description =
                    "When the key's secret expires, RFC 3339 in UTC; null "
                    "when it does not expire. A refresh after that time "
                    "warns that the key needs rotating.",
                .plan_modifiers = {tf::UseStateForUnknown()}},
  };
  return s;
}

void ApiKeyResource::Configure(const std::any& provider_data,
                               tf::Diagnostics& diags) {
  backend_ = BackendFromProviderData(provider_data, diags);
}

std::optional<std::string> ApiKeyResource::ClientIdFor(
    const std::string& name) const {
  if (backend_) return backend_->ClientIdFor(name);
  return NormaliseKeyName(name);
}

void ApiKeyResource::ValidateConfig(const tf::Context&,
                                    const tf::ValidateConfigRequest& req,
                                    tf::ValidateConfigResponse& resp) {
  if (req.config.IsNull() || !req.config.IsKnown()) return;
  tf::ExactlyOneOf(req.config, {"name", "name_prefix"}, resp.diagnostics);
  ValidateName(req.config.Attr("name"), resp.diagnostics);
  const Value& prefix = req.config.Attr("name_prefix");
  if (IsKnownString(prefix)) {
    absl::Status ps = ValidateNamePrefix(prefix.AsString());
    if (!ps.ok()) {
      resp.diagnostics.AddAttributeError(
          Path::Root("name_prefix"), "Invalid API key name_prefix",
          absl::StrCat(ps.message(),
                       ". The client_id is the prefix in lower case with "
                       "every run of characters other than letters and "
                       "digits replaced by '-', followed by a ",
                       kKeySuffixLength, "-character unique suffix."));
    }
  }
  const Value& client_name = req.config.Attr("client_name");
  if (IsKnownString(client_name) && client_name.AsString().empty()) {
    resp.diagnostics.AddAttributeError(
        Path::Root("client_name"), "Empty client_name",
        "client_name must not be empty. Remove it to default to the "
        "client_id.");
  }
  const Value& uris = req.config.Attr("redirect_uris");
  if (uris.IsKnown() && !uris.IsNull() && uris.Elements().empty()) {
    // Union (and the reference SDK) replace an empty list with the default
    // callback, so an empty list could never be kept.
    resp.diagnostics.AddAttributeError(
        Path::Root("redirect_uris"), "Empty redirect_uris",
        absl::StrCat("redirect_uris must hold at least one URI. Remove the "
                     "attribute to use the default [\"",
                     kDefaultRedirectUri, "\"]."));
  }
  if (uris.IsKnown() && !uris.IsNull()) {
    for (size_t i = 0; i < uris.Elements().size(); ++i) {
      const Value& u = uris.Elements()[i];
      if (u.IsNull()) {
        resp.diagnostics.AddAttributeError(
            Path::Root("redirect_uris").Index(static_cast<int64_t>(i)),
            "Null redirect URI", "Each redirect URI must be a string.");
      } else if (u.IsKnown() && u.AsString().empty()) {
        resp.diagnostics.AddAttributeError(
            Path::Root("redirect_uris").Index(static_cast<int64_t>(i)),
            "Empty redirect URI", "Each redirect URI must be non-empty.");
      }
    }
  }
}

void ApiKeyResource::ModifyPlan(const tf::Context&,
                                const tf::ModifyPlanRequest& req,
                                tf::ModifyPlanResponse& resp) {
  if (req.plan.IsNull()) return;  // destroy
  Value plan = req.plan;
  const bool creating = req.state.IsNull();
  if (NamedByPrefix(req.config)) {
    // The name (= client_id) is made at create time and then kept.
    plan = plan.WithAttr("name", creating ? Value::Unknown(Type::String())
                                          : req.state.Attr("name"));
  }
  const Value& name = plan.Attr("name");
  std::optional<std::string> client_id;  // known at plan time, if at all
  if (IsKnownString(name)) client_id = ClientIdFor(name.AsString());
  if (!creating) {
    // A new name forces a new key only when it gives another client_id.
    const std::string prior_id = StateClientId(req.state);
    const Value& prior_name = req.state.Attr("name");
    bool same = false;
    if (IsKnownString(name)) {
      same = (client_id && *client_id == prior_id) ||
             (IsKnownString(prior_name) &&
              NormaliseKeyName(name.AsString()) ==
                  NormaliseKeyName(prior_name.AsString()));
    }
    if (same) {
      client_id = prior_id;
    } else {
      resp.requires_replace.push_back(Path::Root("name"));
    }
  }
  if (client_id) {
    plan = plan.WithAttr("client_id", Value::String(*client_id))
               .WithAttr("id", Value::String(*client_id));
  } else {
    plan = plan.WithAttr("client_id", Value::Unknown(Type::String()))
               .WithAttr("id", Value::Unknown(Type::String()));
  }
  // client_name defaults to the client_id (a default, not "keep whatever the
  // server has": an out-of-band rename shows in the plan).
  if (req.config.Attr("client_name").IsNull()) {
    plan = plan.WithAttr("client_name",
                         client_id ? Value::String(*client_id)
                                   : Value::Unknown(Type::String()));
  }
  resp.plan = plan;
}

void ApiKeyResource::CreateKey(const tf::Context&,
                               const tf::CreateRequest& req,
                               tf::CreateResponse& resp) {
  if (!backend_) return AddNotConfiguredError(resp.diagnostics);
  Value plan = req.plan;
  const bool by_prefix = !IsKnownString(plan.Attr("name"));
  if (by_prefix) {
    const Value& prefix = plan.Attr("name_prefix");
    if (!IsKnownString(prefix)) {
      resp.diagnostics.AddAttributeError(
          Path::Root("name"), "API key without a name",
          "Neither name nor name_prefix is known at apply time; set one of "
          "them.");
      return;
    }
    absl::StatusOr<std::string> suffix = UniqueKeySuffix(absl::Now());
    if (!suffix.ok()) {
      resp.diagnostics.Add(StatusToDiagnostic(
          suffix.status(), {.operation = "make a unique client_id",
                            .path = Path::Root("name_prefix")}));
      return;
    }
    plan = plan.WithAttr(
        "name",
        Value::String(absl::StrCat(NormaliseKeyName(prefix.AsString()),
                                   *suffix)));
  }
  const std::string name = plan.Attr("name").AsString();
  // What the key will be called; the server has the last word on serverless.
  const std::optional<std::string> expected_id = ClientIdFor(name);
  const std::string shown_id =
      expected_id.value_or(absl::StrCat("<client_id of ", name, ">"));
  CreateKeyParams params{.name = name,
                         .client_name = "",
                         .redirect_uris = {kDefaultRedirectUri},
                         .skip_default_policy_assignments = false};
  if (IsKnownString(plan.Attr("client_name"))) {
    params.client_name = plan.Attr("client_name").AsString();
  }
  if (auto uris = StringsOf(plan.Attr("redirect_uris"))) {
    params.redirect_uris = *uris;
  }
  const Value& skip = plan.Attr("skip_default_policy_assignments");
  if (skip.IsKnown() && !skip.IsNull()) {
    params.skip_default_policy_assignments = skip.AsBool();
  }

  // docs/design/ambiguous-create.md: a failed attempt that provably created
  // nothing is retried; a key that exists after an ambiguous failure is
  // adopted into state (tainted, so the next apply replaces it and issues a
  // new secret) when it is the one this apply asked for, and reported when
  // it is not.
  const absl::Time started = absl::Now();
  const int max_attempts = std::max(1, backend_->MaxCreateAttempts());
  // The ambiguous failure that made the loop try again, if any.
  absl::Status earlier_failure;
  for (int attempt = 1;; ++attempt) {
    absl::StatusOr<ApiKeyInfo> created = backend_->Create(params);
    if (created.ok()) {
      resp.state = ResourceStateFromKey(*created, plan);
      if (expected_id && created->client_id != *expected_id) {
        resp.diagnostics.AddAttributeError(
            Path::Root("name"), "Unexpected client_id",
            absl::StrCat("Union created the key with client_id \"",
                         created->client_id, "\" instead of the planned \"",
                         *expected_id,
                         "\". This is a bug in the provider; the key exists "
                         "and is recorded in state."));
      }
      return;
    }
    const absl::Status& s = created.status();
    if (absl::IsAlreadyExists(s)) {
      if (earlier_failure.ok() || !expected_id) {
        return AddAlreadyExistsError(shown_id, by_prefix, resp.diagnostics);
      }
      // An earlier attempt of this apply failed ambiguously and its look-up
      // found nothing, yet the key exists now: that attempt may have
      // committed late. Same decision as a look-up that finds the key.
      absl::StatusOr<ApiKeyInfo> found = backend_->Get(*expected_id);
      if (found.ok()) {
        return AdoptOrReport(*found, params, started, earlier_failure, plan,
                             resp);
      }
      AddAlreadyExistsError(shown_id, by_prefix, resp.diagnostics);
      return;
    }
    if (!IsAmbiguous(s) || !expected_id) {
      tf::Diagnostic d = StatusToDiagnostic(
          s, {.operation = "create", .client_id = shown_id});
      if (IsAmbiguous(s)) {  // serverless: no client_id to look up
        absl::StrAppend(&d.detail, UnknownOutcomeAdvice(shown_id));
      }
      resp.diagnostics.Add(std::move(d));
      return;
    }
    // The request may have reached the server: does the key exist now?
    absl::StatusOr<ApiKeyInfo> probe = backend_->Get(*expected_id);
    if (probe.ok()) {
      return AdoptOrReport(*probe, params, started, s, plan, resp);
    }
    const bool created_nothing = IsGone(probe.status());
    if (created_nothing && attempt < max_attempts) {
      earlier_failure = s;
      absl::SleepFor(backend_->CreateRetryDelay(attempt + 1));
      continue;  // safe to try again
    }
    tf::Diagnostic d =
        StatusToDiagnostic(s, {.operation = "create", .client_id = shown_id});
    if (created_nothing) {
      absl::StrAppend(&d.detail, "\n\nThe key does not exist in Union (",
                      attempt,
                      attempt == 1 ? " attempt" : " attempts",
                      "), so it is safe to run terraform apply again.");
      resp.diagnostics.Add(std::move(d));
      return;
    }
    // Unknown outcome: record the key as it would be, so the next plan's
    // refresh settles it (gone: created again; present: replaced).
    absl::StrAppend(&d.detail,
                    "\n\nThe provider could not check whether the key was "
                    "created, so Terraform records it in state as tainted "
                    "and nothing is orphaned: the next terraform apply looks "
                    "it up, creates it if it does not exist, or replaces it "
                    "(issuing a new secret) if it does.");
    resp.diagnostics.Add(std::move(d));
    resp.state = TentativeState(*expected_id, plan);
    return;
  }
}

void ApiKeyResource::ReadKey(const tf::Context&, const tf::ReadRequest& req,
                             tf::ReadResponse& resp) {
  if (!backend_) return AddNotConfiguredError(resp.diagnostics);
  const std::string client_id = StateClientId(req.state);
  if (client_id.empty()) {
    resp.diagnostics.AddError("Union API key without a client_id",
                              "The state of this resource has no client_id. "
                              "Remove it from state and import it again.");
    return;
  }
  absl::StatusOr<ApiKeyInfo> key = backend_->Get(client_id);
  if (IsGone(key.status())) {
    resp.RemoveResource();
    return;
  }
  if (!key.ok()) {
    resp.diagnostics.Add(StatusToDiagnostic(
        key.status(), {.operation = "read", .client_id = client_id}));
    return;
  }
  resp.state = ResourceStateFromKey(*key, req.state);
  WarnIfSecretExpired(*key, absl::Now(), resp.diagnostics);
}

void ApiKeyResource::UpdateKey(const tf::Context&,
                               const tf::UpdateRequest& req,
                               tf::UpdateResponse& resp) {
  if (!backend_) return AddNotConfiguredError(resp.diagnostics);
  const Value& plan = req.plan;
  const std::string client_id = StateClientId(req.state);
  const bool changed =
      plan.Attr("client_name") != req.state.Attr("client_name") ||
      plan.Attr("redirect_uris") != req.state.Attr("redirect_uris");
  if (!changed) return;  // e.g. only the letter case of name: state = plan
  UpdateKeyParams params{.client_id = client_id};
  params.client_name = IsKnownString(plan.Attr("client_name"))
                           ? plan.Attr("client_name").AsString()
                           : client_id;
  params.redirect_uris =
      StringsOf(plan.Attr("redirect_uris"))
          .value_or(std::vector<std::string>{kDefaultRedirectUri});
  absl::StatusOr<ApiKeyInfo> updated = backend_->Update(params);
  if (!updated.ok()) {
    tf::Diagnostic d = StatusToDiagnostic(
        updated.status(), {.operation = "update", .client_id = client_id});
    if (IsGone(updated.status())) {
      absl::StrAppend(&d.detail,
                      "\n\nThe key was deleted outside Terraform. Run "
                      "terraform apply again to create a new one.");
    }
    resp.diagnostics.Add(std::move(d));
    return;
  }
  resp.state = ResourceStateFromKey(*updated, plan);
}

void ApiKeyResource::Delete(const tf::Context&, const tf::DeleteRequest& req,
                            tf::DeleteResponse& resp) {
  if (!backend_) return AddNotConfiguredError(resp.diagnostics);
  const std::string client_id = StateClientId(req.state);
  if (client_id.empty()) return;
  absl::Status s = backend_->Delete(client_id);
  if (s.ok() || IsGone(s)) return;  // already gone counts as deleted
  resp.diagnostics.Add(
      StatusToDiagnostic(s, {.operation = "delete", .client_id = client_id}));
}

void ApiKeyResource::ImportKey(const tf::Context&,
                               const tf::ImportStateRequest& req,
                               tf::ImportStateResponse& resp) {
  if (req.id.empty() || req.id.find_first_of(" \t\n") != std::string::npos) {
    resp.diagnostics.AddError(
        "Invalid import ID",
        "Import a union_api_key by its client_id, e.g. terraform import "
        "union_api_key.ci ci-pipeline. The ID must be non-empty and contain "
        "no whitespace.");
    return;
  }
  resp.state = resp.state.WithAttr("id", Value::String(req.id))
                   .WithAttr("client_id", Value::String(req.id));
  resp.diagnostics.AddWarning(
      "Imported API key has no secret",
      absl::StrCat(
          "Union returns an API key's client_secret only when the key is "
          "created, so the imported key \"", req.id,
          "\" has null client_secret and encoded_credentials in state. "
          "Everything else is managed as usual. If you need the "
          "credentials, rotate the key by re-creating it: terraform apply "
          "-replace=<address of this resource> (this deletes the key, so "
          "whatever uses its old secret stops working)."));
}

tf::IdentitySchema ApiKeyResource::GetIdentitySchema() const {
  return ApiKeyIdentitySchema();
}

void ApiKeyResource::Create(const tf::Context& ctx,
                            const tf::CreateRequest& req,
                            tf::CreateResponse& resp) {
  CreateKey(ctx, req, resp);
  KeepOrSetApiKeyIdentity(resp.state,
                          backend_ ? backend_->Organization() : "",
                          resp.identity);
}

void ApiKeyResource::Read(const tf::Context& ctx, const tf::ReadRequest& req,
                          tf::ReadResponse& resp) {
  ReadKey(ctx, req, resp);
  KeepOrSetApiKeyIdentity(resp.state,
                          backend_ ? backend_->Organization() : "",
                          resp.identity);
}

void ApiKeyResource::Update(const tf::Context& ctx,
                            const tf::UpdateRequest& req,
                            tf::UpdateResponse& resp) {
  UpdateKey(ctx, req, resp);
  KeepOrSetApiKeyIdentity(resp.state,
                          backend_ ? backend_->Organization() : "",
                          resp.identity);
}

void ApiKeyResource::ImportState(const tf::Context& ctx,
                                 const tf::ImportStateRequest& req,
                                 tf::ImportStateResponse& resp) {
  if (!req.id.empty() || req.identity.IsNull()) {
    ImportKey(ctx, req, resp);  // by id: Read sets the identity
    return;
  }
  resp.identity = CompleteImportIdentity(
      req.identity, backend_ ? backend_->Organization() : "",
      resp.diagnostics);
  if (resp.diagnostics.HasError()) return;
  const tf::Value& id = req.identity.Attr("client_id");
  ImportKey(ctx,
            {.id = id.IsKnown() && !id.IsNull() ? id.AsString() : "",
             .identity = req.identity},
            resp);
}

}  // namespace union_provider
