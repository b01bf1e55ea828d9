#include "devserver/src/secret_hash.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "devserver/src/crypto.h"

namespace devserver {
namespace {

constexpr absl::string_view kScheme = "sha256";
constexpr std::size_t kSaltBytes = 16;

std::string Digest(absl::string_view salt, absl::string_view secret) {
  return Sha256(absl::StrCat(salt, secret));
}

}  // namespace

absl::StatusOr<std::string> GenerateClientSecret() {
  return RandomUrlSafeString(32);
}

absl::StatusOr<std::string> HashSecret(absl::string_view secret) {
  absl::StatusOr<std::string> salt = RandomBytes(kSaltBytes);
  if (!salt.ok()) return salt.status();
  return absl::StrCat(kScheme, "$", absl::WebSafeBase64Escape(*salt), "$",
                      absl::WebSafeBase64Escape(Digest(*salt, secret)));
}

bool VerifySecret(absl::string_view secret, absl::string_view stored) {
  std::vector<absl::string_view> parts = absl::StrSplit(stored, '$');
  if (parts.size() != 3 || parts[0] != kScheme) return false;
  std::string salt;
  std::string digest;
  if (!absl::WebSafeBase64Unescape(parts[1], &salt) ||
      !absl::WebSafeBase64Unescape(parts[2], &digest)) {
    return false;
  }
  return ConstantTimeEquals(Digest(salt, secret), digest);
}

}  // namespace devserver
