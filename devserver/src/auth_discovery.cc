#include "devserver/src/auth_discovery.h"

#include "absl/strings/str_cat.h"

namespace devserver {

AuthDiscovery MakeAuthDiscovery(absl::string_view http_base_url) {
  AuthDiscovery d;
  d.issuer = std::string(http_base_url);
  d.token_endpoint = absl::StrCat(http_base_url, "/oauth2/token");
  d.grant_types_supported = {"client_credentials"};
  d.token_endpoint_auth_methods_supported = {"client_secret_basic",
                                             "client_secret_post"};
  d.scopes = {"all"};
  d.public_client_id = "union-devserver-cli";
  d.redirect_uri = "http://localhost:53593/callback";
  d.authorization_metadata_key = "authorization";
  d.audience = "union-devserver";
  return d;
}

nlohmann::json OAuth2MetadataJson(const AuthDiscovery& d) {
  return {
      {"issuer", d.issuer},
      {"token_endpoint", d.token_endpoint},
      {"grant_types_supported", d.grant_types_supported},
      {"token_endpoint_auth_methods_supported",
       d.token_endpoint_auth_methods_supported},
      {"scopes_supported", d.scopes},
      {"response_types_supported", nlohmann::json::array()},
  };
}

nlohmann::json PublicClientConfigJson(const AuthDiscovery& d) {
  return {
      {"client_id", d.public_client_id},
      {"redirect_uri", d.redirect_uri},
      {"scopes", d.scopes},
      {"authorization_metadata_key", d.authorization_metadata_key},
      {"service_http_endpoint", d.issuer},
      {"audience", d.audience},
  };
}

}  // namespace devserver
