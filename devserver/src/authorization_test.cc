#include "devserver/src/authorization.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver {
namespace {

using ::testing::HasSubstr;

constexpr char kAdmin[] = "union-devserver-admin";

TokenInfo Caller(std::string client_id, std::string organization) {
  TokenInfo who;
  who.client_id = std::move(client_id);
  who.organization = std::move(organization);
  return who;
}

constexpr AppAction kAll[] = {AppAction::kCreate, AppAction::kGet,
                              AppAction::kUpdate, AppAction::kDelete,
                              AppAction::kList};

TEST(AuthorizerTest, AdminActsEverywhere) {
  Authorizer authz(kAdmin);
  const TokenInfo admin = Caller(kAdmin, "");
  EXPECT_TRUE(authz.IsAdmin(admin));
  for (AppAction action : kAll) {
    for (const char* org : {"", "org-a", "org-b"}) {
      EXPECT_TRUE(authz.Check(admin, action, org, "k").ok()) << org;
      EXPECT_TRUE(authz.Check(admin, action, org, kAdmin).ok()) << org;
    }
  }
}

TEST(AuthorizerTest, OtherCallersStayInTheirOrganization) {
  Authorizer authz(kAdmin);
  const TokenInfo a = Caller("key-a", "org-a");
  EXPECT_FALSE(authz.IsAdmin(a));
  for (AppAction action : kAll) {
    EXPECT_TRUE(authz.Check(a, action, "org-a", "other-key").ok());
    for (const char* org : {"", "org-b", "org-a2"}) {
      absl::Status s = authz.Check(a, action, org, "other-key");
      EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied) << org;
      EXPECT_THAT(std::string(s.message()),
                  HasSubstr("belongs to organization \"org-a\""));
      EXPECT_THAT(std::string(s.message()), HasSubstr("\"key-a\""));
    }
  }
}

TEST(AuthorizerTest, OnlyTheAdminMayUpdateOrDeleteTheAdminApp) {
  Authorizer authz(kAdmin);
  // A key of organization "" is not the admin.
  const TokenInfo root_key = Caller("root-key", "");
  EXPECT_FALSE(authz.IsAdmin(root_key));
  EXPECT_TRUE(authz.Check(root_key, AppAction::kGet, "", kAdmin).ok());
  EXPECT_TRUE(authz.Check(root_key, AppAction::kList, "", "").ok());
  for (AppAction action : {AppAction::kUpdate, AppAction::kDelete}) {
    absl::Status s = authz.Check(root_key, action, "", kAdmin);
    EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied);
    EXPECT_THAT(std::string(s.message()), HasSubstr("admin app"));
  }
  // An app named like the admin in another organization is not the admin.
  EXPECT_FALSE(authz.IsAdmin(Caller(kAdmin, "org-a")));
}

}  // namespace
}  // namespace devserver
