// TokenRequest: the pure parser of an OAuth2 token request (POST
// /oauth2/token, client credentials grant, RFC 6749 sections 2.3.1, 3.2, 4.4).
//
//   auto parsed = ParseTokenRequest(req.get_header_value("Content-Type"),
//                                   authorization_or_nullopt, req.body);
//   if (auto* e = std::get_if<TokenRequestError>(&parsed)) { answer *e; }
//   TokenRequest& r = std::get<TokenRequest>(parsed);
//   ... verify r.client_id / r.client_secret against the store ...
//   if (auto e = CheckGrantType(r.grant_type)) { answer *e; }
//
// No I/O and no store access: parsing checks the shape of the request (media
// type, form parameters, client authentication framing, scope and audience
// syntax); the caller then authenticates the client and only then checks the
// grant type, so unauthenticated callers learn nothing about grants.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "absl/strings/string_view.h"

namespace devserver {

// A well-formed token request. Parameters sent empty count as absent (RFC
// 6749 section 3.2): an absent one is "".
struct TokenRequest {
  std::string client_id;      // never empty
  std::string client_secret;  // sensitive: never log or echo; never empty
  std::string grant_type;     // as sent; checked by CheckGrantType
  std::string scope;          // "" or RFC 6749 3.3 scope tokens (ASCII)
  std::string audience;       // "" or printable ASCII

  friend bool operator==(const TokenRequest&, const TokenRequest&) = default;
};

// Why a request is refused: the HTTP status and the RFC 6749 5.2 error code.
// `description` is fixed text: it never holds any part of the input.
struct TokenRequestError {
  int http_status = 400;
  std::string error;        // invalid_request, invalid_client, ...
  std::string description;  // for error_description

  friend bool operator==(const TokenRequestError&,
                         const TokenRequestError&) = default;
};

// Longest scope and audience accepted, in bytes.
inline constexpr std::size_t kMaxScopeBytes = 1024;
inline constexpr std::size_t kMaxAudienceBytes = 1024;

// Parses POST /oauth2/token from the Content-Type value, the Authorization
// value (nullopt when absent) and the raw body. Errors:
//   400 invalid_request  media type not application/x-www-form-urlencoded; a
//                        known parameter repeated; HTTP Basic together with
//                        client_secret in the body; a bad audience
//   401 invalid_client   no client credentials, or a malformed Basic header
//   400 invalid_scope    a scope that is not space-separated NQCHAR tokens
[[nodiscard]] std::variant<TokenRequest, TokenRequestError> ParseTokenRequest(
    absl::string_view content_type,
    std::optional<absl::string_view> authorization, absl::string_view body);

// The grant check the caller runs once the client is authenticated: 400
// invalid_request when missing, 400 unsupported_grant_type unless
// "client_credentials"; nullopt when supported.
[[nodiscard]] std::optional<TokenRequestError> CheckGrantType(
    absl::string_view grant_type);

// The canonical encoding of `request`: a Basic Authorization value (id and
// secret form-urlencoded, then base64) and a form body holding grant_type,
// scope and audience (the non-empty ones, every byte outside [A-Za-z0-9-._~]
// percent-encoded). ParseTokenRequest of it gives `request` back.
struct EncodedTokenRequest {
  std::string authorization;
  std::string body;
};
[[nodiscard]] EncodedTokenRequest EncodeTokenRequest(
    const TokenRequest& request);

}  // namespace devserver
