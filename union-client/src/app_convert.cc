// App <-> ApiKey conversion.
#include "app_convert.h"

#include <ctime>

#include "cloudidl/identity/enums.pb.h"

namespace unionc::client_internal {

std::string FormatRfc3339(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

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
  if (app.has_client_id_issued_at()) {
    k.client_id_issued_at_seconds = app.client_id_issued_at().seconds();
    k.client_id_issued_at = FormatRfc3339(k.client_id_issued_at_seconds);
  }
  // Unset and the zero Timestamp both mean "never expires".
  if (app.has_client_secret_expires_at() &&
      (app.client_secret_expires_at().seconds() != 0 ||
       app.client_secret_expires_at().nanos() != 0)) {
    k.client_secret_expires_at =
        FormatRfc3339(app.client_secret_expires_at().seconds());
  }
  if (!app.client_secret().empty()) k.client_secret = app.client_secret();
  return k;
}

}  // namespace unionc::client_internal
