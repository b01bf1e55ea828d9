// names.cc: key name normalisation and client_id validation.
#include "provider/union/names.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "union/api_key.h"

namespace union_provider {

std::string NormaliseKeyName(std::string_view name) {
  return unionc::NormalizeKeyName(name);
}

absl::Status ValidateClientId(std::string_view client_id) {
  if (client_id.empty()) {
    return absl::InvalidArgumentError("the client_id is empty");
  }
  if (client_id.size() > kMaxClientIdLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("the client_id is ", client_id.size(),
                     " characters long; at most ", kMaxClientIdLength,
                     " are allowed"));
  }
  bool has_alnum = false;
  for (char c : client_id) {
    const auto u = static_cast<unsigned char>(c);
    if (absl::ascii_isdigit(u) || (u >= 'a' && u <= 'z')) {
      has_alnum = true;
    } else if (c != '-') {
      return absl::InvalidArgumentError(absl::StrCat(
          "the client_id \"", std::string(client_id),
          "\" may only contain lower-case letters, digits and '-'"));
    }
  }
  if (!has_alnum) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the client_id \"", std::string(client_id),
        "\" has no letter or digit"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> UniqueKeySuffix(absl::Time now) {
  constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  constexpr size_t kRandomChars = 10;
  // Bytes at or above 252 (= 7 * 36) are dropped so every character is
  // equally likely.
  constexpr unsigned kUsable = 252;
  std::string out = absl::FormatTime("%Y%m%dt%H%M%S-", now, absl::UTCTimeZone());
  while (out.size() < kKeySuffixLength) {
    uint8_t buf[32];
    const ssize_t n = getrandom(buf, sizeof buf, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return absl::InternalError(
          absl::StrCat("no random bytes for a key name (getrandom: errno ",
                       errno, ")"));
    }
    for (ssize_t i = 0; i < n && out.size() < kKeySuffixLength; ++i) {
      if (buf[i] < kUsable) out.push_back(kAlphabet[buf[i] % 36]);
    }
  }
  static_assert(sizeof(kAlphabet) == 36 + 1);
  static_assert(15 + 1 + kRandomChars == kKeySuffixLength);
  return out;
}

absl::Status ValidateNamePrefix(std::string_view prefix) {
  const std::string normalised = NormaliseKeyName(prefix);
  // Any suffix has the same length and characters; this one stands for all.
  const std::string example =
      absl::StrCat(normalised, "20261201t230512-0123456789");
  bool has_alnum = false;
  for (char c : normalised) has_alnum |= (c != '-');
  if (!has_alnum) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the name_prefix \"", std::string(prefix), "\" normalises to \"",
        normalised, "\", which has no letter or digit"));
  }
  if (example.size() > kMaxClientIdLength) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the name_prefix gives a ", normalised.size(),
        "-character start of the client_id; with the ", kKeySuffixLength,
        "-character unique suffix that is ", example.size(),
        " characters, and at most ", kMaxClientIdLength, " are allowed"));
  }
  return ValidateClientId(example);
}

}  // namespace union_provider
