// AuthDiscovery: the OAuth2 discovery data, served alike over gRPC
// (AuthMetadataService) and HTTP (/.well-known/oauth-authorization-server,
// /config/v1/flyte_client).
//
//   AuthDiscovery d = MakeAuthDiscovery("http://127.0.0.1:8090");
//   nlohmann::json doc = OAuth2MetadataJson(d);
#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "nlohmann/json.hpp"

namespace devserver {

struct AuthDiscovery {
  std::string issuer;          // e.g. "http://127.0.0.1:8090"
  std::string token_endpoint;  // issuer + "/oauth2/token"
  std::vector<std::string> grant_types_supported;
  std::vector<std::string> token_endpoint_auth_methods_supported;
  std::vector<std::string> scopes;
  std::string public_client_id;
  std::string redirect_uri;
  std::string authorization_metadata_key;
  std::string audience;
};

// The discovery data of a server whose HTTP side is at `http_base_url`.
[[nodiscard]] AuthDiscovery MakeAuthDiscovery(absl::string_view http_base_url);

// RFC 8414 authorization server metadata.
[[nodiscard]] nlohmann::json OAuth2MetadataJson(const AuthDiscovery& d);

// Flyte's public client configuration.
[[nodiscard]] nlohmann::json PublicClientConfigJson(const AuthDiscovery& d);

}  // namespace devserver
