// union-devserver with --tls-cert/--tls-key: TLS on both ports, https token
// endpoint in the discovery data. The certificate is made at test time.
#include <httplib.h>

#include <fstream>
#include <iterator>
#include <string>

#include "absl/strings/str_cat.h"
#include "devserver/tests/test_client.h"
#include "flyteidl/service/auth.grpc.pb.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "support/self_signed_cert.h"

namespace devserver::testing {
namespace {

namespace pb = ::cloudidl::identity;

TEST(TlsTest, BothPortsServeTls) {
  TempDir dir;
  const std::string cert = dir.path() + "/cert.pem";
  const std::string key = dir.path() + "/key.pem";
  ASSERT_TRUE(tfpu::WriteSelfSignedCert(cert, key));
  std::string cert_pem;
  {
    std::ifstream in(cert);
    cert_pem.assign(std::istreambuf_iterator<char>(in),
                    std::istreambuf_iterator<char>());
  }
  ASSERT_FALSE(cert_pem.empty());
  const std::string key_file = dir.path() + "/admin.key";
  auto server =
      DevServerProcess::Start({"--db", ":memory:", "--tls-cert", cert,
                               "--tls-key", key, "--admin-key-file", key_file},
                              dir.path());
  ASSERT_TRUE(server.ok()) << server.status();
  auto admin = ReadAdminKey(key_file);
  ASSERT_TRUE(admin.ok());

  // HTTPS token endpoint, verified against our certificate.
  httplib::SSLClient https("127.0.0.1", (*server)->http_port());
  https.set_ca_cert_path(cert.c_str());
  https.enable_server_certificate_verification(true);
  https.set_connection_timeout(5, 0);
  https.set_read_timeout(10, 0);
  https.set_basic_auth(admin->client_id.c_str(), admin->secret.c_str());
  auto reply = https.Post("/oauth2/token", "grant_type=client_credentials",
                          "application/x-www-form-urlencoded");
  ASSERT_TRUE(reply) << httplib::to_string(reply.error());
  ASSERT_EQ(reply->status, 200);
  const std::string token =
      nlohmann::json::parse(reply->body)["access_token"].get<std::string>();
  // Plain HTTP is not served on the TLS port.
  EXPECT_NE(PostToken((*server)->http_port(),
                      BasicAuth(admin->client_id, admin->secret),
                      "grant_type=client_credentials")
                .status,
            200);

  // gRPC over TLS.
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = cert_pem;
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride("localhost");
  auto channel = grpc::CreateCustomChannel((*server)->endpoint(),
                                           grpc::SslCredentials(ssl), args);
  auto auth = flyteidl::service::AuthMetadataService::NewStub(channel);
  grpc::ClientContext meta_ctx;
  Prepare(meta_ctx, "");
  flyteidl::service::OAuth2MetadataResponse meta;
  ASSERT_TRUE(auth->GetOAuth2Metadata(&meta_ctx, {}, &meta).ok());
  EXPECT_EQ(meta.token_endpoint(),
            absl::StrCat("https://127.0.0.1:", (*server)->http_port(),
                         "/oauth2/token"));
  auto apps = pb::AppsService::NewStub(channel);
  grpc::Status s = GetApp(*apps, token, "", admin->client_id);
  EXPECT_TRUE(s.ok()) << s.error_message();
}

TEST(TlsTest, UnreadableCertificateFailsToStart) {
  TempDir dir;
  const std::string cert = dir.path() + "/cert.pem";
  { std::ofstream(cert) << "not a certificate"; }
  auto server = DevServerProcess::Start(
      {"--db", ":memory:", "--tls-cert", cert, "--tls-key", cert}, dir.path(),
      absl::Seconds(20));
  EXPECT_FALSE(server.ok());
}

}  // namespace
}  // namespace devserver::testing
