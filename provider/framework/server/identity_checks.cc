// Identity checks (see identity_checks.h).
#include "provider/framework/server/identity_checks.h"

#include "absl/strings/str_cat.h"
#include "provider/framework/server/values.h"

namespace tf::server {

void CheckIdentity(const IdentitySchema& schema, const Value& identity,
                   const std::string& after, Diagnostics& diags) {
  const std::string summary =
      absl::StrCat("Invalid resource identity after ", after);
  if (identity.IsNull()) {
    diags.AddError(absl::StrCat("Missing resource identity after ", after),
                   absl::StrCat("The resource did not set its identity after ",
                                after, ". This is a bug in the provider."));
    return;
  }
  if (!(identity.type() == schema.ValueType())) {
    diags.AddError(summary,
                   absl::StrCat("The identity set after ", after,
                                " does not match the identity schema (got ",
                                identity.type().FriendlyName(),
                                "). This is a bug in the provider."));
    return;
  }
  if (std::optional<Path> p = FirstUnknown(identity)) {
    diags.AddError(summary,
                   absl::StrCat("The identity attribute ", p->ToString(),
                                " is unknown after ", after,
                                "; identities must be wholly known. This is a "
                                "bug in the provider."));
  }
}

void CheckIdentityUnchanged(const Value& prior, const Value& next,
                            const std::string& after, Diagnostics& diags) {
  if (prior.IsNull() || prior == next) return;
  diags.AddError(
      "Unexpected identity change",
      absl::StrCat("The resource changed its identity during ", after,
                   "; an identity, once set, must not change. This is a bug "
                   "in the provider."));
}

Value CheckNewIdentity(const IdentitySchema& schema, const Value& prior,
                       const Value& next, const std::string& after,
                       Diagnostics& diags) {
  Diagnostics checks;
  CheckIdentity(schema, next, after, checks);
  CheckIdentityUnchanged(prior, next, after, checks);
  diags.Append(checks);
  return checks.HasError() ? prior : next;
}

void CheckImportIdentity(const IdentitySchema& schema, const Value& identity,
                         Diagnostics& diags) {
  if (identity.IsNull() || !identity.IsKnown() ||
      !(identity.type() == schema.ValueType())) {
    diags.AddError("Invalid import identity",
                   "The identity to import must be a known object of the "
                   "resource's identity attributes.");
    return;
  }
  for (const IdentityAttribute& a : schema.attributes) {
    const Value& v = identity.Attr(a.name);
    if (!v.IsWhollyKnown()) {
      diags.AddError("Invalid import identity",
                     absl::StrCat("The identity attribute \"", a.name,
                                  "\" must be known to import."));
    } else if (a.required_for_import && v.IsNull()) {
      diags.AddError(
          "Missing required identity attribute",
          absl::StrCat("The identity attribute \"", a.name,
                       "\" is required to import; set it in the import "
                       "block's identity."));
    }
  }
}

Value IdentityOrNull(const IdentitySchema& schema, const Value& value) {
  return value.IsNull() ? Value::Null(schema.ValueType()) : value;
}

}  // namespace tf::server
