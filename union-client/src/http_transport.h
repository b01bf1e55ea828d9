// Internal: the HTTP transport behind discovery and the OAuth2 token request.
//
// One function, HttpFetch (http.cc): it applies the rules every request must
// pass, then hands the request to the transport, TransportFetch
// (http_transport_impl.h), in http_transport_beast.cc: Boost.Beast + Asio
// with OpenSSL, header-only, so the same code links into the dynamic build
// and the fully static release build (TFPU_STATIC).
//
//   HttpRequest req{.method = HttpMethod::kGet, .url = "https://host/x"};
//   absl::StatusOr<HttpResponse> resp = HttpFetch(req);
//
// The scheme rule (docs/design/token-endpoint-tls.md): a URL that is not
// https:// is refused before anything is sent (FailedPrecondition naming the
// scheme, the host and the `insecure` setting), unless allow_plaintext is set
// (the client's `insecure`); then http:// is allowed too. Other schemes are
// InvalidArgument.
//
// No redirects are followed, the whole exchange is bounded by `timeout`, TLS
// peers are verified against `ca_cert_file` (or the system roots), and any
// HTTP status is a response, not an error. Errors:
// InvalidArgument (malformed URL), Unavailable (cannot connect, TLS failure,
// connection dropped), DeadlineExceeded (no answer within `timeout`).
// Error messages name the URL and the reason only: header values and the
// body (which may carry credentials) never appear in them, nor in logs.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace unionc::http_internal {

enum class HttpMethod { kGet, kPost };

struct HttpRequest {
  HttpMethod method = HttpMethod::kGet;
  std::string url;  // https:// (http:// only with allow_plaintext)
  // Allow a plaintext http:// URL (the client's `insecure`: a local dev
  // server). Off, so credentials never leave over plaintext by accident.
  bool allow_plaintext = false;
  // Extra request headers ("Authorization" values are sensitive).
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;          // sent with kPost
  std::string content_type;  // of `body`, e.g. application/x-www-form-urlencoded
  std::string ca_cert_file;  // "" = system roots
  std::chrono::milliseconds timeout{30000};  // the whole exchange
};

struct HttpResponse {
  int status = 0;
  std::string body;
  // Response headers, names lower-cased, in the order received.
  std::vector<std::pair<std::string, std::string>> headers;

  // The first value of header `name` (any case), or "".
  [[nodiscard]] std::string Header(std::string_view name) const;
};

// Largest response body accepted (discovery and token documents are tiny).
inline constexpr size_t kMaxResponseBody = 1 << 20;

// Performs `request` with the transport, after CheckUrlScheme.
[[nodiscard]] absl::StatusOr<HttpResponse> HttpFetch(const HttpRequest& request);

// The scheme rule above, on its own: OK for https://, and for http:// when
// `allow_plaintext`; FailedPrecondition for http:// otherwise,
// InvalidArgument for anything else. Messages name the scheme and host only
// (never a path, query or user info, which could carry secrets).
[[nodiscard]] absl::Status CheckUrlScheme(std::string_view url,
                                          bool allow_plaintext);

// `url` fit for a log line: scheme, host and path, without user info, query
// or fragment.
[[nodiscard]] std::string UrlForLog(std::string_view url);

}  // namespace unionc::http_internal
