// Test helper: a gRPC server on 127.0.0.1:0 with TLS (a self-signed
// certificate for 127.0.0.1) serving only AuthMetadataService, advertising a
// token endpoint chosen by the test (e.g. an http:// one, to check that the
// client refuses it).
//
//   TlsDiscoveryServer server("http://127.0.0.1:1234/oauth2/token");
//   ASSERT_TRUE(server.ok());
//   config.endpoint = server.endpoint(); config.ca_cert_file =
//   server.ca_file();
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "flyteidl/service/auth.grpc.pb.h"
#include "tls_test_cert.h"

namespace unionc::testing {

class TlsDiscoveryServer {
 public:
  explicit TlsDiscoveryServer(std::string token_url)
      : auth_(std::move(token_url)) {
    const std::filesystem::path cert = dir_.File("cert.pem");
    const std::filesystem::path key = dir_.File("key.pem");
    if (!WriteSelfSignedCert(cert, key)) return;
    ca_file_ = cert.string();
    grpc::SslServerCredentialsOptions ssl;
    ssl.pem_key_cert_pairs.push_back({ReadFile(key), ReadFile(cert)});
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::SslServerCredentials(ssl),
                             &port_);
    builder.RegisterService(&auth_);
    server_ = builder.BuildAndStart();
  }
  ~TlsDiscoveryServer() {
    if (server_) {
      server_->Shutdown(std::chrono::system_clock::now() +
                        std::chrono::seconds(1));
    }
  }
  TlsDiscoveryServer(const TlsDiscoveryServer&) = delete;
  TlsDiscoveryServer& operator=(const TlsDiscoveryServer&) = delete;

  bool ok() const { return server_ != nullptr && port_ > 0; }
  std::string endpoint() const { return absl::StrCat("127.0.0.1:", port_); }
  // PEM file of the server's (self-signed) certificate.
  const std::string& ca_file() const { return ca_file_; }

 private:
  class Auth final : public flyteidl::service::AuthMetadataService::Service {
   public:
    explicit Auth(std::string token_url) : token_url_(std::move(token_url)) {}
    grpc::Status GetOAuth2Metadata(
        grpc::ServerContext*, const flyteidl::service::OAuth2MetadataRequest*,
        flyteidl::service::OAuth2MetadataResponse* resp) override {
      resp->set_issuer("tls-test");
      resp->set_token_endpoint(token_url_);
      return grpc::Status::OK;
    }
    grpc::Status GetPublicClientConfig(
        grpc::ServerContext*,
        const flyteidl::service::PublicClientAuthConfigRequest*,
        flyteidl::service::PublicClientAuthConfigResponse* resp) override {
      resp->add_scopes("all");
      return grpc::Status::OK;
    }

   private:
    std::string token_url_;
  };

  TempDir dir_;
  Auth auth_;
  std::string ca_file_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

}  // namespace unionc::testing
