// api_key_create.cc: creating a union_api_key, with the recovery from a
// create whose outcome is unknown (docs/design/ambiguous-create.md).
#include "provider/union/api_key_create.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "provider/union/model.h"
#include "provider/union/names.h"
#include "provider/union/status_diagnostic.h"

namespace union_provider {
namespace {

using tf::Path;
using tf::Type;
using tf::Value;

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
bool IsTheRequestedKey(const unionc::ApiKey& found, const CreateKeyParams& params,
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
void AdoptOrReport(const unionc::ApiKey& found, const CreateKeyParams& params,
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

void CreateApiKey(ApiKeyBackend& backend, const Value& planned,
                  tf::CreateResponse& resp) {
  Value plan = planned;
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
        Value::String(absl::StrCat(unionc::NormalizeKeyName(prefix.AsString()),
                                   *suffix)));
  }
  const std::string name = plan.Attr("name").AsString();
  // What the key will be called; the server has the last word on serverless.
  const std::optional<std::string> expected_id = backend.ClientIdFor(name);
  const std::string shown_id =
      expected_id.value_or(absl::StrCat("<client_id of ", name, ">"));
  // The plan holds the schema's defaults (redirect_uris) and ModifyPlan's
  // (client_name, when the client_id is known).
  CreateKeyParams params{.name = name,
                         .client_name = "",
                         .redirect_uris = {},
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
  const int max_attempts = std::max(1, backend.MaxCreateAttempts());
  // The ambiguous failure that made the loop try again, if any.
  absl::Status earlier_failure;
  for (int attempt = 1;; ++attempt) {
    absl::StatusOr<unionc::ApiKey> created = backend.Create(params);
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
      absl::StatusOr<unionc::ApiKey> found = backend.Get(*expected_id);
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
    absl::StatusOr<unionc::ApiKey> probe = backend.Get(*expected_id);
    if (probe.ok()) {
      return AdoptOrReport(*probe, params, started, s, plan, resp);
    }
    const bool created_nothing = IsGone(probe.status());
    if (created_nothing && attempt < max_attempts) {
      earlier_failure = s;
      absl::SleepFor(backend.CreateRetryDelay(attempt + 1));
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

}  // namespace union_provider
