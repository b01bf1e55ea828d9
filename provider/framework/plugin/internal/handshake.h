// handshake.h: the go-plugin start-up contract, as pure functions.
//
// The CLI launches the plugin with TF_PLUGIN_MAGIC_COOKIE and
// PLUGIN_PROTOCOL_VERSIONS in the environment and reads exactly one line from
// its stdout:  1|6|unix|<socket path>|grpc|<server cert DER, base64, no '='>
//
// Usage:
//   if (auto s = CheckMagicCookie(getenv(kMagicCookieKey)); !s.ok()) ...
//   WriteAll(1, HandshakeLine(path, der));
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace tf::plugin::internal {

inline constexpr char kMagicCookieKey[] = "TF_PLUGIN_MAGIC_COOKIE";
inline constexpr char kMagicCookieValue[] =
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
inline constexpr char kProtocolVersionsKey[] = "PLUGIN_PROTOCOL_VERSIONS";
inline constexpr char kClientCertKey[] = "PLUGIN_CLIENT_CERT";
inline constexpr char kSocketDirKey[] = "PLUGIN_UNIX_SOCKET_DIR";

// The go-plugin core protocol version and our app protocol version.
inline constexpr int kCoreProtocolVersion = 1;
inline constexpr int kAppProtocolVersion = 6;

// OK when `value` (the cookie env var, may be null) is the Terraform cookie;
// FailedPrecondition otherwise.
[[nodiscard]] absl::Status CheckMagicCookie(const char* value);

// OK when `value` (the PLUGIN_PROTOCOL_VERSIONS env var: a comma list in any
// order, may be null or empty meaning "6") offers protocol 6;
// FailedPrecondition otherwise.
[[nodiscard]] absl::Status CheckProtocolVersions(const char* value);

// Standard base64 (RFC 4648 alphabet) without '=' padding, as go-plugin
// prints the certificate.
[[nodiscard]] std::string Base64NoPadding(absl::string_view bytes);

// The handshake line including its trailing '\n'. `cert_der` empty means
// plaintext: the last field is left empty.
[[nodiscard]] std::string HandshakeLine(absl::string_view socket_path,
                                        absl::string_view cert_der);

// The TF_REATTACH_PROVIDERS JSON value for debug mode.
[[nodiscard]] std::string ReattachJson(absl::string_view address, long pid,
                                       absl::string_view socket_path);

}  // namespace tf::plugin::internal
