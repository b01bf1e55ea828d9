// names.cc: name_prefix suffixes and their validation.
#include "provider/union/names.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "provider/union/model.h"
#include "union/api_key.h"

namespace union_provider {

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
  const std::string normalised = unionc::NormalizeKeyName(prefix);
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
  if (example.size() > unionc::kMaxClientIdLength) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the name_prefix gives a ", normalised.size(),
        "-character start of the client_id; with the ", kKeySuffixLength,
        "-character unique suffix that is ", example.size(),
        " characters, and at most ", unionc::kMaxClientIdLength,
        " are allowed"));
  }
  return absl::OkStatus();
}

namespace {

class KeyNameRule final : public tf::Validator {
 public:
  std::string Description() const override {
    return "Must have a letter or digit, and give a client_id of at most " +
           std::to_string(unionc::kMaxClientIdLength) + " characters.";
  }
  void Validate(const tf::Value& value, const tf::Path& path,
                tf::Diagnostics& diags) const override {
    if (!IsKnownString(value)) return;
    absl::Status s = unionc::ValidateKeyName(value.AsString());
    if (s.ok()) return;
    diags.AddAttributeError(
        path, "Invalid API key name",
        absl::StrCat(
            s.message(),
            ". The client_id is the name in lower case with every run of "
            "characters other than letters and digits replaced by '-'."));
  }
};

class NamePrefixRule final : public tf::Validator {
 public:
  explicit NamePrefixRule(std::string summary) : summary_(std::move(summary)) {}
  std::string Description() const override {
    return absl::StrCat(
        "Must have a letter or digit, and leave room for the ",
        kKeySuffixLength, "-character unique suffix in a client_id of at most ",
        unionc::kMaxClientIdLength, " characters.");
  }
  void Validate(const tf::Value& value, const tf::Path& path,
                tf::Diagnostics& diags) const override {
    if (!IsKnownString(value)) return;
    absl::Status s = ValidateNamePrefix(value.AsString());
    if (s.ok()) return;
    diags.AddAttributeError(
        path, summary_,
        absl::StrCat(s.message(),
                     ". The client_id is the prefix in lower case with every "
                     "run of characters other than letters and digits "
                     "replaced by '-', followed by a ",
                     kKeySuffixLength, "-character unique suffix."));
  }

 private:
  std::string summary_;
};

}  // namespace

std::shared_ptr<const tf::Validator> KeyNameValidator() {
  return std::make_shared<KeyNameRule>();
}

std::shared_ptr<const tf::Validator> NamePrefixValidator(std::string summary) {
  return std::make_shared<NamePrefixRule>(std::move(summary));
}

}  // namespace union_provider
