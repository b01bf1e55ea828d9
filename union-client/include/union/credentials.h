// An API key's decoded credentials and the codec for the encoded form that
// users export as UNION_API_KEY:
//   base64("{endpoint}:{client_id}:{client_secret}:{org or 'None'}").
//
//   absl::StatusOr<ApiKeyCredentials> creds = ApiKeyCredentials::Decode(key);
//   std::string again = creds->Encode();
//
// Decoding splits from the RIGHT, so endpoints with a port ("localhost:8089",
// "dns:///host:443") work. Errors never echo the key or the secret.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace unionc {

struct ApiKeyCredentials {
  std::string endpoint;       // as encoded, e.g. "acme.union.ai" or "localhost:8089"
  std::string client_id;
  std::string client_secret;  // sensitive
  std::string org;            // "" means no org (encoded as "None")

  // Parses an encoded API key. InvalidArgument on bad base64, fewer than four
  // ':'-separated fields, an empty endpoint, client_id or client_secret, or
  // an endpoint part that is not host[:port] or [v6]:port (port 1-65535)
  // once normalised (IsHostPort): e.g. a key with an extra field.
  [[nodiscard]] static absl::StatusOr<ApiKeyCredentials> Decode(
      std::string_view encoded);

  // Standard base64 of "{endpoint}:{client_id}:{client_secret}:{org|None}".
  [[nodiscard]] std::string Encode() const;

  // "ApiKeyCredentials{endpoint=..., client_id=..., client_secret=<redacted>, org=...}".
  [[nodiscard]] std::string DebugString() const;
};

}  // namespace unionc
