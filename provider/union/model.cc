// model.cc: unionc::ApiKey -> tf::Value.
#include "provider/union/model.h"

#include <iterator>
#include <map>
#include <utility>

#include "absl/time/time.h"

namespace union_provider {
namespace {

using tf::Attribute;
using tf::Presence;
using tf::Type;
using tf::Value;

Value PriorOrNull(const Value& prior, std::string_view name, const Type& t) {
  if (prior.IsNull() || !prior.IsKnown()) return Value::Null(t);
  const Value& v = prior.Attr(name);
  if (!v.IsKnown()) return Value::Null(t);
  if (v.IsNull()) return Value::Null(t);
  return v;
}

Value OptionalTime(const std::optional<absl::Time>& t) {
  if (!t) return Value::Null(Type::String());
  return Value::String(unionc::FormatRfc3339(*t));
}

// A secret only the Create answer carries, else the prior state's.
Value SecretOrPrior(const std::optional<std::string>& secret,
                    const Value& prior, std::string_view name) {
  if (secret && !secret->empty()) return Value::String(*secret);
  return PriorOrNull(prior, name, Type::String());
}

std::map<std::string, Value> KeyEntries(const unionc::ApiKey& key) {
  return {
      {"id", Value::String(key.client_id)},
      {"client_id", Value::String(key.client_id)},
      {"client_name", Value::String(key.client_name)},
      {"organization", Value::String(key.organization)},
      {"redirect_uris", StringList(key.redirect_uris)},
      {"grant_types", StringList(key.grant_types)},
      {"response_types", StringList(key.response_types)},
      {"token_endpoint_auth_method",
       Value::String(key.token_endpoint_auth_method)},
      {"client_id_issued_at", OptionalTime(key.client_id_issued_at)},
      {"client_secret_expires_at",
       OptionalTime(key.client_secret_expires_at)},
  };
}

}  // namespace

std::shared_ptr<const tf::Validator> RedirectUrisValidator() {
  return tf::EachElement(tf::AbsoluteUri(
      {.refused_schemes = {std::begin(unionc::kRefusedRedirectUriSchemes),
                           std::end(unionc::kRefusedRedirectUriSchemes)}}));
}

std::vector<std::string> ResourceAttributeNames() {
  return {"id",
          "name",
          "name_prefix",
          "rotate_when_changed",
          "client_id",
          "client_name",
          "redirect_uris",
          "skip_default_policy_assignments",
          "organization",
          "client_secret",
          "encoded_credentials",
          "grant_types",
          "response_types",
          "token_endpoint_auth_method",
          "client_id_issued_at",
          "client_secret_expires_at"};
}

Value StringList(const std::vector<std::string>& items) {
  std::vector<Value> values;
  values.reserve(items.size());
  for (const std::string& s : items) values.push_back(Value::String(s));
  return Value::List(Type::String(), std::move(values));
}

std::optional<std::vector<std::string>> StringsOf(const Value& list) {
  if (list.IsNull() || !list.IsWhollyKnown()) return std::nullopt;
  std::vector<std::string> out;
  for (const Value& v : list.Elements()) {
    if (v.IsNull()) return std::nullopt;
    out.push_back(v.AsString());
  }
  return out;
}

std::vector<Attribute> KeyAttributes(Presence client_id_presence) {
  const Type strings = Type::List(Type::String());
  std::vector<std::shared_ptr<const tf::Validator>> client_id_validators;
  if (client_id_presence != Presence::kComputed) {
    client_id_validators.push_back(tf::StringLengthAtLeast(1));
  }
  return {
      Attribute{.name = "id",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description = "The key's client_id."},
      Attribute{.name = "client_id",
                .type = Type::String(),
                .presence = client_id_presence,
                .description = "The key's OAuth2 client ID.",
                .validators = std::move(client_id_validators)},
      Attribute{.name = "client_name",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description = "The key's display name."},
      Attribute{.name = "organization",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description =
                    "The organization the key belongs to (empty when none)."},
      Attribute{.name = "redirect_uris",
                .type = strings,
                .presence = Presence::kComputed,
                .description = "The OAuth2 redirect URIs."},
      Attribute{.name = "grant_types",
                .type = strings,
                .presence = Presence::kComputed,
                .description =
                    "The OAuth2 grant types, e.g. `CLIENT_CREDENTIALS`, "
                    "`AUTHORIZATION_CODE`."},
      Attribute{.name = "response_types",
                .type = strings,
                .presence = Presence::kComputed,
                .description = "The OAuth2 response types, e.g. `CODE`."},
      Attribute{.name = "token_endpoint_auth_method",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description =
                    "How the key authenticates at the token endpoint, e.g. "
                    "`CLIENT_SECRET_BASIC`."},
      Attribute{.name = "client_id_issued_at",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description =
                    "When the key was created, RFC 3339 in UTC (null when the "
                    "server does not say)."},
      Attribute{.name = "client_secret_expires_at",
                .type = Type::String(),
                .presence = Presence::kComputed,
                .description =
                    "When the key's secret expires, RFC 3339 in UTC (null "
                    "when it does not expire)."},
  };
}

Type KeyObjectType() {
  std::map<std::string, Type> types;
  for (const Attribute& a : KeyAttributes(Presence::kComputed)) {
    types.emplace(a.name, a.type);
  }
  return Type::Object(std::move(types));
}

Value KeyObject(const unionc::ApiKey& key) {
  return Value::Object(KeyEntries(key));
}

Value ResourceStateFromKey(const unionc::ApiKey& key, const Value& prior) {
  std::map<std::string, Value> entries = KeyEntries(key);
  Value name = PriorOrNull(prior, "name", Type::String());
  if (name.IsNull()) name = Value::String(key.client_id);  // import
  entries["name"] = name;
  entries["name_prefix"] = PriorOrNull(prior, "name_prefix", Type::String());
  entries["rotate_when_changed"] =
      PriorOrNull(prior, "rotate_when_changed", Type::Map(Type::String()));
  Value skip =
      PriorOrNull(prior, "skip_default_policy_assignments", Type::Bool());
  if (skip.IsNull()) skip = Value::Bool(false);  // import: the default
  entries["skip_default_policy_assignments"] = skip;
  entries["client_secret"] =
      SecretOrPrior(key.client_secret, prior, "client_secret");
  entries["encoded_credentials"] =
      SecretOrPrior(key.encoded_credentials, prior, "encoded_credentials");
  return Value::Object(std::move(entries));
}

}  // namespace union_provider
