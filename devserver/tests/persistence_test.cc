// Restart behaviour of union-devserver with a file database: committed keys
// survive kill -9, the admin app is reused, and the key file always works.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "devserver/tests/reference_request.h"
#include "devserver/tests/test_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver::testing {
namespace {

namespace pb = ::cloudidl::identity;

class PersistenceTest : public ::testing::Test {
 protected:
  std::vector<std::string> Args() {
    std::vector<std::string> args = {"--db", dir_.path() + "/data/dev.db",
                                     "--admin-key-file", key_file_};
    args.insert(args.end(), extra_args_.begin(), extra_args_.end());
    return args;
  }
  std::unique_ptr<DevServerProcess> StartServer() {
    auto server = DevServerProcess::Start(Args(), dir_.path());
    EXPECT_TRUE(server.ok()) << server.status();
    return server.ok() ? *std::move(server) : nullptr;
  }
  // A token for the admin key currently in the key file.
  absl::StatusOr<std::string> AdminToken(const DevServerProcess& server,
                                         Credentials* admin = nullptr) {
    auto creds = ReadAdminKey(key_file_);
    if (!creds.ok()) return creds.status();
    if (admin != nullptr) *admin = *creds;
    return FetchToken(server.http_port(), creds->client_id, creds->secret);
  }
  std::vector<pb::App> ListRoot(const DevServerProcess& server,
                                const std::string& token) {
    auto stub = pb::AppsService::NewStub(Channel(server.endpoint()));
    pb::ListAppsRequest request;
    request.mutable_request()->set_limit(1000);
    pb::ListAppsResponse response;
    grpc::ClientContext ctx;
    Prepare(ctx, token);
    EXPECT_TRUE(stub->List(&ctx, request, &response).ok());
    return {response.apps().begin(), response.apps().end()};
  }

  TempDir dir_;
  std::string key_file_ = dir_.path() + "/admin.key";
  std::vector<std::string> extra_args_;
};

TEST_F(PersistenceTest, CommittedKeysSurviveKillAndTheAdminKeyFollowsThePort) {
  auto first = StartServer();
  ASSERT_NE(first, nullptr);
  Credentials admin1;
  auto token = AdminToken(*first, &admin1);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(admin1.endpoint, first->endpoint());
  {
    auto stub = pb::AppsService::NewStub(Channel(first->endpoint()));
    ASSERT_TRUE(CallApps(*stub, &pb::AppsService::Stub::Create, *token,
                         ReferenceCreateRequest("", "durable"))
                    .ok());
  }
  first->Kill(SIGKILL);
  auto status = first->Wait();
  ASSERT_TRUE(status.ok());
  EXPECT_TRUE(WIFSIGNALED(*status));

  auto second = StartServer();
  ASSERT_NE(second, nullptr);
  Credentials admin2;
  auto token2 = AdminToken(*second, &admin2);
  ASSERT_TRUE(token2.ok()) << "the key file must work against the new run: "
                           << token2.status();
  EXPECT_EQ(admin2.client_id, admin1.client_id);
  EXPECT_EQ(admin2.endpoint, second->endpoint());
  auto stub = pb::AppsService::NewStub(Channel(second->endpoint()));
  pb::App got;
  ASSERT_TRUE(GetApp(*stub, *token2, "", "durable", &got).ok());
  EXPECT_EQ(got.client_name(), "durable");

  // The admin app was reused, not duplicated.
  std::vector<pb::App> apps = ListRoot(*second, *token2);
  ASSERT_EQ(apps.size(), 2u);
  int admins = 0;
  for (const auto& a : apps)
    admins += a.client_id() == admin1.client_id ? 1 : 0;
  EXPECT_EQ(admins, 1);
}

// Every Create that answered OK is on disk after kill -9, with the default
// synchronous=NORMAL (WAL) as with --sync=full.
TEST_F(PersistenceTest, EveryAnsweredCreateSurvivesKillInBothSyncModes) {
  for (const char* mode : {"normal", "full"}) {
    SCOPED_TRACE(mode);
    TempDir dir;
    extra_args_ = {"--sync", mode};
    key_file_ = dir.path() + "/admin.key";
    auto args = Args();
    args[1] = dir.path() + "/dev.db";
    auto first = DevServerProcess::Start(args, dir.path());
    ASSERT_TRUE(first.ok()) << first.status();
    EXPECT_THAT((*first)->logs(),
                ::testing::HasSubstr(absl::StrCat("\"sync\":\"", mode)));
    auto token = AdminToken(**first);
    ASSERT_TRUE(token.ok()) << token.status();
    auto stub = pb::AppsService::NewStub(Channel((*first)->endpoint()));
    constexpr int kKeys = 30;
    for (int i = 0; i < kKeys; ++i) {
      ASSERT_TRUE(
          CallApps(*stub, &pb::AppsService::Stub::Create, *token,
                   ReferenceCreateRequest("", absl::StrCat("durable-", i)))
              .ok())
          << i;
    }
    (*first)->Kill(SIGKILL);
    auto status = (*first)->Wait();
    ASSERT_TRUE(status.ok());
    EXPECT_TRUE(WIFSIGNALED(*status));

    auto second = DevServerProcess::Start(args, dir.path());
    ASSERT_TRUE(second.ok()) << second.status();
    auto token2 = AdminToken(**second);
    ASSERT_TRUE(token2.ok()) << token2.status();
    EXPECT_EQ(ListRoot(**second, *token2).size(), kKeys + 1u);
  }
}

TEST_F(PersistenceTest, LostKeyFileRotatesTheAdminSecret) {
  Credentials old_admin;
  {
    auto first = StartServer();
    ASSERT_NE(first, nullptr);
    ASSERT_TRUE(AdminToken(*first, &old_admin).ok());
    first->Kill(SIGTERM);
    auto status = first->Wait();
    ASSERT_TRUE(status.ok());
    EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
        << "SIGTERM must exit 0; logs:\n"
        << first->logs();
  }
  ASSERT_EQ(std::remove(key_file_.c_str()), 0);
  auto second = StartServer();
  ASSERT_NE(second, nullptr);
  Credentials new_admin;
  auto token = AdminToken(*second, &new_admin);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(new_admin.client_id, old_admin.client_id);
  EXPECT_NE(new_admin.secret, old_admin.secret);
  EXPECT_FALSE(
      FetchToken(second->http_port(), old_admin.client_id, old_admin.secret)
          .ok());
  EXPECT_EQ(ListRoot(*second, *token).size(), 1u);
}

TEST_F(PersistenceTest, KeyFileIsPrivate) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  struct stat st {};
  ASSERT_EQ(::stat(key_file_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

}  // namespace
}  // namespace devserver::testing
