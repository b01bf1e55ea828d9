// Internal: minimal HTTP GET/POST over libcurl, always with timeouts.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace unionc::http_internal {

struct HttpRequest {
  std::string url;
  bool post = false;
  // application/x-www-form-urlencoded fields (POST only); values escaped here.
  std::vector<std::pair<std::string, std::string>> form;
  // HTTP Basic credentials (sensitive).
  std::optional<std::pair<std::string, std::string>> basic_auth;
  std::string ca_cert_file;  // "" = system roots
  std::chrono::milliseconds timeout{30000};
};

struct HttpResponse {
  long status = 0;
  std::string body;
};

// Performs the request. Unavailable when the server cannot be reached,
// DeadlineExceeded on timeout. Any HTTP status is returned as a response.
// Error messages contain the URL and curl's reason, never credentials.
[[nodiscard]] absl::StatusOr<HttpResponse> Perform(const HttpRequest& request);

}  // namespace unionc::http_internal
