// Endpoint normalisation.
#include "union/endpoint.h"

#include "absl/strings/ascii.h"
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

namespace {

bool IsPort(std::string_view port) {
  if (port.empty() || port.size() > 5) return false;
  int value = 0;
  for (char c : port) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
    value = value * 10 + (c - '0');
  }
  return value >= 1 && value <= 65535;
}

bool IsHostName(std::string_view host) {
  if (host.empty()) return false;
  for (char c : host) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' &&
        c != '.' && c != '_') {
      return false;
    }
  }
  return true;
}

bool IsV6Literal(std::string_view v6) {
  const std::string_view address = v6.substr(0, v6.find('%'));
  if (address.find(':') == std::string_view::npos) return false;
  for (char c : address) {
    if (!absl::ascii_isxdigit(static_cast<unsigned char>(c)) && c != ':' &&
        c != '.') {
      return false;
    }
  }
  if (address.size() < v6.size()) {  // "%zone"
    return IsHostName(v6.substr(address.size() + 1));
  }
  return true;
}

}  // namespace

bool IsHostPort(std::string_view endpoint) {
  if (!endpoint.empty() && endpoint.front() == '[') {
    const size_t close = endpoint.find(']');
    return close != std::string_view::npos &&
           IsV6Literal(endpoint.substr(1, close - 1)) &&
           close + 1 < endpoint.size() && endpoint[close + 1] == ':' &&
           IsPort(endpoint.substr(close + 2));
  }
  const size_t colon = endpoint.find(':');
  if (colon == std::string_view::npos) return IsHostName(endpoint);
  return IsHostName(endpoint.substr(0, colon)) &&
         IsPort(endpoint.substr(colon + 1));
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
