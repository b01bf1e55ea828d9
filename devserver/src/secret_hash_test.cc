#include "devserver/src/secret_hash.h"

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace devserver {
namespace {

TEST(SecretHashTest, GeneratedSecretsAreLongUrlSafeAndDistinct) {
  absl::StatusOr<std::string> a = GenerateClientSecret();
  absl::StatusOr<std::string> b = GenerateClientSecret();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->size(), 43u);  // 32 bytes base64url without padding
  EXPECT_NE(*a, *b);
  for (char c : *a) {
    EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
                c == '_');
  }
}

TEST(SecretHashTest, HashVerifiesOnlyTheRightSecret) {
  absl::StatusOr<std::string> stored = HashSecret("s3cret-value");
  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE(absl::StrContains(*stored, "s3cret-value"));
  EXPECT_TRUE(absl::StartsWith(*stored, "sha256$"));
  EXPECT_TRUE(VerifySecret("s3cret-value", *stored));
  EXPECT_FALSE(VerifySecret("s3cret-valuE", *stored));
  EXPECT_FALSE(VerifySecret("", *stored));
}

TEST(SecretHashTest, SaltMakesHashesOfOneSecretDiffer) {
  EXPECT_NE(*HashSecret("same"), *HashSecret("same"));
}

TEST(SecretHashTest, MalformedStoredHashNeverMatches) {
  for (const char* stored : {"", "plain", "sha256$", "sha256$$", "md5$a$b",
                             "sha256$!!!$???", "sha256$a$b$c"}) {
    EXPECT_FALSE(VerifySecret("", stored)) << stored;
    EXPECT_FALSE(VerifySecret("plain", stored)) << stored;
  }
}

}  // namespace
}  // namespace devserver
