// auto_mtls.h: go-plugin's AutoMTLS, the server half.
//
// At start a plugin makes a fresh key pair and a self-signed certificate for
// "localhost", prints the certificate in the handshake line, and accepts only
// clients presenting the certificate the CLI passed in PLUGIN_CLIENT_CERT.
//
// Usage:
//   absl::StatusOr<ServerIdentity> id = GenerateServerIdentity();
//   // id->private_key_pem + id->certificate_pem -> SslServerCredentials
//   // id->certificate_der -> HandshakeLine
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace tf::plugin::internal {

// A freshly generated server key and certificate. The private key never
// leaves the process and is never logged.
struct ServerIdentity {
  std::string private_key_pem;  // SEC1 PEM ("EC PRIVATE KEY")
  std::string certificate_pem;
  std::string certificate_der;
};

// ECDSA P-256 key; self-signed X.509 v3 certificate, SHA-256 signature:
// CN=localhost, SAN DNS:localhost, CA:TRUE (it is its own root on the client
// side), KeyUsage digitalSignature+keyEncipherment+keyCertSign, EKU
// serverAuth+clientAuth, positive random 128-bit serial, valid from 30 s ago
// for one year.
[[nodiscard]] absl::StatusOr<ServerIdentity> GenerateServerIdentity();

// OK when `pem` holds at least one parseable X.509 certificate;
// InvalidArgument otherwise (the message never echoes the input).
[[nodiscard]] absl::Status CheckCertificatePem(absl::string_view pem);

}  // namespace tf::plugin::internal
