// Internal: reads and checks a PEM file of CA roots (ca_cert_file /
// --ca-cert) when the configuration is built, so a wrong file is reported
// as such instead of as a TLS or connection failure later.
//
//   absl::StatusOr<std::string> pem = ReadCaCertFile(config.ca_cert_file);
#pragma once

#include <string>

#include "absl/status/statusor.h"

namespace unionc::client_internal {

// The file's contents when it holds at least one PEM certificate.
// InvalidArgument naming the file otherwise: "cannot read ... (No such file
// or directory)", or "no certificate in ...".
[[nodiscard]] absl::StatusOr<std::string> ReadCaCertFile(
    const std::string& path);

}  // namespace unionc::client_internal
