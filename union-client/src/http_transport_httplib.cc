// TransportFetch over cpp-httplib with OpenSSL (the transport of static
// builds, where libcurl cannot be linked statically; see http_transport.h).
#include <httplib.h>

#include <chrono>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl_compat.h"
#include "http_transport.h"
#include "http_transport_impl.h"

namespace unionc::http_internal {
namespace {

using std::chrono::steady_clock;

struct SplitUrl {
  std::string scheme_host_port;  // "https://host:port"
  std::string path;              // "/path?query"
};

absl::StatusOr<SplitUrl> Split(const std::string& url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot use the URL ", url, ": it has no scheme"));
  }
  const std::string scheme =
      absl::AsciiStrToLower(internal::Av(url.substr(0, scheme_end)));
  if (scheme != "http" && scheme != "https") {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot use the URL ", url, ": only http and https are supported"));
  }
  const size_t authority = scheme_end + 3;
  size_t path_start = url.find_first_of("/?#", authority);
  if (path_start == std::string::npos) path_start = url.size();
  if (path_start == authority) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot use the URL ", url, ": it has no host"));
  }
  SplitUrl out;
  out.scheme_host_port =
      absl::StrCat(scheme, "://", url.substr(authority, path_start - authority));
  std::string rest = url.substr(path_start);
  if (const size_t hash = rest.find('#'); hash != std::string::npos) {
    rest.resize(hash);
  }
  out.path = rest.empty() || rest[0] != '/' ? absl::StrCat("/", rest) : rest;
  return out;
}

}  // namespace

std::string_view HttpTransportName() { return "cpp-httplib"; }

absl::StatusOr<HttpResponse> TransportFetch(const HttpRequest& request) {
  absl::StatusOr<SplitUrl> url = Split(request.url);
  if (!url.ok()) return url.status();
  const auto timeout =
      std::max(request.timeout, std::chrono::milliseconds(1));
  const auto deadline = steady_clock::now() + timeout;

  httplib::Client client(url->scheme_host_port);
  if (!client.is_valid()) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot use the URL ", request.url));
  }
  client.set_connection_timeout(timeout);
  client.set_read_timeout(timeout);
  client.set_write_timeout(timeout);
  client.set_follow_location(false);
  client.set_keep_alive(false);
  client.enable_server_certificate_verification(true);
  if (!request.ca_cert_file.empty()) {
    client.set_ca_cert_path(request.ca_cert_file);
  }  // else: OpenSSL's default verify paths (the system roots)

  // Header values hold secrets (Authorization): they live only in `req`.
  httplib::Request req;
  req.method = request.method == HttpMethod::kPost ? "POST" : "GET";
  req.path = url->path;
  req.headers.emplace("Accept", "application/json");
  for (const auto& [name, value] : request.headers) {
    req.headers.emplace(name, value);
  }
  if (request.method == HttpMethod::kPost) {
    req.body = request.body;
    req.headers.emplace("Content-Type", request.content_type.empty()
                                            ? std::string("text/plain")
                                            : request.content_type);
  }
  // httplib's timeouts apply per socket operation; this bounds the whole
  // exchange (and the body size) while the body arrives.
  bool too_large = false;
  req.progress = [&](uint64_t current, uint64_t /*total*/) {
    if (current > kMaxResponseBody) {
      too_large = true;
      return false;
    }
    return steady_clock::now() < deadline;
  };

  httplib::Response res;
  httplib::Error error = httplib::Error::Success;
  const bool ok = client.send(req, res, error);
  if (ok && error == httplib::Error::Success) {
    HttpResponse response;
    response.status = res.status;
    response.body = std::move(res.body);
    for (const auto& [name, value] : res.headers) {
      response.headers.emplace_back(absl::AsciiStrToLower(internal::Av(name)),
                                    value);
    }
    return response;
  }
  const bool past_deadline = steady_clock::now() >= deadline;
  if (too_large) {
    return absl::UnavailableError(absl::StrCat(
        request.url, " sent a response larger than ", kMaxResponseBody,
        " bytes"));
  }
  if (error == httplib::Error::ConnectionTimeout ||
      ((error == httplib::Error::Read || error == httplib::Error::Write ||
        error == httplib::Error::Canceled) &&
       past_deadline)) {
    return absl::DeadlineExceededError(
        absl::StrCat(request.url, " did not answer within ",
                     request.timeout.count(), " ms"));
  }
  return absl::UnavailableError(absl::StrCat(
      "could not reach ", request.url, ": ", httplib::to_string(error)));
}

}  // namespace unionc::http_internal
