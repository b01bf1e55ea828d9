// App <-> ApiKey conversion.
#include "app_convert.h"

#include "cloudidl/identity/enums.pb.h"

namespace unionc::client_internal {

ApiKey ApiKeyFromApp(const cloudidl::identity::App& app,
                     const std::string& org) {
  namespace id = cloudidl::identity;
  ApiKey k;
  k.client_id = app.client_id();
  k.client_name = app.client_name();
  k.organization = app.organization().empty() ? org : app.organization();
  k.redirect_uris.assign(app.redirect_uris().begin(), app.redirect_uris().end());
  for (int g : app.grant_types()) {
    k.grant_types.push_back(id::GrantTypes_IsValid(g)
                                ? id::GrantTypes_Name(static_cast<id::GrantTypes>(g))
                                : std::to_string(g));
  }
  for (int r : app.response_types()) {
    k.response_types.push_back(
        id::ResponseTypes_IsValid(r)
            ? id::ResponseTypes_Name(static_cast<id::ResponseTypes>(r))
            : std::to_string(r));
  }
  k.token_endpoint_auth_method =
      id::TokenEndpointAuthMethod_Name(app.token_endpoint_auth_method());
  k.application_type = id::ApplicationType_Name(app.application_type());
  // Whole seconds: the times are shown and compared at that precision.
  if (app.has_client_id_issued_at()) {
    k.client_id_issued_at =
        absl::FromUnixSeconds(app.client_id_issued_at().seconds());
  }
  // Unset and the zero Timestamp both mean "never expires".
  if (app.has_client_secret_expires_at() &&
      (app.client_secret_expires_at().seconds() != 0 ||
       app.client_secret_expires_at().nanos() != 0)) {
    k.client_secret_expires_at =
        absl::FromUnixSeconds(app.client_secret_expires_at().seconds());
  }
  if (!app.client_secret().empty()) k.client_secret = app.client_secret();
  return k;
}

}  // namespace unionc::client_internal
