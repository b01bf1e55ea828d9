// The API key codec.
#include "union/credentials.h"

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl_compat.h"
#include "union/endpoint.h"
#include "union/redact.h"

namespace unionc {
namespace {

constexpr char kHint[] =
    "; get a new key with `union-apikey create` (the value exported as "
    "UNION_API_KEY)";

}  // namespace

absl::StatusOr<ApiKeyCredentials> ApiKeyCredentials::Decode(
    std::string_view encoded) {
  absl::string_view trimmed = absl::StripAsciiWhitespace(internal::Av(encoded));
  if (trimmed.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("the API key is empty", kHint));
  }
  std::string decoded;
  if (!absl::Base64Unescape(trimmed, &decoded)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the API key is not valid base64", kHint));
  }
  // Split from the right: org, secret, client_id; the rest is the endpoint.
  std::vector<std::string_view> tail;
  std::string_view rest = decoded;
  for (int i = 0; i < 3; ++i) {
    size_t colon = rest.rfind(':');
    if (colon == std::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the API key does not decode to endpoint:client_id:client_secret:org",
          kHint));
    }
    tail.push_back(rest.substr(colon + 1));
    rest = rest.substr(0, colon);
  }
  ApiKeyCredentials c;
  c.endpoint = std::string(rest);
  c.client_secret = std::string(tail[1]);
  c.client_id = std::string(tail[2]);
  c.org = std::string(tail[0]);
  if (c.org == "None") c.org.clear();
  if (c.endpoint.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the API key has an empty endpoint", kHint));
  }
  // A key with an extra ':'-separated field would otherwise shift the
  // secret into client_id (which is logged and shown). No part is echoed.
  if (!IsHostPort(NormalizeEndpoint(c.endpoint))) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the API key is malformed: its endpoint part is not host[:port] or "
        "[v6]:port with a port from 1 to 65535 (the key may be damaged or "
        "have an extra ':'-separated field)",
        kHint));
  }
  if (c.client_id.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the API key has an empty client_id", kHint));
  }
  if (c.client_secret.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the API key has an empty client secret", kHint));
  }
  return c;
}

std::string ApiKeyCredentials::Encode() const {
  return absl::Base64Escape(absl::StrCat(endpoint, ":", client_id, ":",
                                         client_secret, ":",
                                         org.empty() ? "None" : org));
}

std::string ApiKeyCredentials::DebugString() const {
  return absl::StrCat("ApiKeyCredentials{endpoint=", endpoint,
                      ", client_id=", client_id,
                      ", client_secret=", Redact(client_secret), ", org=", org,
                      "}");
}

}  // namespace unionc
