// api_key_resource.cc: the union_api_key resource's plan and its read,
// update, delete and import. The schema is in api_key_schema.cc, the create
// in api_key_create.cc.
#include "provider/union/api_key_resource.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "provider/union/api_key_create.h"
#include "provider/union/api_key_identity.h"
#include "provider/union/model.h"
#include "provider/union/names.h"
#include "provider/union/provider_data.h"
#include "provider/union/status_diagnostic.h"
#include "union/api_key.h"

namespace union_provider {
namespace {

using tf::Path;
using tf::Type;
using tf::Value;

// The client_id of a state: client_id, else id (an import in progress).
std::string StateClientId(const Value& state) {
  for (const char* name : {"client_id", "id"}) {
    const Value& v = state.Attr(name);
    if (IsKnownString(v) && !v.AsString().empty()) return v.AsString();
  }
  return "";
}

// A warning (on client_secret_expires_at) when the secret of `key` expired
// before `now`; nothing otherwise.
void WarnIfSecretExpired(const unionc::ApiKey& key, absl::Time now,
                         tf::Diagnostics& diags) {
  if (!key.client_secret_expires_at || *key.client_secret_expires_at > now) {
    return;
  }
  diags.AddAttributeWarning(
      Path::Root("client_secret_expires_at"),
      "Union API key secret expired",
      absl::StrCat(
          "The client_secret of API key \"", key.client_id, "\" expired at ",
          unionc::FormatRfc3339(*key.client_secret_expires_at),
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

}  // namespace

std::optional<std::string> ApiKeyResource::ClientIdFor(
    const std::string& name) const {
  if (configured_) return configured_->ClientIdFor(name);
  return unionc::NormalizeKeyName(name);
}

std::string ApiKeyResource::Organization() const {
  return configured_ ? configured_->Organization() : "";
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
              unionc::NormalizeKeyName(name.AsString()) ==
                  unionc::NormalizeKeyName(prior_name.AsString()));
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

void ApiKeyResource::ReadKey(const tf::Context&, const tf::ReadRequest& req,
                             tf::ReadResponse& resp) {
  if (!configured_) return AddNotConfiguredError(resp.diagnostics);
  const std::string client_id = StateClientId(req.state);
  if (client_id.empty()) {
    resp.diagnostics.AddError("Union API key without a client_id",
                              "The state of this resource has no client_id. "
                              "Remove it from state and import it again.");
    return;
  }
  absl::StatusOr<unionc::ApiKey> key = configured_->Get(client_id);
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
  if (!configured_) return AddNotConfiguredError(resp.diagnostics);
  const Value& plan = req.plan;
  const std::string client_id = StateClientId(req.state);
  const bool changed =
      plan.Attr("client_name") != req.state.Attr("client_name") ||
      plan.Attr("redirect_uris") != req.state.Attr("redirect_uris");
  if (!changed) return;  // e.g. only the letter case of name: state = plan
  // The plan holds the defaults (api_key_schema.cc, ModifyPlan).
  UpdateKeyParams params{.client_id = client_id};
  if (IsKnownString(plan.Attr("client_name"))) {
    params.client_name = plan.Attr("client_name").AsString();
  }
  params.redirect_uris = StringsOf(plan.Attr("redirect_uris")).value_or(
      std::vector<std::string>{});
  absl::StatusOr<unionc::ApiKey> updated = configured_->Update(params);
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
  if (!configured_) return AddNotConfiguredError(resp.diagnostics);
  const std::string client_id = StateClientId(req.state);
  if (client_id.empty()) return;
  absl::Status s = configured_->Delete(client_id);
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

void ApiKeyResource::Create(const tf::Context&, const tf::CreateRequest& req,
                            tf::CreateResponse& resp) {
  if (!configured_) return AddNotConfiguredError(resp.diagnostics);
  CreateApiKey(*configured_, req.plan, resp);
  KeepOrSetApiKeyIdentity(resp.state, Organization(), resp.identity);
}

void ApiKeyResource::Read(const tf::Context& ctx, const tf::ReadRequest& req,
                          tf::ReadResponse& resp) {
  ReadKey(ctx, req, resp);
  KeepOrSetApiKeyIdentity(resp.state, Organization(), resp.identity);
}

void ApiKeyResource::Update(const tf::Context& ctx,
                            const tf::UpdateRequest& req,
                            tf::UpdateResponse& resp) {
  UpdateKey(ctx, req, resp);
  KeepOrSetApiKeyIdentity(resp.state, Organization(), resp.identity);
}

void ApiKeyResource::ImportState(const tf::Context& ctx,
                                 const tf::ImportStateRequest& req,
                                 tf::ImportStateResponse& resp) {
  if (!req.id.empty() || req.identity.IsNull()) {
    ImportKey(ctx, req, resp);  // by id: Read sets the identity
    return;
  }
  resp.identity =
      CompleteImportIdentity(req.identity, Organization(), resp.diagnostics);
  if (resp.diagnostics.HasError()) return;
  const tf::Value& id = req.identity.Attr("client_id");
  ImportKey(ctx,
            {.id = id.IsKnown() && !id.IsNull() ? id.AsString() : "",
             .identity = req.identity},
            resp);
}

}  // namespace union_provider
