// Bad input to a spawned union-devserver: unsafe redirect URIs are refused
// naming the entry, and huge values are never repeated whole in error
// messages or logs.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "devserver/tests/test_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver::testing {
namespace {

namespace pb = ::cloudidl::identity;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class BadInputTest : public DevServerTest {};

TEST_F(BadInputTest, RedirectUrisMustBeAbsoluteAndNotOfAnUnsafeScheme) {
  ASSERT_TRUE(CreateKey("", "uri-key").ok());
  const std::string bad_uris[] = {
      "javascript:alert(document.cookie)",
      "JAVASCRIPT:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "file:///etc/passwd",
      "/relative/callback",
      "not a uri",
  };
  for (const std::string& bad : bad_uris) {
    SCOPED_TRACE(bad);
    pb::CreateAppRequest create;
    create.set_client_id("uri-refused");
    create.set_client_name("uri-refused");
    create.add_redirect_uris("https://ok.example.com/cb");
    create.add_redirect_uris(bad);
    pb::CreateAppResponse created;
    grpc::Status s =
        AdminCall(&pb::AppsService::Stub::Create, create, &created);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(s.error_message(), HasSubstr("redirect_uris[1]:"));
    EXPECT_THAT(s.error_message(), HasSubstr(absl::StrCat("\"", bad, "\"")));

    pb::UpdateAppRequest update;
    update.set_client_id("uri-key");
    update.add_redirect_uris(bad);
    pb::UpdateAppResponse updated;
    s = AdminCall(&pb::AppsService::Stub::Update, update, &updated);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(s.error_message(), HasSubstr("redirect_uris[0]:"));
  }
  // Nothing was created or changed.
  EXPECT_EQ(AdminGet("", "uri-refused").error_code(),
            grpc::StatusCode::NOT_FOUND);
  pb::App got;
  ASSERT_TRUE(AdminGet("", "uri-key", &got).ok());
  EXPECT_THAT(got.redirect_uris(),
              ElementsAre("http://localhost:8080/authorization-code/callback"));
  // A long unsafe URI is quoted cut.
  pb::CreateAppRequest create;
  create.set_client_id("uri-long");
  create.set_client_name("uri-long");
  create.add_redirect_uris("data:" + std::string(2000, 'd'));
  pb::CreateAppResponse created;
  grpc::Status s = AdminCall(&pb::AppsService::Stub::Create, create, &created);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("(2005 bytes)"));
  EXPECT_LT(s.error_message().size(), 300u);
}

TEST_F(BadInputTest, HugeClientIdsAreNeverEchoedWhole) {
  const std::string huge(10000, 'q');
  // Within the lookup limit but far beyond a readable length.
  const std::string long_id(200, 'w');
  std::vector<std::pair<std::string, grpc::Status>> answers;
  for (const std::string& id : {huge, long_id}) {
    pb::GetAppRequest get;
    get.set_client_id(id);
    answers.emplace_back("Get", AdminCall(&pb::AppsService::Stub::Get, get));

    pb::DeleteAppRequest del;
    del.set_client_id(id);
    answers.emplace_back("Delete",
                         AdminCall(&pb::AppsService::Stub::Delete, del));

    pb::UpdateAppRequest update;
    update.set_client_id(id);
    update.set_client_name("x");
    answers.emplace_back("Update",
                         AdminCall(&pb::AppsService::Stub::Update, update));

    answers.emplace_back("Create", CreateKey("", id));
  }
  for (const auto& [method, s] : answers) {
    SCOPED_TRACE(method);
    EXPECT_FALSE(s.ok());
    EXPECT_LT(s.error_message().size(), 300u) << s.error_message();
    EXPECT_THAT(s.error_message(), HasSubstr("client_id"));
    EXPECT_THAT(s.error_message(), Not(HasSubstr(std::string(100, 'q'))));
    EXPECT_THAT(s.error_message(), Not(HasSubstr(std::string(100, 'w'))));
  }
  // The 200-byte id reaches the store: NOT_FOUND quoting it cut, with its size.
  EXPECT_EQ(answers[4].second.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(answers[4].second.error_message(), HasSubstr("(200 bytes)"));
  // No log line repeats either id whole.
  for (absl::string_view line :
       absl::StrSplit(server_->logs(), '\n', absl::SkipEmpty())) {
    EXPECT_LT(line.size(), 1000u) << line.substr(0, 200);
    EXPECT_THAT(std::string(line), Not(HasSubstr(std::string(100, 'q'))));
    EXPECT_THAT(std::string(line), Not(HasSubstr(std::string(100, 'w'))));
  }
}

}  // namespace
}  // namespace devserver::testing
