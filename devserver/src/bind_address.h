// What a --bind address exposes: loopback only, every interface (a
// wildcard), or one specific interface.
//
//   if (!IsLoopbackAddress(options.bind) && !options.tls()) log.Warn(...);
//
// Literal addresses are parsed with inet_pton ("0.0.0.0", "::", "[::]",
// "0:0::0", "127.0.0.2", "::1", "::ffff:127.0.0.1"); the only name known to
// be loopback is "localhost".
#pragma once

#include "absl/strings/string_view.h"

namespace devserver {

// True for 127.0.0.0/8, ::1, IPv4-mapped loopback and "localhost".
[[nodiscard]] bool IsLoopbackAddress(absl::string_view bind);

// True for the IPv4 or IPv6 "any" address (every interface).
[[nodiscard]] bool IsWildcardAddress(absl::string_view bind);

}  // namespace devserver
