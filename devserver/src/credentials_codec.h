// The dev server's own codec of encoded credentials (what users export as
// UNION_API_KEY: endpoint, client id, secret, org), independent of
// union-client's key model, and the admin key file.
//
//   std::string key = EncodeCredentials({"127.0.0.1:8089", "admin", s, ""});
//   absl::StatusOr<EncodedCredentials> parts = DecodeCredentials(key);
//   absl::Status s = WriteKeyFile("/tmp/admin.key", key);   // mode 0600
//
// Encoded form: standard base64 of "endpoint:client_id:client_secret:org",
// org "None" when empty. Decoding splits from the right, so an endpoint with a
// port is read correctly.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace devserver {

struct EncodedCredentials {
  std::string endpoint;
  std::string client_id;
  std::string client_secret;
  std::string organization;  // "" for "None"
};

[[nodiscard]] std::string EncodeCredentials(const EncodedCredentials& key);

// InvalidArgument for a key that is not base64 of four ':'-separated fields.
// The message never contains the key.
[[nodiscard]] absl::StatusOr<EncodedCredentials> DecodeCredentials(
    absl::string_view encoded);

// Writes `encoded` plus a newline to `path` atomically with mode 0600: a
// mkstemp temp file in the same directory (never a predictable name, never
// following a symlink), fsync, then rename over `path`.
[[nodiscard]] absl::Status WriteKeyFile(const std::string& path,
                                        absl::string_view encoded);

// The encoded key stored in `path` (surrounding whitespace removed).
// NotFound when the file does not exist.
[[nodiscard]] absl::StatusOr<std::string> ReadKeyFile(const std::string& path);

}  // namespace devserver
