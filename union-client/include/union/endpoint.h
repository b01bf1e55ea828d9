// Endpoint normalisation as the reference SDK does it.
//
//   NormalizeEndpoint("https://acme.union.ai")  == "acme.union.ai"
//   NormalizeEndpoint("dns:///localhost:8089")  == "localhost:8089"
//   GrpcTarget("acme.union.ai")                 == "acme.union.ai:443"
#pragma once

#include <string>
#include <string_view>

namespace unionc {

// Strips a leading "https://", "http://" or "dns:///" and trailing '/'s.
[[nodiscard]] std::string NormalizeEndpoint(std::string_view endpoint);

// True when a normalised endpoint is "host" or "host:port" (host: letters,
// digits, '-', '.', '_'), or "[v6]:port" (hex digits, ':' and '.', an
// optional "%zone"), with a decimal port from 1 to 65535.
[[nodiscard]] bool IsHostPort(std::string_view endpoint);

// True when a normalised endpoint names a port ("host:1234", "[::1]:1234").
[[nodiscard]] bool EndpointHasPort(std::string_view endpoint);

// The host part of a normalised endpoint (no port, no brackets).
[[nodiscard]] std::string EndpointHost(std::string_view endpoint);

// The gRPC target: the normalised endpoint with ":443" added when it has no
// port (Union is TLS on 443).
[[nodiscard]] std::string GrpcTarget(std::string_view endpoint);

}  // namespace unionc
