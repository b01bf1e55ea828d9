// Internal: the HTTP transport behind discovery and the OAuth2 token request.
//
// One function; exactly one implementation is compiled in (see CMakeLists):
//   http_transport_curl.cc     libcurl (the default)
//   http_transport_beast.cc    Boost.Beast + OpenSSL, header-only
//                              (UNIONC_HTTP_BEAST; TFPU_STATIC's default, as
//                              it links fully statically)
//   http_transport_httplib.cc  cpp-httplib with OpenSSL (UNIONC_HTTP_HTTPLIB;
//                              UNIONC_FORCE_HTTPLIB)
//
//   HttpRequest req{.method = HttpMethod::kGet, .url = "https://host/x"};
//   absl::StatusOr<HttpResponse> resp = HttpFetch(req);
//
// Both behave the same: no redirects are followed, the whole exchange is
// bounded by `timeout`, TLS peers are verified against `ca_cert_file` (or the
// system roots), and any HTTP status is a response, not an error. Errors:
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
  std::string url;  // http:// or https://
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

// Performs `request` with the compiled-in transport.
[[nodiscard]] absl::StatusOr<HttpResponse> HttpFetch(const HttpRequest& request);

// "libcurl", "boost-beast" or "cpp-httplib": which transport HttpFetch uses.
[[nodiscard]] std::string_view HttpTransportName();

}  // namespace unionc::http_internal
