// TokenEndpoint in process (loopback, port 0): what it answers, what it logs
// and whether a token was issued, for requests the spawned-binary tests
// cannot observe as closely.
#include "devserver/src/token_endpoint.h"

#include <httplib.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "devserver/src/secret_hash.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace devserver {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kClientId[] = "endpoint-test";
constexpr char kSecret[] = "endpointTestSecret0123456789";  // test-only
constexpr char kForm[] = "application/x-www-form-urlencoded";

class TokenEndpointInProcessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_file_ = std::tmpfile();
    ASSERT_NE(log_file_, nullptr);
    log_ = std::make_unique<Logger>(LogLevel::kDebug, log_file_);
    auto store = AppStore::Open(":memory:");
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    absl::StatusOr<std::string> hash = HashSecret(kSecret);
    ASSERT_TRUE(hash.ok());
    AppRecord app;
    app.client_id = kClientId;
    app.client_name = kClientId;
    ASSERT_TRUE(store_->Insert(app, *hash).ok());
    tokens_ = std::make_unique<TokenIssuer>(absl::Seconds(60));
    http_ = std::make_unique<TokenEndpoint>(*store_, *tokens_, *log_);
    absl::StatusOr<int> port = http_->Bind("127.0.0.1", 0, std::nullopt);
    ASSERT_TRUE(port.ok()) << port.status();
    http_->Start(MakeAuthDiscovery(absl::StrCat("http://127.0.0.1:", *port)));
    client_ = std::make_unique<httplib::Client>("127.0.0.1", *port);
    client_->set_connection_timeout(10);
    client_->set_read_timeout(10);
  }
  void TearDown() override {
    client_.reset();
    http_.reset();
    if (log_file_ != nullptr) std::fclose(log_file_);
  }

  httplib::Result Post(const std::string& body,
                       const std::string& authorization) {
    httplib::Headers headers;
    if (!authorization.empty()) headers.emplace("Authorization", authorization);
    return client_->Post("/oauth2/token", headers, body, kForm);
  }
  static std::string GoodBasic() {
    return absl::StrCat("Basic ", absl::Base64Escape(absl::StrCat(
                                      kClientId, ":", kSecret)));
  }
  // Everything logged so far.
  std::string Logs() {
    std::fflush(log_file_);
    std::string out;
    char buf[4096];
    off_t at = 0;
    for (ssize_t n; (n = pread(fileno(log_file_), buf, sizeof buf, at)) > 0;
         at += n) {
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }

  std::FILE* log_file_ = nullptr;
  std::unique_ptr<Logger> log_;
  std::unique_ptr<AppStore> store_;
  std::unique_ptr<TokenIssuer> tokens_;
  std::unique_ptr<TokenEndpoint> http_;
  std::unique_ptr<httplib::Client> client_;
};

// A scope that is not UTF-8 is refused before a token exists: issuing first
// would leave a token whose answer cannot be serialised (an empty 500, no log
// line, the token never delivered). The fuzz corpus keeps this input.
TEST_F(TokenEndpointInProcessTest, InvalidUtf8ScopeIsRejectedBeforeIssuing) {
  httplib::Result r =
      Post("grant_type=client_credentials&scope=%E6", GoodBasic());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  const nlohmann::json body = nlohmann::json::parse(r->body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << r->body;
  EXPECT_EQ(body["error"], "invalid_scope");
  EXPECT_EQ(tokens_->size(), 0u) << "no token may be issued";
  const std::string logs = Logs();
  EXPECT_THAT(logs, HasSubstr("\"result\":\"invalid_scope\""));
  EXPECT_THAT(logs, HasSubstr("\"status\":400"));
  EXPECT_THAT(logs, Not(HasSubstr(kSecret)));
}

TEST_F(TokenEndpointInProcessTest, ValidScopeIsEchoedAndDefaultsToAll) {
  httplib::Result r =
      Post("grant_type=client_credentials&scope=all+offline", GoodBasic());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json body = nlohmann::json::parse(r->body, nullptr, false);
  EXPECT_EQ(body["scope"], "all offline");
  EXPECT_EQ(body["token_type"], "Bearer");
  ASSERT_TRUE(body["access_token"].is_string());
  absl::StatusOr<TokenInfo> who =
      tokens_->Validate(body["access_token"].get<std::string>());
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->client_id, kClientId);
  EXPECT_THAT(Logs(), Not(HasSubstr(body["access_token"].get<std::string>())));

  r = Post("grant_type=client_credentials", GoodBasic());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  body = nlohmann::json::parse(r->body, nullptr, false);
  EXPECT_EQ(body["scope"], "all");
}

TEST_F(TokenEndpointInProcessTest, GrantIsCheckedOnlyForAuthenticatedClients) {
  const std::string wrong = absl::StrCat(
      "Basic ", absl::Base64Escape(absl::StrCat(kClientId, ":nope")));
  httplib::Result r = Post("grant_type=password", wrong);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_THAT(r->get_header_value("WWW-Authenticate"), HasSubstr("Basic"));
  r = Post("grant_type=password", GoodBasic());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_THAT(r->body, HasSubstr("unsupported_grant_type"));
  EXPECT_EQ(tokens_->size(), 0u);
}

TEST_F(TokenEndpointInProcessTest, UnknownClientIdsAreNotLogged) {
  // A secret pasted as the client_id must not reach the logs.
  const std::string swapped = absl::StrCat(
      "Basic ", absl::Base64Escape(absl::StrCat(kSecret, ":", kClientId)));
  httplib::Result r = Post("grant_type=client_credentials", swapped);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  const std::string logs = Logs();
  EXPECT_THAT(logs, HasSubstr("\"result\":\"invalid_client\""));
  EXPECT_THAT(logs, Not(HasSubstr(kSecret)));
  // A known client that fails is named.
  r = Post("grant_type=client_credentials",
           absl::StrCat("Basic ", absl::Base64Escape(
                                      absl::StrCat(kClientId, ":wrong"))));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_THAT(Logs(), HasSubstr(absl::StrCat("\"client_id\":\"", kClientId)));
}

TEST_F(TokenEndpointInProcessTest, ExpiredSecretIsInvalidClientAndLogged) {
  constexpr char kExpiredId[] = "expired-key";
  constexpr char kExpiredSecret[] = "expiredKeySecret0123456789";  // test-only
  absl::StatusOr<std::string> hash = HashSecret(kExpiredSecret);
  ASSERT_TRUE(hash.ok());
  AppRecord expired;
  expired.client_id = kExpiredId;
  expired.client_name = kExpiredId;
  expired.secret_expires_at_unix_nanos =
      absl::ToUnixNanos(absl::Now() - absl::Seconds(1));
  ASSERT_TRUE(store_->Insert(expired, *hash).ok());
  AppRecord later;
  later.client_id = "later-key";
  later.client_name = "later-key";
  later.secret_expires_at_unix_nanos =
      absl::ToUnixNanos(absl::Now() + absl::Hours(1));
  ASSERT_TRUE(store_->Insert(later, *hash).ok());

  auto basic = [](const char* id, const char* secret) {
    return absl::StrCat("Basic ",
                        absl::Base64Escape(absl::StrCat(id, ":", secret)));
  };
  httplib::Result r = Post("grant_type=client_credentials",
                           basic(kExpiredId, kExpiredSecret));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_THAT(r->get_header_value("WWW-Authenticate"), HasSubstr("Basic"));
  const nlohmann::json body = nlohmann::json::parse(r->body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << r->body;
  EXPECT_EQ(body["error"], "invalid_client");
  EXPECT_THAT(body["error_description"].get<std::string>(),
              HasSubstr("expired"));
  EXPECT_EQ(tokens_->size(), 0u) << "no token may be issued";
  const std::string logs = Logs();
  EXPECT_THAT(logs, HasSubstr("\"result\":\"secret_expired\""));
  EXPECT_THAT(logs, HasSubstr(absl::StrCat("\"client_id\":\"", kExpiredId)));
  EXPECT_THAT(logs, Not(HasSubstr(kExpiredSecret)));

  // A secret that expires later still works.
  r = Post("grant_type=client_credentials", basic("later-key", kExpiredSecret));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
}

}  // namespace
}  // namespace devserver
