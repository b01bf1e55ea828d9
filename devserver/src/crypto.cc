#include "devserver/src/crypto.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "absl/strings/escaping.h"

namespace devserver {

absl::StatusOr<std::string> RandomBytes(std::size_t count) {
  std::string out(count, '\0');
  if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()),
                              static_cast<int>(count)) != 1) {
    return absl::InternalError("the system random number generator failed");
  }
  return out;
}

absl::StatusOr<std::string> RandomUrlSafeString(std::size_t count) {
  absl::StatusOr<std::string> bytes = RandomBytes(count);
  if (!bytes.ok()) return bytes.status();
  return absl::WebSafeBase64Escape(*bytes);
}

std::string Sha256(absl::string_view data) {
  std::string out(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(),
         reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace devserver
