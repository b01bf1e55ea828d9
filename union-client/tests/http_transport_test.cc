// Tests of the HTTP transport (Boost.Beast) behind HttpFetch, against
// cpp-httplib test servers.
#include "http_transport.h"

#include <gtest/gtest.h>

#include <atomic>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "http.h"
#include "http_test_server.h"

namespace unionc::http_internal {
namespace {

using std::chrono::milliseconds;
using unionc::testing::HttpTestServer;
using unionc::testing::RawPort;

constexpr char kClientId[] = "client-id-7";
constexpr char kSecret[] = "very-secret-client-secret-42";

std::string ExpectedBasic() {
  return absl::StrCat(
      "Basic ", absl::Base64Escape(absl::StrCat(kClientId, ":", kSecret)));
}

// The request of the token call: POST with a form body and Basic auth.
HttpRequest TokenRequest(std::string url, milliseconds timeout) {
  HttpRequest req;
  req.method = HttpMethod::kPost;
  req.url = std::move(url);
  req.body = FormEncode(
      {{"grant_type", "client_credentials"}, {"scope", "all offline"}});
  req.content_type = std::string(kFormContentType);
  req.headers.emplace_back("Authorization",
                           BasicAuthorization(kClientId, kSecret));
  req.timeout = timeout;
  req.allow_plaintext = true;  // the test servers are plaintext
  return req;
}

void ExpectNoSecret(const absl::Status& status) {
  const std::string basic = ExpectedBasic();
  EXPECT_FALSE(absl::StrContains(status.message(), kSecret)) << status;
  EXPECT_FALSE(absl::StrContains(status.message(), basic.substr(6))) << status;
  EXPECT_FALSE(absl::StrContains(status.message(), "Authorization")) << status;
}

// The error message of a fetch that must fail with `code`; it never shows
// the secret.
std::string FailedFetch(const HttpRequest& req, absl::StatusCode code) {
  absl::StatusOr<HttpResponse> resp = HttpFetch(req);
  if (resp.ok()) {
    ADD_FAILURE() << "the fetch succeeded with HTTP " << resp->status;
    return "";
  }
  EXPECT_EQ(resp.status().code(), code)
      << resp.status().message().substr(0, 300);
  ExpectNoSecret(resp.status());
  return std::string(resp.status().message());
}

class HttpTransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.http().Get(
        "/doc", [](const httplib::Request& req, httplib::Response& res) {
          res.set_header("X-Probe", "probe-value");
          res.set_content(absl::StrCat("{\"accept\":\"",
                                       req.get_header_value("Accept"), "\"}"),
                          "application/json");
        });
    server_.http().Get("/teapot",
                       [](const httplib::Request&, httplib::Response& res) {
                         res.status = 418;
                         res.set_content("short and stout", "text/plain");
                       });
    server_.http().Post(
        "/token", [this](const httplib::Request& req, httplib::Response& res) {
          seen_authorization_ = req.get_header_value("Authorization");
          seen_content_type_ = req.get_header_value("Content-Type");
          seen_body_ = req.body;
          res.set_content("{\"access_token\":\"t\"}", "application/json");
        });
    server_.http().set_pre_routing_handler(
        [this](const httplib::Request&, httplib::Response&) {
          ++requests_;
          return httplib::Server::HandlerResponse::Unhandled;
        });
    server_.http().Get("/hang",
                       [this](const httplib::Request&, httplib::Response& res) {
                         server_.BlockUntilReleased();
                         res.set_content("late", "text/plain");
                       });
    server_.Start();
  }

  HttpTestServer server_;
  std::string seen_authorization_, seen_content_type_, seen_body_;
  std::atomic<int> requests_{0};  // every request that reached the server
};

// The URL rule lives in HttpFetch, in front of the transport (see README
// "HTTP transport"): without allow_plaintext an http:// URL is refused before a
// connection is made, so the Basic credentials never leave in plaintext.
TEST_F(HttpTransportTest, PlaintextUrlIsRefusedBeforeAnythingIsSent) {
  HttpRequest req =
      TokenRequest(server_.url("/token?k=query-value"), milliseconds(10000));
  req.allow_plaintext = false;
  const std::string msg =
      FailedFetch(req, absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(msg, "scheme \"http\"")) << msg;
  EXPECT_TRUE(
      absl::StrContains(msg, absl::StrCat("127.0.0.1:", server_.port())))
      << msg;
  EXPECT_TRUE(absl::StrContains(msg, "insecure")) << msg;
  EXPECT_FALSE(absl::StrContains(msg, "/token")) << msg;
  EXPECT_FALSE(absl::StrContains(msg, "query-value")) << msg;
  EXPECT_EQ(requests_.load(), 0);
  EXPECT_EQ(seen_authorization_, "");

  // The same request with allow_plaintext reaches the server (so the
  // counter above can see requests).
  req.allow_plaintext = true;
  absl::StatusOr<HttpResponse> resp = HttpFetch(req);
  ASSERT_TRUE(resp.ok()) << resp.status();
  EXPECT_EQ(requests_.load(), 1);
}

TEST(UrlSchemeTest, OnlyHttpsUnlessPlaintextIsAllowed) {
  EXPECT_TRUE(CheckUrlScheme("https://h/x", false).ok());
  EXPECT_TRUE(CheckUrlScheme("HTTPS://h/x", false).ok());
  EXPECT_TRUE(CheckUrlScheme("https://h/x", true).ok());
  EXPECT_TRUE(CheckUrlScheme("http://h/x", true).ok());
  EXPECT_TRUE(CheckUrlScheme("HTTP://h/x", true).ok());
  EXPECT_EQ(CheckUrlScheme("HTTP://h/x", false).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(CheckUrlScheme("ftp://h/x", true).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CheckUrlScheme("h/x", true).code(),
            absl::StatusCode::kInvalidArgument);
  // User info, path and query may carry secrets: only the host is named.
  absl::Status st = CheckUrlScheme(
      "http://user:pass-word-1@idp.example:8080/t?code=abc123", false);
  const std::string msg(st.message());
  EXPECT_TRUE(absl::StrContains(msg, "idp.example:8080")) << msg;
  EXPECT_FALSE(absl::StrContains(msg, "pass-word-1")) << msg;
  EXPECT_FALSE(absl::StrContains(msg, "abc123")) << msg;
  EXPECT_FALSE(absl::StrContains(msg, "/t")) << msg;
}

TEST(UrlSchemeTest, UrlForLogDropsUserInfoQueryAndFragment) {
  EXPECT_EQ(UrlForLog("https://u:pw-secret@idp.example/oauth2/token?x=1#f"),
            "https://idp.example/oauth2/token");
  EXPECT_EQ(UrlForLog("http://127.0.0.1:80"), "http://127.0.0.1:80");
  EXPECT_EQ(UrlForLog("no-scheme"), "<URL without a scheme>");
}

TEST_F(HttpTransportTest, GetReturnsStatusBodyAndHeaders) {
  HttpRequest req;
  req.url = server_.url("/doc");
  req.timeout = milliseconds(10000);
  req.allow_plaintext = true;
  absl::StatusOr<HttpResponse> resp = HttpFetch(req);
  ASSERT_TRUE(resp.ok()) << resp.status();
  EXPECT_EQ(resp->status, 200);
  EXPECT_EQ(resp->body, "{\"accept\":\"application/json\"}");
  EXPECT_EQ(resp->Header("x-probe"), "probe-value");
  EXPECT_EQ(resp->Header("X-Probe"), "probe-value");
  EXPECT_EQ(resp->Header("content-type"), "application/json");
  EXPECT_EQ(resp->Header("x-absent"), "");
}

TEST_F(HttpTransportTest, AnyHttpStatusIsAResponse) {
  HttpRequest req;
  req.url = server_.url("/teapot");
  req.allow_plaintext = true;
  absl::StatusOr<HttpResponse> resp = HttpFetch(req);
  ASSERT_TRUE(resp.ok()) << resp.status();
  EXPECT_EQ(resp->status, 418);
  EXPECT_EQ(resp->body, "short and stout");

  req.url = server_.url("/nowhere");
  resp = HttpFetch(req);
  ASSERT_TRUE(resp.ok()) << resp.status();
  EXPECT_EQ(resp->status, 404);
}

TEST_F(HttpTransportTest, PostSendsFormBodyAndBasicAuth) {
  absl::StatusOr<HttpResponse> resp =
      HttpFetch(TokenRequest(server_.url("/token"), milliseconds(10000)));
  ASSERT_TRUE(resp.ok()) << resp.status();
  EXPECT_EQ(resp->status, 200);
  EXPECT_EQ(resp->body, "{\"access_token\":\"t\"}");
  EXPECT_EQ(seen_authorization_, ExpectedBasic());
  EXPECT_EQ(seen_content_type_, "application/x-www-form-urlencoded");
  EXPECT_EQ(seen_body_, "grant_type=client_credentials&scope=all%20offline");
}

TEST_F(HttpTransportTest, HandlerThatNeverAnswersHitsTheTimeout) {
  HttpRequest req = TokenRequest(server_.url("/hang"), milliseconds(300));
  req.method = HttpMethod::kGet;
  const std::string s = FailedFetch(req, absl::StatusCode::kDeadlineExceeded);
  server_.Release();
  EXPECT_TRUE(absl::StrContains(s, "/hang")) << s;
}

TEST(HttpTransportErrorsTest, SilentServerHitsTheTimeout) {
  RawPort silent(/*listen=*/true);
  FailedFetch(TokenRequest(silent.url("/token"), milliseconds(300)),
              absl::StatusCode::kDeadlineExceeded);
}

TEST(HttpTransportErrorsTest, RefusedConnectionIsUnavailable) {
  RawPort closed(/*listen=*/false);
  const std::string s =
      FailedFetch(TokenRequest(closed.url("/token"), milliseconds(10000)),
                  absl::StatusCode::kUnavailable);
  EXPECT_TRUE(absl::StrContains(s, closed.url("/token"))) << s;
}

TEST(HttpTransportErrorsTest, HugeUrlIsShortenedInErrors) {
  RawPort closed(/*listen=*/false);
  const std::string url = closed.url("/" + std::string(10000, 'p'));
  const std::string s = FailedFetch(TokenRequest(url, milliseconds(10000)),
                                    absl::StatusCode::kUnavailable);
  EXPECT_LT(s.size(), 1000u);
  EXPECT_TRUE(absl::StrContains(s, absl::StrCat("(", url.size(), " bytes)")))
      << s.substr(0, 600);
}

TEST(HttpTransportErrorsTest, UnsupportedSchemeIsInvalidArgument) {
  FailedFetch(TokenRequest("ftp://127.0.0.1:1/token", milliseconds(1000)),
              absl::StatusCode::kInvalidArgument);
}

TEST(HttpTransportErrorsTest, MissingCaFileFailsTls) {
  HttpRequest req;
  req.url = "https://127.0.0.1:1/x";
  req.ca_cert_file = "/nonexistent/ca.pem";
  req.timeout = milliseconds(2000);
  FailedFetch(req, absl::StatusCode::kUnavailable);
}

TEST(FormEncodeTest, PercentEncodesAllButUnreserved) {
  EXPECT_EQ(FormEncode({{"a b", "x&y=z/~._-"}, {"k", ""}}),
            "a%20b=x%26y%3Dz%2F~._-&k=");
}

}  // namespace
}  // namespace unionc::http_internal
