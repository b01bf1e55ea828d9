// Endpoint normalisation.
#include "union/endpoint.h"

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl_compat.h"

namespace unionc {

std::string NormalizeEndpoint(std::string_view endpoint) {
  absl::string_view e = absl::StripAsciiWhitespace(internal::Av(endpoint));
  for (absl::string_view prefix : {"https://", "http://", "dns:///"}) {
    if (absl::ConsumePrefix(&e, prefix)) break;
  }
  while (absl::ConsumeSuffix(&e, "/")) {
  }
  return std::string(e);
}

bool EndpointHasPort(std::string_view endpoint) {
  if (!endpoint.empty() && endpoint.front() == '[') {  // [v6]:port
    size_t close = endpoint.find(']');
    return close != std::string_view::npos && close + 1 < endpoint.size() &&
           endpoint[close + 1] == ':';
  }
  size_t colon = endpoint.rfind(':');
  return colon != std::string_view::npos &&
         endpoint.find(':') == colon;  // exactly one ':' (a bare v6 has more)
}

std::string EndpointHost(std::string_view endpoint) {
  if (!endpoint.empty() && endpoint.front() == '[') {
    size_t close = endpoint.find(']');
    return std::string(endpoint.substr(
        1, close == std::string_view::npos ? std::string_view::npos : close - 1));
  }
  if (EndpointHasPort(endpoint)) {
    return std::string(endpoint.substr(0, endpoint.rfind(':')));
  }
  return std::string(endpoint);
}

std::string GrpcTarget(std::string_view endpoint) {
  std::string target(endpoint);
  if (!EndpointHasPort(endpoint)) target += ":443";
  return target;
}

}  // namespace unionc
