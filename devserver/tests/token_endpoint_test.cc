// The HTTP token endpoint, the discovery documents and the public gRPC auth
// RPCs of a spawned union-devserver.
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "devserver/tests/test_client.h"
#include "flyteidl/service/auth.grpc.pb.h"
#include "flyteidl/service/identity.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace devserver::testing {
namespace {

using ::testing::HasSubstr;
namespace fs = ::flyteidl::service;

constexpr const char* kGrant = "grant_type=client_credentials";

nlohmann::json Json(const std::string& body) {
  return nlohmann::json::parse(body, nullptr, false);
}

class TokenEndpointTest : public DevServerTest {};

TEST_F(TokenEndpointTest, IssuesBearerTokens) {
  HttpReply r = PostToken(server_->http_port(),
                          BasicAuth(admin_.client_id, admin_.secret),
                          "grant_type=client_credentials&scope=all&audience=x");
  ASSERT_EQ(r.status, 200) << r.body;
  nlohmann::json j = Json(r.body);
  EXPECT_EQ(j["token_type"], "Bearer");
  EXPECT_EQ(j["expires_in"], 3600);
  EXPECT_GE(j["access_token"].get<std::string>().size(), 40u);
  EXPECT_NE(j["access_token"], token_);
}

TEST_F(TokenEndpointTest, WrongSecretIsInvalidClient) {
  HttpReply r =
      PostToken(server_->http_port(),
                BasicAuth(admin_.client_id, admin_.secret + "x"), kGrant);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(Json(r.body)["error"], "invalid_client");
  EXPECT_THAT(r.www_authenticate, HasSubstr("Basic"));
  r = PostToken(server_->http_port(),
                BasicAuth("no-such-client", admin_.secret), kGrant);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(Json(r.body)["error"], "invalid_client");
}

TEST_F(TokenEndpointTest, MalformedBasicHeadersAreRejected) {
  const std::string headers[] = {
      "",                                              // none
      "Basic",                                         // no credentials
      "Basic !!!garbage***",                           // bad base64
      "Basic " + absl::Base64Escape("no-colon-here"),  // no colon
      "Basic " + absl::Base64Escape(":secret-only"),   // empty id
      "Bearer " + std::string("abc"),                  // wrong scheme
      std::string(2000, 'x'),
  };
  for (const std::string& h : headers) {
    HttpReply r = PostToken(server_->http_port(), h, kGrant);
    EXPECT_TRUE(r.status == 400 || r.status == 401) << h << " -> " << r.status;
    EXPECT_EQ(Json(r.body)["error"], "invalid_client") << h;
  }
}

TEST_F(TokenEndpointTest, CredentialsAreUrlDecoded) {
  std::string encoded_id;
  for (char c : admin_.client_id) {
    encoded_id += c == '-' ? std::string("%2D") : std::string(1, c);
  }
  HttpReply r = PostToken(server_->http_port(),
                          BasicAuth(encoded_id, admin_.secret), kGrant);
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(TokenEndpointTest, ClientSecretPostIsAccepted) {
  HttpReply r = PostToken(server_->http_port(), "",
                          absl::StrCat(kGrant, "&client_id=", admin_.client_id,
                                       "&client_secret=", admin_.secret));
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(TokenEndpointTest, GrantTypeChecks) {
  const std::string auth = BasicAuth(admin_.client_id, admin_.secret);
  HttpReply r = PostToken(server_->http_port(), auth, "grant_type=password");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Json(r.body)["error"], "unsupported_grant_type");
  r = PostToken(server_->http_port(), auth, "scope=all");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Json(r.body)["error"], "invalid_request");
}

TEST_F(TokenEndpointTest, GarbageBodiesAreBadRequests) {
  const std::string auth = BasicAuth(admin_.client_id, admin_.secret);
  HttpReply r = PostToken(server_->http_port(), auth,
                          std::string("\x00\xff\x01=&&=%zz", 10));
  EXPECT_EQ(r.status, 400);
  r = PostToken(server_->http_port(), auth,
                R"({"grant_type":"client_credentials"})", "application/json");
  EXPECT_EQ(r.status, 400);
  r = PostToken(server_->http_port(), auth, std::string(200 * 1024, 'a'));
  EXPECT_GE(r.status, 400);
  // Still serving.
  EXPECT_EQ(PostToken(server_->http_port(), auth, kGrant).status, 200);
}

// A scope that is not UTF-8 (or not RFC 6749 scope tokens) is refused with a
// JSON error and a log line; echoing it into the JSON answer would make the
// serialisation fail after the token was issued.
TEST_F(TokenEndpointTest, InvalidScopesAreRejectedWithJsonAndALogLine) {
  const std::string auth = BasicAuth(admin_.client_id, admin_.secret);
  for (const char* scope : {"%E6", "%C3%A9", "a%22b", "all+", "%FF%FE"}) {
    HttpReply r =
        PostToken(server_->http_port(), auth, absl::StrCat(kGrant, "&scope=", scope));
    EXPECT_EQ(r.status, 400) << scope;
    EXPECT_EQ(Json(r.body)["error"], "invalid_scope") << scope << ": " << r.body;
  }
  HttpReply r = PostToken(server_->http_port(), auth,
                          absl::StrCat(kGrant, "&audience=%E6"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Json(r.body)["error"], "invalid_request") << r.body;
  const std::string logs = server_->logs();
  EXPECT_THAT(logs, HasSubstr("\"result\":\"invalid_scope\""));
  EXPECT_THAT(logs, ::testing::Not(HasSubstr(admin_.secret)));
  // Still serving, and a valid scope is echoed.
  r = PostToken(server_->http_port(), auth,
                absl::StrCat(kGrant, "&scope=all+offline"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r.body)["scope"], "all offline");
}

TEST_F(TokenEndpointTest, RepeatedParametersAreBadRequests) {
  const std::string auth = BasicAuth(admin_.client_id, admin_.secret);
  HttpReply r = PostToken(server_->http_port(), auth,
                          absl::StrCat(kGrant, "&", kGrant));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Json(r.body)["error"], "invalid_request");
}

TEST_F(TokenEndpointTest, DiscoveryDocuments) {
  const std::string token_endpoint =
      absl::StrCat("http://127.0.0.1:", server_->http_port(), "/oauth2/token");
  HttpReply r =
      HttpGet(server_->http_port(), "/.well-known/oauth-authorization-server");
  ASSERT_EQ(r.status, 200);
  nlohmann::json meta = Json(r.body);
  EXPECT_EQ(meta["token_endpoint"], token_endpoint);
  EXPECT_EQ(meta["issuer"],
            absl::StrCat("http://127.0.0.1:", server_->http_port()));
  EXPECT_EQ(meta["grant_types_supported"],
            nlohmann::json::array({"client_credentials"}));
  r = HttpGet(server_->http_port(), "/config/v1/flyte_client");
  ASSERT_EQ(r.status, 200);
  nlohmann::json client = Json(r.body);
  EXPECT_EQ(client["scopes"], nlohmann::json::array({"all"}));
  EXPECT_EQ(client["authorization_metadata_key"], "authorization");
  EXPECT_EQ(client["audience"], "union-devserver");
  EXPECT_FALSE(client["client_id"].get<std::string>().empty());
}

TEST_F(TokenEndpointTest, GrpcAuthMetadataIsPublic) {
  auto stub = fs::AuthMetadataService::NewStub(channel_);
  grpc::ClientContext ctx1;
  Prepare(ctx1, "");
  fs::OAuth2MetadataResponse meta;
  ASSERT_TRUE(stub->GetOAuth2Metadata(&ctx1, {}, &meta).ok());
  EXPECT_EQ(
      meta.token_endpoint(),
      absl::StrCat("http://127.0.0.1:", server_->http_port(), "/oauth2/token"));
  EXPECT_THAT(meta.grant_types_supported(),
              ::testing::Contains("client_credentials"));
  grpc::ClientContext ctx2;
  Prepare(ctx2, "");
  fs::PublicClientAuthConfigResponse config;
  ASSERT_TRUE(stub->GetPublicClientConfig(&ctx2, {}, &config).ok());
  EXPECT_THAT(config.scopes(), ::testing::ElementsAre("all"));
  EXPECT_EQ(config.authorization_metadata_key(), "authorization");
  EXPECT_EQ(config.audience(), "union-devserver");
}

TEST_F(TokenEndpointTest, UserInfoNeedsATokenAndNamesTheClient) {
  auto stub = fs::IdentityService::NewStub(channel_);
  grpc::ClientContext anonymous;
  Prepare(anonymous, "");
  fs::UserInfoResponse info;
  EXPECT_EQ(stub->UserInfo(&anonymous, {}, &info).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  grpc::ClientContext ctx;
  Authorize(ctx);
  ASSERT_TRUE(stub->UserInfo(&ctx, {}, &info).ok());
  EXPECT_EQ(info.subject(), admin_.client_id);
  EXPECT_FALSE(info.additional_claims().fields().contains("userhandle"));
}

class ServerlessUserInfoTest : public DevServerTest {
  std::vector<std::string> ServerArgs() override {
    return {"--serverless-userhandle", "u-12345"};
  }
};

TEST_F(ServerlessUserInfoTest, ReturnsTheUserhandleClaim) {
  auto stub = fs::IdentityService::NewStub(channel_);
  grpc::ClientContext ctx;
  Authorize(ctx);
  fs::UserInfoResponse info;
  ASSERT_TRUE(stub->UserInfo(&ctx, {}, &info).ok());
  ASSERT_TRUE(info.additional_claims().fields().contains("userhandle"));
  EXPECT_EQ(info.additional_claims().fields().at("userhandle").string_value(),
            "u-12345");
}

TEST_F(TokenEndpointTest, TheAdminKeyIsPrintedAndMatchesTheKeyFile) {
  auto printed = DecodeCredentialsForTest(server_->printed_api_key());
  ASSERT_TRUE(printed.ok());
  EXPECT_EQ(printed->client_id, admin_.client_id);
  EXPECT_EQ(printed->secret, admin_.secret);
  EXPECT_EQ(printed->endpoint, server_->endpoint());
  EXPECT_EQ(absl::StrCat("127.0.0.1:", server_->grpc_port()),
            server_->endpoint());
  std::string raw;
  ASSERT_TRUE(absl::Base64Unescape(server_->printed_api_key(), &raw));
  EXPECT_EQ(raw, absl::StrCat(server_->endpoint(), ":", admin_.client_id, ":",
                              admin_.secret, ":None"));
}

}  // namespace
}  // namespace devserver::testing
