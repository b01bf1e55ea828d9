// --secret-ttl on a spawned union-devserver: created keys carry
// client_secret_expires_at, their secret works until then and is refused
// after; the admin key never expires.
#include <sqlite3.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "devserver/src/secret_hash.h"
#include "devserver/tests/old_database.h"
#include "devserver/tests/reference_request.h"
#include "devserver/tests/test_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace devserver::testing {
namespace {

namespace pb = ::cloudidl::identity;
using ::testing::HasSubstr;
using ::testing::Not;

absl::Time ToTime(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

class SecretExpiryTest : public DevServerTest {
 protected:
  std::vector<std::string> ServerArgs() override {
    return {"--secret-ttl", "3s"};
  }
};

TEST_F(SecretExpiryTest, CreatedKeysExpireAndTheAdminKeyDoesNot) {
  pb::CreateAppResponse created;
  ASSERT_TRUE(CreateKey("", "short-lived", &created).ok());
  const pb::App& app = created.app();
  ASSERT_TRUE(app.has_client_secret_expires_at());
  const absl::Time issued = ToTime(app.client_id_issued_at());
  const absl::Time expires = ToTime(app.client_secret_expires_at());
  EXPECT_EQ(expires - issued, absl::Seconds(3));
  // Before expiry the secret works (asked right after the create answered,
  // well within the ttl).
  EXPECT_TRUE(
      FetchToken(server_->http_port(), "short-lived", app.client_secret())
          .ok());

  // Get, List and Update return the same expiry.
  {
    pb::App app;
    ASSERT_TRUE(AdminGet("", "short-lived", &app).ok());
    EXPECT_EQ(ToTime(app.client_secret_expires_at()), expires);
  }
  {
    pb::UpdateAppRequest request;
    request.set_client_id("short-lived");
    request.set_client_name("renamed");
    pb::UpdateAppResponse response;
    ASSERT_TRUE(
        AdminCall(&pb::AppsService::Stub::Update, request, &response).ok());
    EXPECT_EQ(ToTime(response.app().client_secret_expires_at()), expires);
  }
  {
    pb::ListAppsRequest request;
    pb::ListAppsResponse response;
    ASSERT_TRUE(
        AdminCall(&pb::AppsService::Stub::List, request, &response).ok());
    ASSERT_EQ(response.apps_size(), 2);
    for (const pb::App& listed : response.apps()) {
      if (listed.client_id() == admin_.client_id) {
        EXPECT_FALSE(listed.has_client_secret_expires_at());
      } else {
        EXPECT_EQ(ToTime(listed.client_secret_expires_at()), expires);
      }
    }
  }

  // After expiry it is refused: poll, bounded well beyond the 3 s ttl.
  HttpReply refused;
  const absl::Time give_up = absl::Now() + absl::Seconds(60);
  while (absl::Now() < give_up) {
    refused = PostToken(server_->http_port(),
                        BasicAuth("short-lived", app.client_secret()),
                        "grant_type=client_credentials");
    if (refused.status != 200) break;
    absl::SleepFor(absl::Milliseconds(200));
  }
  ASSERT_EQ(refused.status, 401) << refused.body;
  EXPECT_GE(absl::Now(), expires);
  const nlohmann::json body =
      nlohmann::json::parse(refused.body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << refused.body;
  EXPECT_EQ(body["error"], "invalid_client");
  EXPECT_THAT(refused.www_authenticate, HasSubstr("Basic"));
  const std::string logs = server_->logs();
  EXPECT_THAT(logs, HasSubstr("\"result\":\"secret_expired\""));
  EXPECT_THAT(logs, HasSubstr("\"client_id\":\"short-lived\""));
  EXPECT_THAT(logs, Not(HasSubstr(app.client_secret())));

  // The admin key has no expiry and keeps working.
  EXPECT_TRUE(
      FetchToken(server_->http_port(), admin_.client_id, admin_.secret).ok());
}

class NoSecretExpiryTest : public DevServerTest {};

TEST_F(NoSecretExpiryTest, WithoutTheFlagKeysHaveNoExpiry) {
  pb::CreateAppResponse created;
  ASSERT_TRUE(CreateKey("", "forever", &created).ok());
  EXPECT_FALSE(created.app().has_client_secret_expires_at());
}

TEST(SecretExpiryMigrationTest, OlderDatabaseFileServesItsKeysWithoutExpiry) {
  TempDir dir;
  const std::string db = dir.path() + "/old.db";
  const std::string old_secret = "oldKeySecret0123456789abcdef";  // test-only
  absl::StatusOr<std::string> old_hash = HashSecret(old_secret);
  ASSERT_TRUE(old_hash.ok());
  WriteOldDatabase(db, "", *old_hash, "old-key");
  auto server =
      DevServerProcess::Start({"--db", db, "--admin-key-file",
                               dir.path() + "/admin.key", "--secret-ttl", "1h"},
                              dir.path());
  ASSERT_TRUE(server.ok()) << server.status();
  // The old key still authenticates, and reads back without an expiry.
  absl::StatusOr<std::string> old_token =
      FetchToken((*server)->http_port(), "old-key", old_secret);
  ASSERT_TRUE(old_token.ok()) << old_token.status();
  auto stub = pb::AppsService::NewStub(Channel((*server)->endpoint()));
  pb::App got;
  ASSERT_TRUE(GetApp(*stub, *old_token, "", "old-key", &got).ok());
  EXPECT_EQ(got.client_name(), "old-key");
  EXPECT_FALSE(got.has_client_secret_expires_at());
  // A key created now in the migrated file expires.
  pb::CreateAppResponse created;
  ASSERT_TRUE(CallApps(*stub, &pb::AppsService::Stub::Create, *old_token,
                       ReferenceCreateRequest("", "new-key"), &created)
                  .ok());
  EXPECT_EQ(ToTime(created.app().client_secret_expires_at()) -
                ToTime(created.app().client_id_issued_at()),
            absl::Hours(1));
  EXPECT_THAT((*server)->logs(), Not(HasSubstr(old_secret)));
}

}  // namespace
}  // namespace devserver::testing
