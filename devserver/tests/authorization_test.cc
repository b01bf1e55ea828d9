// Organization isolation on a spawned union-devserver: a key's token acts
// only inside its own organization, only the admin app may touch the admin
// app, and the admin acts everywhere.
#include "absl/strings/str_cat.h"
#include "devserver/tests/test_client.h"
#include "flyteidl/service/identity.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver::testing {
namespace {

namespace pb = ::cloudidl::identity;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class AuthorizationTest : public DevServerTest {
 protected:
  // Creates `id` in `org` as the admin; returns its secret.
  std::string MakeKey(const std::string& org, const std::string& id) {
    pb::CreateAppResponse created;
    grpc::Status s = CreateKey(org, id, &created);
    EXPECT_TRUE(s.ok()) << id << ": " << s.error_message();
    return created.app().client_secret();
  }
  std::string TokenFor(const std::string& id, const std::string& secret) {
    absl::StatusOr<std::string> token =
        FetchToken(server_->http_port(), id, secret);
    EXPECT_TRUE(token.ok()) << token.status();
    return token.ok() ? *token : std::string();
  }

  grpc::Status Create(const std::string& token, const std::string& org,
                      const std::string& id) {
    auto request = AppRequest<pb::CreateAppRequest>(org, id);
    request.set_client_name(id);
    return CallApps(*apps(), &pb::AppsService::Stub::Create, token, request);
  }
  grpc::Status Get(const std::string& token, const std::string& org,
                   const std::string& id, pb::App* out = nullptr) {
    return GetApp(*apps(), token, org, id, out);
  }
  grpc::Status Update(const std::string& token, const std::string& org,
                      const std::string& id, const std::string& name) {
    auto request = AppRequest<pb::UpdateAppRequest>(org, id);
    request.set_client_name(name);
    return CallApps(*apps(), &pb::AppsService::Stub::Update, token, request);
  }
  grpc::Status Delete(const std::string& token, const std::string& org,
                      const std::string& id) {
    auto request = AppRequest<pb::DeleteAppRequest>(org, id);
    return CallApps(*apps(), &pb::AppsService::Stub::Delete, token, request);
  }
  grpc::Status List(const std::string& token, const std::string& org,
                    std::vector<std::string>* ids = nullptr) {
    pb::ListAppsRequest request;
    request.set_organization(org);
    pb::ListAppsResponse response;
    grpc::Status s = CallApps(*apps(), &pb::AppsService::Stub::List, token,
                              request, &response);
    if (ids != nullptr) {
      ids->clear();
      for (const auto& a : response.apps()) ids->push_back(a.client_id());
    }
    return s;
  }
};

TEST_F(AuthorizationTest, AKeyActsOnlyInItsOwnOrganization) {
  const std::string secret_a = MakeKey("org-a", "key-a");
  MakeKey("org-a", "key-a2");
  MakeKey("org-b", "key-b");
  const std::string token_a = TokenFor("key-a", secret_a);
  ASSERT_FALSE(token_a.empty());

  // Every call for org-b is refused, naming the token's organization.
  std::vector<std::pair<std::string, grpc::Status>> refused = {
      {"Create", Create(token_a, "org-b", "planted-b")},
      {"Get", Get(token_a, "org-b", "key-b")},
      {"Update", Update(token_a, "org-b", "key-b", "hijacked")},
      {"Delete", Delete(token_a, "org-b", "key-b")},
      {"List", List(token_a, "org-b")},
  };
  for (const auto& [method, s] : refused) {
    EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << method;
    EXPECT_THAT(s.error_message(), HasSubstr("organization \"org-a\""))
        << method;
    EXPECT_THAT(s.error_message(), Not(HasSubstr(secret_a))) << method;
    EXPECT_THAT(s.error_message(), Not(HasSubstr(token_a))) << method;
  }
  // Nothing changed in org-b.
  pb::App b;
  ASSERT_TRUE(Get(token_, "org-b", "key-b", &b).ok());
  EXPECT_EQ(b.client_name(), "key-b");
  EXPECT_EQ(Get(token_, "org-b", "planted-b").error_code(),
            grpc::StatusCode::NOT_FOUND);

  // The admin app and organization "" are out of reach too.
  EXPECT_EQ(Get(token_a, "", admin_.client_id).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(List(token_a, "").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Create(token_a, "", "planted-root").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  for (const std::string& org : {std::string(), std::string("org-a")}) {
    EXPECT_EQ(Update(token_a, org, admin_.client_id, "owned").error_code(),
              grpc::StatusCode::PERMISSION_DENIED)
        << org;
    EXPECT_EQ(Delete(token_a, org, admin_.client_id).error_code(),
              grpc::StatusCode::PERMISSION_DENIED)
        << org;
  }

  // Inside org-a everything works.
  std::vector<std::string> ids;
  ASSERT_TRUE(List(token_a, "org-a", &ids).ok());
  EXPECT_THAT(ids, ElementsAre("key-a", "key-a2"));
  ASSERT_TRUE(Get(token_a, "org-a", "key-a2").ok());
  ASSERT_TRUE(Create(token_a, "org-a", "key-a3").ok());
  ASSERT_TRUE(Update(token_a, "org-a", "key-a3", "renamed").ok());
  ASSERT_TRUE(Delete(token_a, "org-a", "key-a3").ok());

  // UserInfo describes the caller, not the admin.
  auto identity = flyteidl::service::IdentityService::NewStub(channel_);
  flyteidl::service::UserInfoResponse info;
  grpc::ClientContext ctx;
  Prepare(ctx, token_a);
  ASSERT_TRUE(identity->UserInfo(&ctx, {}, &info).ok());
  EXPECT_EQ(info.subject(), "key-a");

  // The admin still acts everywhere.
  ASSERT_TRUE(List(token_, "org-b", &ids).ok());
  EXPECT_THAT(ids, ElementsAre("key-b"));
  ASSERT_TRUE(Update(token_, "org-b", "key-b", "by-admin").ok());
  ASSERT_TRUE(Get(token_, "", admin_.client_id).ok());
  EXPECT_THAT(server_->logs(), Not(HasSubstr(secret_a)));
}

TEST_F(AuthorizationTest, OnlyTheAdminMayUpdateOrDeleteTheAdminApp) {
  // A key in the admin's own organization "" is still not the admin.
  const std::string secret = MakeKey("", "root-key");
  const std::string token = TokenFor("root-key", secret);
  ASSERT_FALSE(token.empty());
  grpc::Status s = Delete(token, "", admin_.client_id);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(s.error_message(), HasSubstr("admin app"));
  EXPECT_EQ(Update(token, "", admin_.client_id, "taken-over").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  pb::App admin;
  ASSERT_TRUE(Get(token, "", admin_.client_id, &admin).ok());
  EXPECT_EQ(admin.client_name(), admin_.client_id);
  // The admin key still works, and the root key may manage its own org.
  EXPECT_TRUE(
      FetchToken(server_->http_port(), admin_.client_id, admin_.secret).ok());
  ASSERT_TRUE(Create(token, "", "root-key-2").ok());
  ASSERT_TRUE(Delete(token, "", "root-key-2").ok());
}

}  // namespace
}  // namespace devserver::testing
