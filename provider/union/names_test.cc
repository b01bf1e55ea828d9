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

TEST(NormaliseKeyName, FollowsTheReference) {
  EXPECT_EQ(NormaliseKeyName("CI Pipeline #1"), "ci-pipeline-1");
  EXPECT_EQ(NormaliseKeyName("a..b"), "a-b");
  EXPECT_EQ(NormaliseKeyName("Deploy!"), "deploy-");
  EXPECT_EQ(NormaliseKeyName("--x--"), "-x-");
  EXPECT_EQ(NormaliseKeyName("already-fine-42"), "already-fine-42");
  EXPECT_EQ(NormaliseKeyName("under_score"), "under-score");
  EXPECT_EQ(NormaliseKeyName(""), "");
  // Non-ASCII letters count as outside the set (one run -> one '-').
  EXPECT_EQ(NormaliseKeyName("caf\xc3\xa9 cr\xc3\xa8me"), "caf-cr-me");
}

TEST(NormaliseKeyName, IsIdempotent) {
  for (const char* n : {"CI Pipeline #1", "x", "A_B_C", "!!"}) {
    const std::string once = NormaliseKeyName(n);
    EXPECT_EQ(NormaliseKeyName(once), once) << n;
  }
}

TEST(ValidateClientId, AcceptsNormalisedNames) {
  EXPECT_TRUE(ValidateClientId("ci-pipeline-1").ok());
  EXPECT_TRUE(ValidateClientId("deploy-").ok());
  EXPECT_TRUE(ValidateClientId("7").ok());
}

TEST(ValidateClientId, RejectsEmptyPunctuationOnlyAndTooLong) {
  EXPECT_TRUE(absl::IsInvalidArgument(ValidateClientId("")));
  EXPECT_TRUE(absl::IsInvalidArgument(ValidateClientId("-")));
  EXPECT_TRUE(absl::IsInvalidArgument(ValidateClientId("Upper")));
  EXPECT_TRUE(absl::IsInvalidArgument(ValidateClientId("a b")));
  EXPECT_TRUE(absl::IsInvalidArgument(
      ValidateClientId(std::string(kMaxClientIdLength + 1, 'a'))));
  EXPECT_TRUE(ValidateClientId(std::string(kMaxClientIdLength, 'a')).ok());
}

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
  const std::string id = NormaliseKeyName("CI ") + *s;
  EXPECT_EQ(NormaliseKeyName(id), id);
  EXPECT_TRUE(ValidateClientId(id).ok());
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
                  std::string(kMaxClientIdLength - kKeySuffixLength, 'a'))
                  .ok());
  absl::Status long_prefix = ValidateNamePrefix(
      std::string(kMaxClientIdLength - kKeySuffixLength + 1, 'a'));
  EXPECT_TRUE(absl::IsInvalidArgument(long_prefix));
  EXPECT_NE(long_prefix.message().find("suffix"), std::string::npos);
}

}  // namespace
}  // namespace union_provider
