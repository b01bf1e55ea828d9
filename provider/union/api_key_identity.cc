// api_key_identity.cc: union_api_key's resource identity.
#include "provider/union/api_key_identity.h"

#include "absl/strings/str_cat.h"
#include "provider/union/model.h"

namespace union_provider {

using tf::Type;
using tf::Value;

tf::IdentitySchema ApiKeyIdentitySchema() {
  return {
      .version = 0,
      .attributes = {{.name = "client_id",
                      .type = Type::String(),
                      .required_for_import = true,
                      .description = "The key's client_id."},
                     {.name = "organization",
                      .type = Type::String(),
                      .optional_for_import = true,
                      .description = "The organization the key belongs to "
                                     "(`\"\"` for none). Defaults to the "
                                     "provider's organization on import."}},
  };
}

Value ApiKeyIdentityFromState(const Value& state,
                              const std::string& fallback_org) {
  const Type type = ApiKeyIdentitySchema().ValueType();
  if (state.IsNull() || !state.IsKnown()) return Value::Null(type);
  const Value& id = state.Attr("client_id");
  if (!IsKnownString(id) || id.AsString().empty()) return Value::Null(type);
  const Value& org = state.Attr("organization");
  return Value::Object(
      {{"client_id", id},
       {"organization",
        IsKnownString(org) ? org : Value::String(fallback_org)}});
}

void KeepOrSetApiKeyIdentity(const Value& state,
                             const std::string& fallback_org,
                             Value& identity) {
  if (!identity.IsNull()) return;
  identity = ApiKeyIdentityFromState(state, fallback_org);
}

Value CompleteImportIdentity(const Value& identity,
                             const std::string& provider_org,
                             tf::Diagnostics& diags) {
  if (identity.IsNull() || !identity.IsKnown()) return identity;
  const Value& org = identity.Attr("organization");
  if (!IsKnownString(org)) {
    return identity.WithAttr("organization", Value::String(provider_org));
  }
  if (org.AsString() != provider_org) {
    diags.AddAttributeError(
        tf::Path::Root("organization"), "Organization does not match",
        absl::StrCat("The import identity names organization \"",
                     org.AsString(), "\", but the provider manages keys in ",
                     provider_org.empty()
                         ? std::string("no organization")
                         : absl::StrCat("organization \"", provider_org, "\""),
                     ". Import with a provider configured for that "
                     "organization, or leave organization out."));
  }
  return identity;
}

}  // namespace union_provider
