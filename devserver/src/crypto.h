// Crypto primitives on OpenSSL: CSPRNG bytes, SHA-256, constant-time compare.
//
//   absl::StatusOr<std::string> token = RandomUrlSafeString(32);
//   std::string digest = Sha256(*token);   // 32 raw bytes
#pragma once

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace devserver {

// `count` bytes from OpenSSL's CSPRNG (RAND_bytes).
[[nodiscard]] absl::StatusOr<std::string> RandomBytes(std::size_t count);

// `count` CSPRNG bytes, base64url-encoded without padding.
[[nodiscard]] absl::StatusOr<std::string> RandomUrlSafeString(
    std::size_t count);

// SHA-256 of `data` (32 raw bytes).
[[nodiscard]] std::string Sha256(absl::string_view data);

// True when a and b are equal, in time independent of where they differ.
[[nodiscard]] bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

}  // namespace devserver
