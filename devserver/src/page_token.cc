#include "devserver/src/page_token.h"

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace devserver {
namespace {
constexpr absl::string_view kPrefix = "apps.v1:";
constexpr std::size_t kMaxTokenLength = 1024;
}  // namespace

std::string EncodePageToken(absl::string_view last_client_id) {
  return absl::WebSafeBase64Escape(absl::StrCat(kPrefix, last_client_id));
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token) {
  if (token.empty()) return std::string();
  std::string raw;
  if (token.size() > kMaxTokenLength ||
      !absl::WebSafeBase64Unescape(token, &raw) ||
      !absl::StartsWith(raw, kPrefix) || raw.size() == kPrefix.size()) {
    return absl::InvalidArgumentError("request.token: not a valid page token");
  }
  return raw.substr(kPrefix.size());
}

}  // namespace devserver
