// Internal: small helpers for building HTTP requests (form bodies, HTTP Basic
// credentials) on top of the transport in http_transport.h.
//
//   HttpRequest req{.method = HttpMethod::kPost, .url = token_url};
//   req.body = FormEncode({{"grant_type", "client_credentials"}});
//   req.content_type = kFormContentType;
//   req.headers.emplace_back("Authorization", BasicAuthorization(id, secret));
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http_transport.h"

namespace unionc::http_internal {

inline constexpr std::string_view kFormContentType =
    "application/x-www-form-urlencoded";

// application/x-www-form-urlencoded body: `k=v&k=v`, each part
// percent-encoded (everything but A-Z a-z 0-9 - . _ ~).
[[nodiscard]] std::string FormEncode(
    const std::vector<std::pair<std::string, std::string>>& fields);

// The value of an HTTP Basic Authorization header (sensitive: never log it).
[[nodiscard]] std::string BasicAuthorization(std::string_view user,
                                             std::string_view password);

}  // namespace unionc::http_internal
