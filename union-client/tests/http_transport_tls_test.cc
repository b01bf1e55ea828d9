// HTTPS through the compiled-in transport against a cpp-httplib TLS server
// with a self-signed certificate made here: the CA file is honoured, and a
// peer the roots do not vouch for is refused.
#include <gtest/gtest.h>
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "http_transport.h"

namespace unionc::http_internal {
namespace {

namespace fs = std::filesystem;

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct FileClose {
  void operator()(FILE* f) const { std::fclose(f); }
};

// Writes a self-signed P-256 certificate for 127.0.0.1 and its key.
bool WriteSelfSigned(const fs::path& cert_path, const fs::path& key_path) {
  std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_EC_gen("P-256"));
  std::unique_ptr<X509, X509Free> cert(X509_new());
  if (!key || !cert) return false;
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("127.0.0.1"),
                             -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
  for (auto [nid, value] : {std::pair{NID_subject_alt_name, "IP:127.0.0.1"},
                            std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (ext == nullptr) return false;
    X509_add_ext(cert.get(), ext, -1);
    X509_EXTENSION_free(ext);
  }
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) return false;
  std::unique_ptr<FILE, FileClose> c(std::fopen(cert_path.c_str(), "w"));
  std::unique_ptr<FILE, FileClose> k(std::fopen(key_path.c_str(), "w"));
  return c && k && PEM_write_X509(c.get(), cert.get()) == 1 &&
         PEM_write_PrivateKey(k.get(), key.get(), nullptr, nullptr, 0, nullptr,
                              nullptr) == 1;
}

class HttpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           absl::StrCat("unionc_tls_", ::getpid(), "_", ++counter_);
    fs::create_directories(dir_);
    cert_ = dir_ / "cert.pem";
    const fs::path key = dir_ / "key.pem";
    ASSERT_TRUE(WriteSelfSigned(cert_, key));
    server_ = std::make_unique<httplib::SSLServer>(cert_.c_str(), key.c_str());
    ASSERT_TRUE(server_->is_valid());
    server_->Get("/doc", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("{\"tls\":true}", "application/json");
    });
    port_ = server_->bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_->listen_after_bind(); });
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string url() const {
    return absl::StrCat("https://127.0.0.1:", port_, "/doc");
  }

  static inline int counter_ = 0;
  fs::path dir_, cert_;
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(HttpsTest, TrustsThePeerInTheCaFile) {
  HttpRequest req;
  req.url = url();
  req.ca_cert_file = cert_.string();
  req.timeout = std::chrono::milliseconds(10000);
  absl::StatusOr<HttpResponse> resp = HttpFetch(req);
  ASSERT_TRUE(resp.ok()) << resp.status();
  EXPECT_EQ(resp->status, 200);
  EXPECT_EQ(resp->body, "{\"tls\":true}");
}

TEST_F(HttpsTest, RefusesAPeerTheSystemRootsDoNotVouchFor) {
  HttpRequest req;
  req.url = url();
  req.timeout = std::chrono::milliseconds(10000);
  absl::StatusOr<HttpResponse> resp = HttpFetch(req);
  ASSERT_FALSE(resp.ok());
  EXPECT_EQ(resp.status().code(), absl::StatusCode::kUnavailable)
      << resp.status();
}

}  // namespace
}  // namespace unionc::http_internal
