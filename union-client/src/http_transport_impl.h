// Internal to the HTTP layer: the entry point the transport
// (http_transport_beast.cc) implements. Only HttpFetch (http.cc) calls it,
// after the checks every request must pass (the URL scheme rule of
// docs/design/token-endpoint-tls.md); nothing else may include this header.
#pragma once

#include "absl/status/statusor.h"
#include "http_transport.h"

namespace unionc::http_internal {

// Performs `request` over Boost.Beast, as described for
// HttpFetch in http_transport.h, minus the scheme rule.
[[nodiscard]] absl::StatusOr<HttpResponse> TransportFetch(
    const HttpRequest& request);

}  // namespace unionc::http_internal
