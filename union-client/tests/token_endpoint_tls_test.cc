// The TLS rule for discovery and token URLs (docs/design/token-endpoint-tls.md)
// end to end: a TLS server whose discovery advertises an http:// token
// endpoint, and an HTTPS server whose well-known document does. Without
// `insecure` the client refuses the URL before the credentials leave: the
// plaintext listener behind it must see no request at all.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "http_test_server.h"
#include "test_keys.h"
#include "tls_discovery_server.h"
#include "tls_test_cert.h"
#include "union/access_token.h"
#include "union/api_key.h"
#include "union/client.h"
#include "union/config.h"
#include "union/credentials.h"

namespace unionc {
namespace {

using ::testing::HasSubstr;
using testing::HttpTestServer;
using ::testing::Not;
using testing::TempDir;
using testing::TlsDiscoveryServer;
using testing::WriteSelfSignedCert;

constexpr char kSecret[] = "downgrade-test-secret-0987";

// A plaintext HTTP listener that counts every request it receives.
class CountingListener {
 public:
  CountingListener() {
    server_.http().set_pre_routing_handler(
        [this](const httplib::Request&, httplib::Response& res) {
          ++requests_;
          res.set_content(R"({"access_token":"leaked","expires_in":3600})",
                          "application/json");
          return httplib::Server::HandlerResponse::Handled;
        });
    server_.Start();
  }
  std::string token_url() const { return server_.url("/oauth2/token"); }
  int requests() const { return requests_.load(); }

 private:
  HttpTestServer server_;
  std::atomic<int> requests_{0};
};

absl::StatusOr<std::shared_ptr<Client>> TlsClient(const std::string& endpoint,
                                                  const std::string& ca_file) {
  ConfigInputs in;
  in.api_key = testing::EncodedKey(endpoint, "admin", kSecret);
  in.ca_cert_file = ca_file;
  in.timeout = std::chrono::seconds(10);
  in.max_retries = 2;
  absl::StatusOr<ClientConfig> cfg =
      ResolveConfig(in, [](std::string_view) { return std::nullopt; });
  if (!cfg.ok()) return cfg.status();
  cfg->initial_backoff = std::chrono::milliseconds(5);
  return Client::Create(*std::move(cfg));
}

void ExpectRefusal(const absl::Status& st) {
  EXPECT_EQ(st.code(), absl::StatusCode::kFailedPrecondition) << st;
  const std::string msg(st.message());
  EXPECT_THAT(msg, HasSubstr("scheme \"http\""));
  EXPECT_THAT(msg, HasSubstr("insecure"));
  EXPECT_THAT(msg, Not(HasSubstr("/oauth2/token")));
  EXPECT_THAT(msg, Not(HasSubstr(kSecret)));
}

TEST(TokenEndpointTlsTest, GrpcDiscoveryAdvertisingHttpIsRefusedBeforeSending) {
  CountingListener plaintext;
  TlsDiscoveryServer server(plaintext.token_url());
  ASSERT_TRUE(server.ok());
  absl::StatusOr<std::shared_ptr<Client>> client =
      TlsClient(server.endpoint(), server.ca_file());
  ASSERT_TRUE(client.ok()) << client.status();

  absl::StatusOr<ApiKey> got = ApiKeys(*client).Get("x");
  ASSERT_FALSE(got.ok());
  ExpectRefusal(got.status());
  absl::StatusOr<AccessToken> minted = MintAccessToken(**client);
  ASSERT_FALSE(minted.ok());
  ExpectRefusal(minted.status());
  EXPECT_EQ(plaintext.requests(), 0);
}

TEST(TokenEndpointTlsTest,
     WellKnownDocumentAdvertisingHttpIsRefusedBeforeSending) {
  CountingListener plaintext;
  // An HTTPS (HTTP/1.1) server: gRPC discovery fails there, so the client
  // falls back to the well-known document, which advertises http://.
  TempDir dir;
  const std::filesystem::path cert = dir.File("cert.pem");
  const std::filesystem::path key = dir.File("key.pem");
  ASSERT_TRUE(WriteSelfSignedCert(cert, key));
  httplib::SSLServer https(cert.c_str(), key.c_str());
  ASSERT_TRUE(https.is_valid());
  std::atomic<int> documents{0};
  https.Get("/.well-known/oauth-authorization-server",
            [&](const httplib::Request&, httplib::Response& res) {
              ++documents;
              res.set_content(absl::StrCat(R"({"token_endpoint":")",
                                           plaintext.token_url(), R"("})"),
                              "application/json");
            });
  const int port = https.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  std::thread serving([&] { https.listen_after_bind(); });
  testing::WaitUntilRunning(https);

  absl::StatusOr<std::shared_ptr<Client>> client =
      TlsClient(absl::StrCat("127.0.0.1:", port), cert.string());
  ASSERT_TRUE(client.ok()) << client.status();
  absl::Status st = ApiKeys(*client).Get("x").status();
  https.stop();
  serving.join();
  ExpectRefusal(st);
  EXPECT_GE(documents.load(), 1) << "the fallback was not exercised";
  EXPECT_EQ(plaintext.requests(), 0);
}

}  // namespace
}  // namespace unionc
