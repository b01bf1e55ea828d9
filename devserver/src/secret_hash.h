// Client secrets: generation and salted hashing (secrets are never stored).
//
//   absl::StatusOr<std::string> secret = GenerateClientSecret();
//   absl::StatusOr<std::string> stored = HashSecret(*secret);
//   bool ok = VerifySecret(*secret, *stored);
//
// Stored form: "sha256$<salt b64url>$<digest b64url>", digest =
// SHA-256(salt || secret) with a 16-byte random salt. A generated secret has
// 256 bits of entropy, so a fast salted hash is enough (slow KDFs like PBKDF2
// protect low-entropy passwords, which these are not).
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace devserver {

// 32 CSPRNG bytes, base64url without padding (43 characters).
[[nodiscard]] absl::StatusOr<std::string> GenerateClientSecret();

// A salted hash of `secret` in the stored form above.
[[nodiscard]] absl::StatusOr<std::string> HashSecret(absl::string_view secret);

// True when `secret` matches `stored` (constant-time digest comparison).
// A malformed `stored` never matches.
[[nodiscard]] bool VerifySecret(absl::string_view secret,
                                absl::string_view stored);

}  // namespace devserver
