#include "devserver/src/credentials_codec.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "support/temp_dir.h"

namespace devserver {
namespace {

TEST(CredentialsCodecTest, EncodesExactlyTheUnionForm) {
  const std::string key =
      EncodeCredentials({"127.0.0.1:8089", "admin", "sec", ""});
  EXPECT_EQ(key, absl::Base64Escape("127.0.0.1:8089:admin:sec:None"));
  EXPECT_EQ(EncodeCredentials({"h:1", "id", "s", "org"}),
            absl::Base64Escape("h:1:id:s:org"));
}

TEST(CredentialsCodecTest, DecodesFromTheRightSoPortsSurvive) {
  absl::StatusOr<EncodedCredentials> key =
      DecodeCredentials(absl::Base64Escape("127.0.0.1:8089:admin:sec:None"));
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->endpoint, "127.0.0.1:8089");
  EXPECT_EQ(key->client_id, "admin");
  EXPECT_EQ(key->client_secret, "sec");
  EXPECT_EQ(key->organization, "");
  absl::StatusOr<EncodedCredentials> with_org =
      DecodeCredentials(absl::Base64Escape("host:id:s:acme"));
  ASSERT_TRUE(with_org.ok());
  EXPECT_EQ(with_org->organization, "acme");
}

TEST(CredentialsCodecTest, RejectsMalformedKeysWithoutEchoingThem) {
  for (const std::string& bad :
       {std::string("%%%not-base64"), absl::Base64Escape("only:two"),
        absl::Base64Escape("a:b:c"), absl::Base64Escape("host::secret:None")}) {
    absl::StatusOr<EncodedCredentials> key = DecodeCredentials(bad);
    ASSERT_FALSE(key.ok()) << bad;
    EXPECT_EQ(std::string(key.status().message()).find(bad), std::string::npos);
  }
}

TEST(CredentialsCodecTest, KeyFileIsPrivateAndRoundTrips) {
  const tfpu::TempDir temp;
  const std::filesystem::path dir = temp.path();
  const std::string path = (dir / "admin.key").string();
  ASSERT_TRUE(WriteKeyFile(path, "ZW5jb2RlZA==").ok());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(*ReadKeyFile(path), "ZW5jb2RlZA==");
  ASSERT_TRUE(WriteKeyFile(path, "b3RoZXI=").ok());
  EXPECT_EQ(*ReadKeyFile(path), "b3RoZXI=");
  EXPECT_EQ(ReadKeyFile((dir / "missing").string()).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(CredentialsCodecTest, KeyFileWriteFollowsNoPlantedSymlink) {
  const tfpu::TempDir temp;
  const std::filesystem::path dir = temp.path();
  const std::string path = (dir / "admin.key").string();
  const std::string victim = (dir / "victim.txt").string();
  {
    std::ofstream out(victim);
    out << "untouched\n";
  }
  // A temp name an older writer used: "<path>.tmp.<pid>", predictable.
  const std::string planted = absl::StrFormat("%s.tmp.%d", path, ::getpid());
  ASSERT_EQ(::symlink(victim.c_str(), planted.c_str()), 0);

  ASSERT_TRUE(WriteKeyFile(path, "c2VjcmV0LWtleQ==").ok());

  std::ifstream in(victim);
  std::string victim_text((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  EXPECT_EQ(victim_text, "untouched\n");
  struct stat st {};
  ASSERT_EQ(::lstat(path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode)) << "the key file must not be a symlink";
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(*ReadKeyFile(path), "c2VjcmV0LWtleQ==");
  // No temp file is left behind (only the key, the victim and the symlink).
  int entries = 0;
  for ([[maybe_unused]] const auto& e :
       std::filesystem::directory_iterator(dir))
    ++entries;
  EXPECT_EQ(entries, 3);
}

}  // namespace
}  // namespace devserver
