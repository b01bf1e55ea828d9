#include "devserver/src/admin_bootstrap.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "devserver/src/credentials_codec.h"
#include "devserver/src/secret_hash.h"
#include "gtest/gtest.h"
#include "support/temp_dir.h"

namespace devserver {
namespace {

class AdminBootstrapTest : public ::testing::Test {
 protected:
  void SetUp() override {
    key_file_ = dir_.path() + "/admin.key";
    auto store = AppStore::Open(":memory:");
    ASSERT_TRUE(store.ok());
    store_ = *std::move(store);
  }

  // The secret of `encoded` verifies against the stored hash.
  bool Works(const std::string& encoded) {
    absl::StatusOr<EncodedCredentials> key = DecodeCredentials(encoded);
    if (!key.ok()) return false;
    absl::StatusOr<ClientCredentials> creds =
        store_->GetCredentials(key->client_id);
    return creds.ok() && VerifySecret(key->client_secret, creds->secret_hash);
  }

  tfpu::TempDir dir_;
  std::string key_file_;
  std::unique_ptr<AppStore> store_;
};

TEST_F(AdminBootstrapTest, CreatesThenReusesThenRotates) {
  absl::StatusOr<AdminKey> first =
      EnsureAdminKey(*store_, "admin", "127.0.0.1:1000", key_file_);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->origin, AdminKey::Origin::kCreated);
  EXPECT_TRUE(Works(first->encoded));
  EXPECT_EQ(*ReadKeyFile(key_file_), first->encoded);
  absl::StatusOr<EncodedCredentials> k1 = DecodeCredentials(first->encoded);
  EXPECT_EQ(k1->endpoint, "127.0.0.1:1000");
  EXPECT_EQ(k1->organization, "");

  // Same store, new port, key file intact: same secret, new endpoint.
  absl::StatusOr<AdminKey> second =
      EnsureAdminKey(*store_, "admin", "127.0.0.1:2000", key_file_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->origin, AdminKey::Origin::kReused);
  absl::StatusOr<EncodedCredentials> k2 = DecodeCredentials(second->encoded);
  EXPECT_EQ(k2->endpoint, "127.0.0.1:2000");
  EXPECT_EQ(k2->client_secret, k1->client_secret);
  EXPECT_TRUE(Works(second->encoded));

  // Key file lost: rotate; the old secret stops working.
  std::remove(key_file_.c_str());
  absl::StatusOr<AdminKey> third =
      EnsureAdminKey(*store_, "admin", "127.0.0.1:3000", key_file_);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->origin, AdminKey::Origin::kRotated);
  EXPECT_TRUE(Works(third->encoded));
  EXPECT_FALSE(Works(first->encoded));
  EXPECT_EQ(*ReadKeyFile(key_file_), third->encoded);

  // Only one admin app exists.
  absl::StatusOr<AppPage> page = store_->List("", "", 100);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->apps.size(), 1u);
}

TEST_F(AdminBootstrapTest, StaleKeyFileIsReplaced) {
  ASSERT_TRUE(
      WriteKeyFile(key_file_, EncodeCredentials({"h:1", "admin", "stale", ""}))
          .ok());
  ASSERT_TRUE(EnsureAdminKey(*store_, "admin", "h:2", key_file_).ok());
  absl::StatusOr<AdminKey> again = EnsureAdminKey(*store_, "admin", "h:3", "");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->origin, AdminKey::Origin::kRotated);  // no key file given
  EXPECT_TRUE(Works(again->encoded));
}

}  // namespace
}  // namespace devserver
