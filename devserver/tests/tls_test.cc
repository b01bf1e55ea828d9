// union-devserver with --tls-cert/--tls-key: TLS on both ports, https token
// endpoint in the discovery data. The certificate is made here, in memory.
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "devserver/tests/test_client.h"
#include "flyteidl/service/auth.grpc.pb.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace devserver::testing {
namespace {

namespace pb = ::cloudidl::identity;

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct ExtFree {
  void operator()(X509_EXTENSION* e) const { X509_EXTENSION_free(e); }
};

// Writes a self-signed certificate for localhost and 127.0.0.1 and its key.
bool MakeSelfSigned(const std::string& cert_path, const std::string& key_path,
                    std::string* cert_pem) {
  std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_EC_gen("P-256"));
  std::unique_ptr<X509, X509Free> cert(X509_new());
  if (!key || !cert) return false;
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(
      name, "CN", MBSTRING_ASC,
      reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
  for (const auto& [nid, value] :
       {std::pair{NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"},
        std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
    std::unique_ptr<X509_EXTENSION, ExtFree> ext(
        X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!ext || X509_add_ext(cert.get(), ext.get(), -1) != 1) return false;
  }
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) return false;
  FILE* c = std::fopen(cert_path.c_str(), "w");
  FILE* k = std::fopen(key_path.c_str(), "w");
  const bool ok = c && k && PEM_write_X509(c, cert.get()) == 1 &&
                  PEM_write_PrivateKey(k, key.get(), nullptr, nullptr, 0,
                                       nullptr, nullptr) == 1;
  if (c) std::fclose(c);
  if (k) std::fclose(k);
  std::ifstream in(cert_path);
  cert_pem->assign(std::istreambuf_iterator<char>(in),
                   std::istreambuf_iterator<char>());
  return ok && !cert_pem->empty();
}

TEST(TlsTest, BothPortsServeTls) {
  TempDir dir;
  const std::string cert = dir.path() + "/cert.pem";
  const std::string key = dir.path() + "/key.pem";
  std::string cert_pem;
  ASSERT_TRUE(MakeSelfSigned(cert, key, &cert_pem));
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
