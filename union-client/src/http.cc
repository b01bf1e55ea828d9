// libcurl-backed HTTP (no hand-written HTTP).
#include "http.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace unionc::http_internal {
namespace {

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct CurlFree {
  void operator()(char* p) const { curl_free(p); }
};

size_t WriteBody(char* data, size_t size, size_t n, void* user) {
  auto* body = static_cast<std::string*>(user);
  constexpr size_t kMaxBody = 1 << 20;  // discovery/token docs are tiny
  if (body->size() + size * n > kMaxBody) return 0;
  body->append(data, size * n);
  return size * n;
}

std::string Escape(CURL* curl, const std::string& s) {
  std::unique_ptr<char, CurlFree> out(
      curl_easy_escape(curl, s.data(), static_cast<int>(s.size())));
  return out ? std::string(out.get()) : std::string();
}

}  // namespace

absl::StatusOr<HttpResponse> Perform(const HttpRequest& request) {
  GlobalInit();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return absl::InternalError("could not initialise libcurl");
  CURL* c = curl.get();
  HttpResponse response;
  std::string form;
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(request.timeout.count()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(request.timeout.count()));
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &WriteBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &response.body);
  if (!request.ca_cert_file.empty()) {
    curl_easy_setopt(c, CURLOPT_CAINFO, request.ca_cert_file.c_str());
  }
  if (request.basic_auth) {
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERNAME, request.basic_auth->first.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, request.basic_auth->second.c_str());
  }
  if (request.post) {
    for (const auto& [k, v] : request.form) {
      if (!form.empty()) form += '&';
      absl::StrAppend(&form, Escape(c, k), "=", Escape(c, v));
    }
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, form.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(form.size()));
  }
  struct curl_slist* headers =
      curl_slist_append(nullptr, "Accept: application/json");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_guard(
      headers, &curl_slist_free_all);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

  CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OPERATION_TIMEDOUT) {
    return absl::DeadlineExceededError(
        absl::StrCat(request.url, " did not answer within ",
                     request.timeout.count(), " ms"));
  }
  if (rc != CURLE_OK) {
    return absl::UnavailableError(
        absl::StrCat("could not reach ", request.url, ": ",
                     curl_easy_strerror(rc)));
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

}  // namespace unionc::http_internal
