// TransportFetch over libcurl (the default transport; see http_transport.h).
#include <curl/curl.h>

#include <memory>
#include <mutex>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl_compat.h"
#include "http_transport.h"
#include "http_transport_impl.h"

namespace unionc::http_internal {
namespace {

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

size_t WriteBody(char* data, size_t size, size_t n, void* user) {
  auto* body = static_cast<std::string*>(user);
  if (body->size() + size * n > kMaxResponseBody) return 0;  // aborts
  body->append(data, size * n);
  return size * n;
}

size_t WriteHeader(char* data, size_t size, size_t n, void* user) {
  auto* headers =
      static_cast<std::vector<std::pair<std::string, std::string>>*>(user);
  std::string_view line(data, size * n);
  if (absl::StartsWith(internal::Av(line), "HTTP/")) {
    headers->clear();  // a new response (after 100 Continue)
    return size * n;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * n;
  std::string name(line.substr(0, colon));
  absl::AsciiStrToLower(&name);
  std::string value(absl::StripAsciiWhitespace(
      internal::Av(line.substr(colon + 1))));
  headers->emplace_back(std::move(name), std::move(value));
  return size * n;
}

}  // namespace

std::string_view HttpTransportName() { return "libcurl"; }

absl::StatusOr<HttpResponse> TransportFetch(const HttpRequest& request) {
  GlobalInit();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return absl::InternalError("could not initialise libcurl");
  CURL* c = curl.get();
  HttpResponse response;
  const long timeout_ms =
      std::max<long>(1, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_VERBOSE, 0L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &WriteBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &WriteHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &response.headers);
  if (!request.ca_cert_file.empty()) {
    curl_easy_setopt(c, CURLOPT_CAINFO, request.ca_cert_file.c_str());
  }
  if (request.method == HttpMethod::kPost) {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE,
                     static_cast<long>(request.body.size()));
  }
  // The header lines hold secrets (Authorization): they live only in this
  // list and curl never puts them into an error string.
  std::unique_ptr<curl_slist, SlistDeleter> headers(
      curl_slist_append(nullptr, "Accept: application/json"));
  auto add_header = [&headers](const std::string& line) {
    curl_slist* next = curl_slist_append(headers.get(), line.c_str());
    if (next != nullptr) {
      headers.release();
      headers.reset(next);
    }
  };
  if (request.method == HttpMethod::kPost && !request.content_type.empty()) {
    add_header(absl::StrCat("Content-Type: ", request.content_type));
  }
  // No "Expect: 100-continue" round trip for small bodies.
  add_header("Expect:");
  for (const auto& [name, value] : request.headers) {
    add_header(absl::StrCat(name, ": ", value));
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

  const CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OPERATION_TIMEDOUT) {
    return absl::DeadlineExceededError(
        absl::StrCat(request.url, " did not answer within ",
                     request.timeout.count(), " ms"));
  }
  if (rc == CURLE_URL_MALFORMAT || rc == CURLE_UNSUPPORTED_PROTOCOL) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot use the URL ", request.url, ": ", curl_easy_strerror(rc)));
  }
  if (rc == CURLE_WRITE_ERROR) {
    return absl::UnavailableError(
        absl::StrCat(request.url, " sent a response larger than ",
                     kMaxResponseBody, " bytes"));
  }
  if (rc != CURLE_OK) {
    return absl::UnavailableError(absl::StrCat(
        "could not reach ", request.url, ": ", curl_easy_strerror(rc)));
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  return response;
}

}  // namespace unionc::http_internal
