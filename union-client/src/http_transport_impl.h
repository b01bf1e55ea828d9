// Internal to the HTTP layer: the entry point each transport file
// (http_transport_curl.cc, _beast.cc, _httplib.cc) implements. Only
// HttpFetch (http.cc) calls it, after the checks every request must pass
// whatever the transport (the URL scheme rule of docs/design/
// token-endpoint-tls.md); nothing else may include this header.
#pragma once

#include "absl/status/statusor.h"
#include "http_transport.h"

namespace unionc::http_internal {

// Performs `request` with the compiled-in transport, as described for
// HttpFetch in http_transport.h, minus the scheme rule.
[[nodiscard]] absl::StatusOr<HttpResponse> TransportFetch(
    const HttpRequest& request);

}  // namespace unionc::http_internal
