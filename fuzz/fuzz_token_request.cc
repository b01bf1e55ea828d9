// fuzz_token_request: devserver::ParseTokenRequest, the pure parser of the
// OAuth2 token request (POST /oauth2/token), and CheckGrantType.
//
// Input: three parts separated by '\n':
//   <Content-Type>\n<Authorization>\n<body>
// An Authorization of "-" means none; "b64:<text>" means "Basic " +
// base64(<text>), so the fuzzer can mutate the credentials in plain text;
// anything else is the header value as is.
//
// Properties:
//   - never a crash (ASan, UBSan);
//   - an error is 400 or 401 with a known RFC 6749 error code, and its
//     description is one of the parser's fixed texts: it never contains the
//     Authorization value or a presented secret;
//   - a success has a client id and secret, a scope and audience of the
//     documented syntax, and an answer echoing the scope serialises as strict
//     JSON (regressions/fuzz_token_request/scope-invalid-utf8);
//   - re-encoding a success canonically (HTTP Basic via EncodeTokenRequest,
//     and client_secret_post with every byte percent-encoded, built here)
//     parses back to the same request;
//   - CheckGrantType accepts exactly "client_credentials".
// FUZZ_VERBOSE=1 in the environment prints each outcome (to check seeds).
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <variant>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "devserver/src/token_request.h"
#include "fuzz/fuzz_check.h"
#include "nlohmann/json.hpp"

namespace {

using devserver::TokenRequest;
using devserver::TokenRequestError;

constexpr absl::string_view kForm = "application/x-www-form-urlencoded";

// Every description the parser may give (fixed text, no input in it).
const std::set<std::string>& KnownDescriptions() {
  static const std::set<std::string> known = [] {
    std::set<std::string> d = {
        "the body must be application/x-www-form-urlencoded",
        "use one client authentication method",
        "client authentication failed: send HTTP Basic client credentials",
        "client_id in the body differs from the authenticated one",
        absl::StrCat("scope must be at most ", devserver::kMaxScopeBytes,
                     " bytes of space-separated tokens of printable ASCII "
                     "other than '\"' and '\\'"),
        absl::StrCat("audience must be at most ", devserver::kMaxAudienceBytes,
                     " bytes of printable ASCII"),
    };
    for (const char* p :
         {"grant_type", "scope", "audience", "client_id", "client_secret"}) {
      d.insert(absl::StrCat(p, " appears more than once"));
    }
    return d;
  }();
  return known;
}

bool Contains(absl::string_view hay, absl::string_view needle) {
  return hay.find(needle) != absl::string_view::npos;
}

// True when `value` could only be in a description by leaking: long enough
// and not part of any fixed text by coincidence.
bool Distinctive(absl::string_view value) {
  if (value.size() < 4) return false;
  for (const std::string& d : KnownDescriptions()) {
    if (Contains(d, value)) return false;
  }
  return true;
}

// Every byte as %XX: the most defensive form encoding there is.
std::string PercentEncodeAll(absl::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    out += '%';
    out += kHex[u >> 4];
    out += kHex[u & 0xf];
  }
  return out;
}

bool ValidScope(absl::string_view scope) {
  if (scope.empty()) return true;
  if (scope.size() > devserver::kMaxScopeBytes) return false;
  for (absl::string_view token : absl::StrSplit(scope, ' ')) {
    if (token.empty()) return false;
    for (char c : token) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x21 || u > 0x7e || c == '"' || c == '\\') return false;
    }
  }
  return true;
}

bool ValidAudience(absl::string_view audience) {
  if (audience.size() > devserver::kMaxAudienceBytes) return false;
  for (char c : audience) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e) return false;
  }
  return true;
}

void ExpectSame(const std::variant<TokenRequest, TokenRequestError>& again,
                const TokenRequest& first, absl::string_view how) {
  const auto* r = std::get_if<TokenRequest>(&again);
  if (r == nullptr) {
    fuzz::Fail(absl::StrCat(how, ": a parsed request no longer parses"),
               std::get<TokenRequestError>(again).error);
  }
  // Fields are fuzzer-made, never a real secret: safe to show.
  if (!(*r == first)) {
    fuzz::Fail(absl::StrCat(how, ": re-encoding changed the request"),
               absl::StrCat(absl::CHexEscape(r->client_id), " / ",
                            absl::CHexEscape(first.client_id)));
  }
}

void CheckError(const TokenRequestError& e,
                const std::optional<std::string>& authorization,
                absl::string_view auth_spec, absl::string_view body) {
  static const std::set<std::string> kCodes = {
      "invalid_request", "invalid_client", "invalid_scope"};
  if (e.http_status != 400 && e.http_status != 401) {
    fuzz::Fail("an error with an unexpected HTTP status",
               std::to_string(e.http_status));
  }
  if (kCodes.count(e.error) == 0) fuzz::Fail("an unknown error code", e.error);
  if ((e.http_status == 401) != (e.error == "invalid_client")) {
    fuzz::Fail("401 must go with invalid_client and only with it", e.error);
  }
  if (KnownDescriptions().count(e.description) == 0) {
    fuzz::Fail("a description that is not fixed text",
               absl::CHexEscape(e.description));
  }
  // What the request presented as a secret: the Authorization value, the
  // plain-text secret of a "b64:" spec, and any client_secret in the body.
  std::set<std::string> secrets;
  if (authorization.has_value()) secrets.insert(*authorization);
  if (auth_spec.substr(0, 4) == "b64:") {
    const absl::string_view text = auth_spec.substr(4);
    const std::size_t colon = text.find(':');
    if (colon != absl::string_view::npos) {
      secrets.insert(std::string(text.substr(colon + 1)));
      secrets.insert(
          httplib::detail::decode_url(std::string(text.substr(colon + 1)), true));
    }
  }
  for (absl::string_view pair : absl::StrSplit(body, '&')) {
    const std::size_t eq = pair.find('=');
    if (eq == absl::string_view::npos) continue;
    secrets.insert(std::string(pair.substr(eq + 1)));
    secrets.insert(
        httplib::detail::decode_url(std::string(pair.substr(eq + 1)), true));
  }
  for (const std::string& s : secrets) {
    if (Distinctive(s) && Contains(e.description, s)) {
      fuzz::Fail("an error description holds presented credentials");
    }
  }
}

void CheckSuccess(const TokenRequest& r) {
  if (r.client_id.empty() || r.client_secret.empty()) {
    fuzz::Fail("a parsed request without client credentials");
  }
  if (!ValidScope(r.scope)) {
    fuzz::Fail("a parsed request with an invalid scope",
               absl::CHexEscape(r.scope));
  }
  if (!ValidAudience(r.audience)) {
    fuzz::Fail("a parsed request with an invalid audience",
               absl::CHexEscape(r.audience));
  }
  // The scope is echoed in the 200 answer; strict serialisation
  // (which throws on invalid UTF-8) must succeed.
  try {
    const std::string answer =
        nlohmann::json{{"token_type", "Bearer"}, {"scope", r.scope}}.dump();
    (void)answer;
  } catch (const nlohmann::json::exception& e) {
    fuzz::Fail("the echoed scope does not serialise as JSON", e.what());
  }

  // Canonical HTTP Basic encoding (the library's encoder).
  const devserver::EncodedTokenRequest basic = devserver::EncodeTokenRequest(r);
  ExpectSame(devserver::ParseTokenRequest(kForm, basic.authorization,
                                          basic.body),
             r, "Basic");
  // client_secret_post with every byte percent-encoded (built here).
  std::string post = absl::StrCat("client_id=", PercentEncodeAll(r.client_id),
                                  "&client_secret=",
                                  PercentEncodeAll(r.client_secret));
  const std::pair<const char*, const std::string*> fields[] = {
      {"grant_type", &r.grant_type},
      {"scope", &r.scope},
      {"audience", &r.audience}};
  for (const auto& [name, value] : fields) {
    if (!value->empty()) {
      absl::StrAppend(&post, "&", name, "=", PercentEncodeAll(*value));
    }
  }
  ExpectSame(devserver::ParseTokenRequest(
                 "application/x-www-form-urlencoded; charset=utf-8",
                 std::nullopt, post),
             r, "client_secret_post");

  const bool accepted = !devserver::CheckGrantType(r.grant_type).has_value();
  if (accepted != (r.grant_type == "client_credentials")) {
    fuzz::Fail("CheckGrantType disagrees with the spec",
               absl::CHexEscape(r.grant_type));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::string_view in(reinterpret_cast<const char*>(data), size);
  const size_t nl1 = in.find('\n');
  if (nl1 == absl::string_view::npos) return 0;
  const size_t nl2 = in.find('\n', nl1 + 1);
  if (nl2 == absl::string_view::npos) return 0;
  const absl::string_view content_type = in.substr(0, nl1);
  const absl::string_view auth_spec = in.substr(nl1 + 1, nl2 - nl1 - 1);
  const absl::string_view body = in.substr(nl2 + 1);

  std::optional<std::string> authorization;
  if (auth_spec.substr(0, 4) == "b64:") {
    authorization = "Basic " + absl::Base64Escape(auth_spec.substr(4));
  } else if (auth_spec != "-") {
    authorization = std::string(auth_spec);
  }
  std::optional<absl::string_view> auth_view;
  if (authorization.has_value()) auth_view = *authorization;

  const std::variant<TokenRequest, TokenRequestError> parsed =
      devserver::ParseTokenRequest(content_type, auth_view, body);
  if (std::getenv("FUZZ_VERBOSE") != nullptr) {  // to check seeds by hand
    if (const auto* e = std::get_if<TokenRequestError>(&parsed)) {
      std::fprintf(stderr, "%d %s: %s\n", e->http_status, e->error.c_str(),
                   e->description.c_str());
    } else {
      const auto& r = std::get<TokenRequest>(parsed);
      std::fprintf(stderr, "ok id=%s grant=%s scope=%s audience=%s\n",
                   absl::CHexEscape(r.client_id).c_str(),
                   absl::CHexEscape(r.grant_type).c_str(),
                   absl::CHexEscape(r.scope).c_str(),
                   absl::CHexEscape(r.audience).c_str());
    }
  }
  if (const auto* e = std::get_if<TokenRequestError>(&parsed)) {
    CheckError(*e, authorization, auth_spec, body);
  } else {
    CheckSuccess(std::get<TokenRequest>(parsed));
  }
  return 0;
}
