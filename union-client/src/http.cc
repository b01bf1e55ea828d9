// The common HTTP layer in front of the transport (HttpFetch and its URL
// rule), and request-building helpers.
#include "http.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl_compat.h"
#include "http_transport_impl.h"
#include "union/errors.h"

namespace unionc::http_internal {
namespace {

void AppendPercentEncoded(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      out->push_back(ch);
    } else {
      out->push_back('%');
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 0xF]);
    }
  }
}

// URLs longer than this are shortened in error messages.
constexpr size_t kMaxUrlInMessages = 256;

struct UrlParts {
  std::string scheme;  // lower-case; "" when the URL has none
  std::string_view host;  // host[:port], without user info
  std::string_view path;  // from the first '/' to before '?' or '#'
};

UrlParts SplitUrl(std::string_view url) {
  UrlParts parts;
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return parts;
  parts.scheme = absl::AsciiStrToLower(internal::Av(url.substr(0, scheme_end)));
  std::string_view rest = url.substr(scheme_end + 3);
  const size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority = authority.substr(at + 1);  // user info may hold a password
  }
  parts.host = authority;
  if (authority_end != std::string_view::npos && rest[authority_end] == '/') {
    std::string_view path = rest.substr(authority_end);
    parts.path = path.substr(0, path.find_first_of("?#"));
  }
  return parts;
}

}  // namespace

absl::Status CheckUrlScheme(std::string_view url, bool allow_plaintext) {
  const UrlParts parts = SplitUrl(url);
  if (parts.scheme == "https") return absl::OkStatus();
  const std::string host = TruncateForMessage(parts.host);
  if (parts.scheme == "http") {
    if (allow_plaintext) return absl::OkStatus();
    return absl::FailedPreconditionError(absl::StrCat(
        "refusing to send a request to a URL with scheme \"http\" (host ",
        host,
        ") because it is not TLS: credentials and tokens would cross the "
        "network in plaintext. Union's discovery and token URLs must be "
        "https://; only for a local dev server, set insecure (--insecure) to "
        "allow http"));
  }
  if (parts.scheme.empty()) {
    return absl::InvalidArgumentError(
        "cannot use a URL without a scheme; Union's discovery and token URLs "
        "must start with https://");
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "cannot use a URL with scheme \"", TruncateForMessage(parts.scheme),
      "\" (host ", host, "); only https:// is supported (http:// with "
      "insecure)"));
}

std::string UrlForLog(std::string_view url) {
  const UrlParts parts = SplitUrl(url);
  if (parts.scheme.empty()) return "<URL without a scheme>";
  return absl::StrCat(parts.scheme, "://", internal::Av(parts.host),
                      internal::Av(parts.path));
}

absl::StatusOr<HttpResponse> HttpFetch(const HttpRequest& request) {
  if (absl::Status st = CheckUrlScheme(request.url, request.allow_plaintext);
      !st.ok()) {
    return st;
  }
  absl::StatusOr<HttpResponse> response = TransportFetch(request);
  // The transport names the URL in their errors; a huge one (from a huge
  // endpoint) is shortened like any other echoed value.
  if (!response.ok() && request.url.size() > kMaxUrlInMessages) {
    return absl::Status(
        response.status().code(),
        absl::StrReplaceAll(
            response.status().message(),
            {{request.url, TruncateForMessage(request.url, kMaxUrlInMessages)}}));
  }
  return response;
}

std::string FormEncode(
    const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out.push_back('&');
    AppendPercentEncoded(&out, k);
    out.push_back('=');
    AppendPercentEncoded(&out, v);
  }
  return out;
}

std::string BasicAuthorization(std::string_view user,
                               std::string_view password) {
  return absl::StrCat(
      "Basic ", absl::Base64Escape(internal::Av(absl::StrCat(
                    internal::Av(user), ":", internal::Av(password)))));
}

std::string HttpResponse::Header(std::string_view name) const {
  const std::string lower = absl::AsciiStrToLower(internal::Av(name));
  for (const auto& [k, v] : headers) {
    if (k == lower) return v;
  }
  return "";
}

}  // namespace unionc::http_internal
