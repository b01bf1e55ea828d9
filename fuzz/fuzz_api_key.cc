// fuzz_api_key: unionc::ApiKeyCredentials::Decode (the UNION_API_KEY codec)
// and the endpoint helpers a decoded key's endpoint goes through.
// Input: the encoded key, as a user would export it.
//
// Properties:
//   - success: Decode(Encode(c)) == c; DebugString never shows the secret;
//     NormalizeEndpoint / EndpointHasPort / EndpointHost / GrpcTarget of the
//     endpoint do not crash;
//   - failure: the error message never echoes the secret nor the key.
// Echo checks are differential, so that text which merely happens to occur
// in a fixed message is not reported: the secret (or the whole key) is
// replaced by a same-length mask of 'x'/'y' that cannot be fixed text, and
// the message for the masked key must not contain the mask.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "fuzz/fuzz_check.h"
#include "union/credentials.h"
#include "union/endpoint.h"

namespace {

// Secrets shorter than this are not checked (they would match by chance).
constexpr size_t kMinSecret = 8;

// A mask as long as `s` made of `a` and `b` (in a pattern no fixed text
// has), differing from `s` at every position.
std::string Mask(std::string_view s, char a = 'x', char b = 'y') {
  std::string m(s.size(), a);
  for (size_t i = 0; i < s.size(); ++i) {
    const char pick = (i % 3 == 1) ? b : a;
    m[i] = (s[i] == pick) ? (pick == a ? b : a) : pick;
  }
  return m;
}

bool Same(const unionc::ApiKeyCredentials& a,
          const unionc::ApiKeyCredentials& b) {
  return a.endpoint == b.endpoint && a.client_id == b.client_id &&
         a.client_secret == b.client_secret && a.org == b.org;
}

// Fails if decoding `key` fails with a message containing `needle`.
void CheckNoEcho(const std::string& key, std::string_view needle,
                 std::string_view what) {
  absl::StatusOr<unionc::ApiKeyCredentials> c =
      unionc::ApiKeyCredentials::Decode(key);
  if (c.ok()) return;
  const absl::string_view msg = c.status().message();
  if (std::string_view(msg.data(), msg.size()).find(needle) !=
      std::string_view::npos) {
    fuzz::Fail(absl::StrCat("the decode error echoes ", std::string(what)),
               std::string(msg.data(), msg.size()));
  }
}

void CheckSuccess(const unionc::ApiKeyCredentials& c) {
  absl::StatusOr<unionc::ApiKeyCredentials> again =
      unionc::ApiKeyCredentials::Decode(c.Encode());
  if (!again.ok() || !Same(*again, c)) {
    fuzz::Fail("Decode(Encode(c)) != c",
               absl::StrCat(again.status().ToString(), "\nendpoint=",
                            c.endpoint, " client_id=", c.client_id,
                            " org=", c.org));
  }
  if (c.client_secret.size() >= kMinSecret) {
    unionc::ApiKeyCredentials masked = c;
    masked.client_secret = Mask(c.client_secret);
    if (masked.DebugString().find(masked.client_secret) != std::string::npos) {
      fuzz::Fail("DebugString shows the secret", masked.DebugString());
    }
  }
  // The endpoint helpers see whatever a key holds.
  const std::string normal = unionc::NormalizeEndpoint(c.endpoint);
  (void)unionc::EndpointHasPort(normal);
  (void)unionc::EndpointHost(normal);
  (void)unionc::GrpcTarget(c.endpoint);
  (void)unionc::EndpointHasPort(c.endpoint);
  (void)unionc::EndpointHost(c.endpoint);
}

// The failure checks: neither the key nor its secret field is echoed.
void CheckFailure(std::string_view input) {
  if (input.size() >= kMinSecret) {
    CheckNoEcho(Mask(input), Mask(input), "the key");
    // Not base64 at all: the other error path.
    CheckNoEcho(Mask(input, '!', '#'), Mask(input, '!', '#'), "the key");
  }
  std::string plain;
  const absl::string_view in(input.data(), input.size());
  if (!absl::Base64Unescape(in, &plain) &&
      !absl::WebSafeBase64Unescape(in, &plain)) {
    return;
  }
  const std::vector<std::string> fields = absl::StrSplit(plain, ':');
  if (fields.size() < 4) return;
  // The secret as a right-split and as a left-split decoder would see it.
  for (size_t index : {fields.size() - 2, size_t{2}}) {
    if (fields[index].size() < kMinSecret) continue;
    std::vector<std::string> masked = fields;
    masked[index] = Mask(fields[index]);
    const std::string key = absl::Base64Escape(absl::StrJoin(masked, ":"));
    CheckNoEcho(key, masked[index], "the client secret");
    CheckNoEcho(absl::WebSafeBase64Escape(absl::StrJoin(masked, ":")),
                masked[index], "the client secret");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<unionc::ApiKeyCredentials> creds =
      unionc::ApiKeyCredentials::Decode(input);
  if (creds.ok()) {
    CheckSuccess(*creds);
  } else {
    CheckFailure(input);
  }
  return 0;
}
