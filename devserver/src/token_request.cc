#include "devserver/src/token_request.h"

#include <httplib.h>

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace devserver {
namespace {

constexpr absl::string_view kFormType = "application/x-www-form-urlencoded";
constexpr absl::string_view kBase64Chars =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

// The form parameters the endpoint reads; anything else is ignored (RFC 6749
// section 3.2). Each may appear at most once.
enum Param { kGrantType, kScope, kAudience, kClientId, kClientSecret, kCount };
constexpr std::array<absl::string_view, kCount> kParamNames = {
    "grant_type", "scope", "audience", "client_id", "client_secret"};

TokenRequestError Error(int status, absl::string_view error,
                        absl::string_view description) {
  return TokenRequestError{status, std::string(error),
                           std::string(description)};
}

TokenRequestError InvalidClient() {
  return Error(401, "invalid_client",
               "client authentication failed: send HTTP Basic client "
               "credentials");
}

std::string FormDecode(absl::string_view s) {
  return httplib::detail::decode_url(std::string(s),
                                     /*convert_plus_to_space=*/true);
}

// True when `content_type`'s media type (before any parameter) is the form
// type, compared case-insensitively.
bool IsFormContentType(absl::string_view content_type) {
  const absl::string_view media =
      content_type.substr(0, content_type.find(';'));
  return absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(media), kFormType);
}

struct ClientAuth {
  std::string client_id;
  std::string client_secret;
};

// "Basic base64(urlencode(id):urlencode(secret))" (RFC 6749 section 2.3.1);
// nullopt when malformed or when either part is empty.
std::optional<ClientAuth> ParseBasic(absl::string_view header) {
  header = absl::StripAsciiWhitespace(header);
  const std::size_t space = header.find_first_of(" \t");
  if (space == absl::string_view::npos ||
      !absl::EqualsIgnoreCase(header.substr(0, space), "basic")) {
    return std::nullopt;
  }
  const absl::string_view encoded =
      absl::StripLeadingAsciiWhitespace(header.substr(space));
  if (encoded.empty() ||
      encoded.find_first_not_of(kBase64Chars) != absl::string_view::npos) {
    return std::nullopt;
  }
  std::string decoded;
  if (!absl::Base64Unescape(encoded, &decoded)) return std::nullopt;
  const std::size_t colon = decoded.find(':');
  if (colon == std::string::npos) return std::nullopt;
  ClientAuth auth{FormDecode(absl::string_view(decoded).substr(0, colon)),
                  FormDecode(absl::string_view(decoded).substr(colon + 1))};
  if (auth.client_id.empty() || auth.client_secret.empty()) {
    return std::nullopt;
  }
  return auth;
}

// RFC 6749 section 3.3: scope-token *( SP scope-token ), scope-token =
// 1*( %x21 / %x23-5B / %x5D-7E ). Excludes all non-ASCII, so invalid UTF-8
// too (the scope is echoed in the JSON answer).
bool IsValidScope(absl::string_view scope) {
  if (scope.size() > kMaxScopeBytes) return false;
  for (absl::string_view token : absl::StrSplit(scope, ' ')) {
    if (token.empty()) return false;
    for (char c : token) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x21 || u > 0x7e || u == '"' || u == '\\') return false;
    }
  }
  return true;
}

bool IsValidAudience(absl::string_view audience) {
  if (audience.size() > kMaxAudienceBytes) return false;
  for (char c : audience) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e) return false;
  }
  return true;
}

// Percent-encodes every byte outside the RFC 3986 unreserved set.
std::string FormEncode(absl::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u) || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0xf]);
    }
  }
  return out;
}

}  // namespace

std::variant<TokenRequest, TokenRequestError> ParseTokenRequest(
    absl::string_view content_type,
    std::optional<absl::string_view> authorization, absl::string_view body) {
  if (!IsFormContentType(content_type)) {
    return Error(400, "invalid_request",
                 "the body must be application/x-www-form-urlencoded");
  }

  // The form: name=value pairs separated by '&'; a pair without '=' has an
  // empty value; empty values count as absent.
  std::array<std::optional<std::string>, kCount> params;
  for (absl::string_view pair : absl::StrSplit(body, '&')) {
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string name = FormDecode(pair.substr(0, eq));
    for (int p = 0; p < kCount; ++p) {
      if (name != kParamNames[p]) continue;
      if (params[p].has_value()) {
        return Error(400, "invalid_request",
                     absl::StrCat(kParamNames[p], " appears more than once"));
      }
      params[p] = eq == absl::string_view::npos
                      ? std::string()
                      : FormDecode(pair.substr(eq + 1));
    }
  }
  auto field = [&params](Param p) -> std::string {
    return params[p].value_or(std::string());
  };

  // Client authentication: HTTP Basic, or client_secret_post, not both.
  TokenRequest request;
  if (authorization.has_value()) {
    if (!field(kClientSecret).empty()) {
      return Error(400, "invalid_request",
                   "use one client authentication method");
    }
    std::optional<ClientAuth> auth = ParseBasic(*authorization);
    if (!auth.has_value()) return InvalidClient();
    const std::string body_id = field(kClientId);
    if (!body_id.empty() && body_id != auth->client_id) {
      return Error(400, "invalid_request",
                   "client_id in the body differs from the authenticated one");
    }
    request.client_id = std::move(auth->client_id);
    request.client_secret = std::move(auth->client_secret);
  } else {
    request.client_id = field(kClientId);
    request.client_secret = field(kClientSecret);
    if (request.client_id.empty() || request.client_secret.empty()) {
      return InvalidClient();
    }
  }

  request.grant_type = field(kGrantType);
  request.scope = field(kScope);
  if (!request.scope.empty() && !IsValidScope(request.scope)) {
    return Error(400, "invalid_scope",
                 absl::StrCat("scope must be at most ", kMaxScopeBytes,
                              " bytes of space-separated tokens of printable "
                              "ASCII other than '\"' and '\\'"));
  }
  request.audience = field(kAudience);
  if (!IsValidAudience(request.audience)) {
    return Error(400, "invalid_request",
                 absl::StrCat("audience must be at most ", kMaxAudienceBytes,
                              " bytes of printable ASCII"));
  }
  return request;
}

std::optional<TokenRequestError> CheckGrantType(absl::string_view grant_type) {
  if (grant_type.empty()) {
    return Error(400, "invalid_request", "grant_type is required");
  }
  if (grant_type != "client_credentials") {
    return Error(400, "unsupported_grant_type",
                 "only grant_type=client_credentials is supported");
  }
  return std::nullopt;
}

EncodedTokenRequest EncodeTokenRequest(const TokenRequest& request) {
  EncodedTokenRequest out;
  out.authorization = absl::StrCat(
      "Basic ", absl::Base64Escape(absl::StrCat(
                    FormEncode(request.client_id), ":",
                    FormEncode(request.client_secret))));
  const std::pair<absl::string_view, const std::string*> fields[] = {
      {"grant_type", &request.grant_type},
      {"scope", &request.scope},
      {"audience", &request.audience}};
  for (const auto& [name, value] : fields) {
    if (value->empty()) continue;
    absl::StrAppend(&out.body, out.body.empty() ? "" : "&", name, "=",
                    FormEncode(*value));
  }
  return out;
}

}  // namespace devserver
