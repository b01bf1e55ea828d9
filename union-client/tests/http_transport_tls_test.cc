// HTTPS through the transport (Boost.Beast) against a cpp-httplib TLS server
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
#include "tls_test_cert.h"

namespace unionc::http_internal {
namespace {

namespace fs = std::filesystem;
using unionc::testing::WriteSelfSignedCert;

class HttpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           absl::StrCat("unionc_tls_", ::getpid(), "_", ++counter_);
    fs::create_directories(dir_);
    cert_ = dir_ / "cert.pem";
    const fs::path key = dir_ / "key.pem";
    ASSERT_TRUE(WriteSelfSignedCert(cert_, key));
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
