#include "devserver/src/page_token.h"

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "devserver/src/crypto.h"

namespace devserver {
namespace {

// Token text before base64url: "apps.v2:" <16 hex digest chars> ":" <id>.
constexpr absl::string_view kPrefix = "apps.v2:";
constexpr std::size_t kDigestChars = 16;
constexpr std::size_t kMaxTokenLength = 1024;

std::string ListingDigest(absl::string_view listing) {
  return absl::BytesToHexString(Sha256(listing)).substr(0, kDigestChars);
}

}  // namespace

std::string ListingKey(absl::string_view organization,
                       absl::string_view canonical_filters) {
  return absl::StrCat(organization.size(), ":", organization,
                      canonical_filters);
}

std::string EncodePageToken(absl::string_view listing,
                            absl::string_view last_client_id) {
  return absl::WebSafeBase64Escape(
      absl::StrCat(kPrefix, ListingDigest(listing), ":", last_client_id));
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            absl::string_view listing) {
  if (token.empty()) return std::string();
  std::string raw;
  absl::string_view rest;
  if (token.size() > kMaxTokenLength ||
      !absl::WebSafeBase64Unescape(token, &raw) ||
      !absl::StartsWith(raw, kPrefix) ||
      raw.size() <= kPrefix.size() + kDigestChars + 1 ||
      raw[kPrefix.size() + kDigestChars] != ':') {
    return absl::InvalidArgumentError("request.token: not a valid page token");
  }
  rest = absl::string_view(raw).substr(kPrefix.size());
  if (rest.substr(0, kDigestChars) != ListingDigest(listing)) {
    return absl::InvalidArgumentError(
        "request.token: this page token belongs to a listing with other "
        "filters or another organization; list from the first page (no "
        "token) with these filters");
  }
  return std::string(rest.substr(kDigestChars + 1));
}

}  // namespace devserver
