// Authorizer: who may do what on AppsService. The model and its reasons are
// in docs/design/devserver-authorization.md.
//
//   Authorizer authz("union-devserver-admin");
//   absl::Status s = authz.Check(caller, AppAction::kDelete, "org-b", "key");
//   // PermissionDenied: the caller's token belongs to organization "org-a"
//
// Rules, checked after the bearer token is authenticated:
//   - the admin app (its client_id, organization "") may do everything, in
//     every organization;
//   - any other caller acts only inside the organization its own app belongs
//     to (the organization recorded in its token);
//   - no caller but the admin app may update or delete the admin app.
// Messages name the caller's client_id and organization, never a secret or
// token; user-supplied names are cut with QuoteForMessage.
#pragma once

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "devserver/src/token_issuer.h"

namespace devserver {

// The AppsService methods.
enum class AppAction { kCreate, kGet, kUpdate, kDelete, kList };

class Authorizer final {
 public:
  explicit Authorizer(std::string admin_client_id)
      : admin_client_id_(std::move(admin_client_id)) {}

  // True when `caller` is the admin app.
  [[nodiscard]] bool IsAdmin(const TokenInfo& caller) const;

  // OK when `caller` may perform `action` on `client_id` (empty for List) in
  // `organization`; PermissionDenied saying why otherwise.
  [[nodiscard]] absl::Status Check(const TokenInfo& caller, AppAction action,
                                   absl::string_view organization,
                                   absl::string_view client_id) const;

 private:
  const std::string admin_client_id_;
};

}  // namespace devserver
