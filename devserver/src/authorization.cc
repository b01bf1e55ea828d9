#include "devserver/src/authorization.h"

#include "absl/strings/str_cat.h"
#include "devserver/src/message_text.h"

namespace devserver {

bool Authorizer::IsAdmin(const TokenInfo& caller) const {
  return caller.organization.empty() && caller.client_id == admin_client_id_;
}

absl::Status Authorizer::Check(const TokenInfo& caller, AppAction action,
                               absl::string_view organization,
                               absl::string_view client_id) const {
  if (IsAdmin(caller)) return absl::OkStatus();
  if (organization != caller.organization) {
    return absl::PermissionDeniedError(absl::StrCat(
        "the token of client_id ", QuoteForMessage(caller.client_id),
        " belongs to organization ", QuoteForMessage(caller.organization),
        " and may not act on organization ", QuoteForMessage(organization)));
  }
  if ((action == AppAction::kUpdate || action == AppAction::kDelete) &&
      client_id == admin_client_id_) {
    return absl::PermissionDeniedError(absl::StrCat(
        "only the admin app may update or delete the admin app ",
        QuoteForMessage(admin_client_id_)));
  }
  return absl::OkStatus();
}

}  // namespace devserver
