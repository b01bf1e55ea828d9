// names_test.cc: name normalisation and client_id validation, plus the
// diagnostics the resource reports for bad names.
#include "provider/union/names.h"

#include <set>
#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

#include "gtest/gtest.h"

namespace union_provider {
namespace {

TEST(UniqueKeySuffix, FormatCharsetAndLength) {
  const absl::Time t = absl::FromCivil(absl::CivilSecond(2026, 12, 1, 23, 5, 12),
                                       absl::UTCTimeZone());
  absl::StatusOr<std::string> s = UniqueKeySuffix(t);
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->size(), kKeySuffixLength);
  EXPECT_EQ(s->substr(0, 16), "20261201t230512-");
  for (char c : s->substr(16)) {
    EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) << *s;
  }
  // A normalised prefix plus the suffix is its own normalisation, so the
  // client_id is the name.
  const std::string id = unionc::NormalizeKeyName("CI ") + *s;
  EXPECT_EQ(unionc::NormalizeKeyName(id), id);
  EXPECT_TRUE(unionc::ValidateKeyName(id).ok());
}

TEST(UniqueKeySuffix, UniqueOver100kDrawsInOneSecondAndUsesTheAlphabet) {
  const absl::Time t = absl::FromUnixSeconds(1796166312);
  std::set<std::string> seen;
  std::set<char> chars;
  for (int i = 0; i < 100000; ++i) {
    absl::StatusOr<std::string> s = UniqueKeySuffix(t);
    ASSERT_TRUE(s.ok()) << s.status();
    ASSERT_TRUE(seen.insert(*s).second) << "duplicate " << *s;
    for (char c : s->substr(16)) chars.insert(c);
  }
  EXPECT_EQ(chars.size(), 36u);  // every letter and digit occurs
}

TEST(ValidateNamePrefix, NeedsALetterOrDigitAndRoomForTheSuffix) {
  EXPECT_TRUE(ValidateNamePrefix("ci-").ok());
  EXPECT_TRUE(ValidateNamePrefix("CI Pipeline ").ok());
  EXPECT_TRUE(absl::IsInvalidArgument(ValidateNamePrefix("")));
  EXPECT_TRUE(absl::IsInvalidArgument(ValidateNamePrefix("--")));
  EXPECT_TRUE(ValidateNamePrefix(
                  std::string(unionc::kMaxClientIdLength - kKeySuffixLength, 'a'))
                  .ok());
  absl::Status long_prefix = ValidateNamePrefix(
      std::string(unionc::kMaxClientIdLength - kKeySuffixLength + 1, 'a'));
  EXPECT_TRUE(absl::IsInvalidArgument(long_prefix));
  EXPECT_NE(long_prefix.message().find("suffix"), std::string::npos);
}

}  // namespace
}  // namespace union_provider
