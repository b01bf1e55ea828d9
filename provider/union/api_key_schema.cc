// api_key_schema.cc: the union_api_key resource's schema, with the
// validators of its attributes, and the check that spans two of them.
#include <string>

#include "absl/strings/str_cat.h"
#include "provider/union/api_key_resource.h"
#include "provider/union/model.h"
#include "provider/union/names.h"
#include "union/api_key.h"

namespace union_provider {

using tf::Attribute;
using tf::Presence;
using tf::Type;
using tf::Value;

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
                    "with `name_prefix`, `name` is computed (the client_id).",
                .validators = {KeyNameValidator()}},
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
                .plan_modifiers = {tf::RequiresReplace()},
                .validators = {
                    NamePrefixValidator("Invalid API key name_prefix")}},
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
                    "Updated in place.",
                .validators = {tf::StringLengthAtLeast(1)}},
      Attribute{.name = "redirect_uris",
                .type = strings,
                .presence = Presence::kOptionalComputed,
                .description = absl::StrCat(
                    "The OAuth2 redirect URIs (at least one), each an "
                    "absolute URI; the schemes `javascript:`, `data:` and "
                    "`file:` are refused. Defaults to `[\"",
                    kDefaultRedirectUri, "\"]`. Updated in place."),
                .default_value = StringList({kDefaultRedirectUri}),
                .validators = {tf::SizeAtLeast(1), tf::NoNullElements(),
                               RedirectUrisValidator()}},
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

// The attribute rules are declared in the schema (validators); what is left
// spans two attributes.
void ApiKeyResource::ValidateConfig(const tf::Context&,
                                    const tf::ValidateConfigRequest& req,
                                    tf::ValidateConfigResponse& resp) {
  if (req.config.IsNull() || !req.config.IsKnown()) return;
  tf::ExactlyOneOf(req.config, {"name", "name_prefix"}, resp.diagnostics);
}

}  // namespace union_provider
