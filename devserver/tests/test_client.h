// Helpers for tests that drive a spawned union-devserver: a temp dir, token
// requests over HTTP, gRPC stubs with a bearer token, and a fixture.
//
//   class MyTest : public DevServerTest {};
//   TEST_F(MyTest, X) {
//     grpc::ClientContext ctx; Authorize(ctx);
//     apps()->Get(&ctx, request, &response);
//   }
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cloudidl/identity/app_service.grpc.pb.h"
#include "devserver/tests/devserver_process.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "support/temp_dir.h"

namespace devserver::testing {

using tfpu::TempDir;

// The answer of an HTTP request.
struct HttpReply {
  int status = 0;  // 0 when the request failed at the transport
  std::string body;
  std::string www_authenticate;
};

// POSTs `body` to /oauth2/token with an optional Authorization header.
HttpReply PostToken(
    int http_port, const std::string& authorization, const std::string& body,
    const std::string& content_type = "application/x-www-form-urlencoded");

// GETs `path`.
HttpReply HttpGet(int http_port, const std::string& path);

// "Basic base64(id:secret)".
std::string BasicAuth(const std::string& client_id, const std::string& secret);

// An access token for the client credentials, via the token endpoint.
absl::StatusOr<std::string> FetchToken(int http_port,
                                       const std::string& client_id,
                                       const std::string& secret);

// client_id and secret from an admin key file.
struct Credentials {
  std::string client_id;
  std::string secret;
  std::string endpoint;
};
absl::StatusOr<Credentials> ReadAdminKey(const std::string& key_file);
absl::StatusOr<Credentials> DecodeCredentialsForTest(
    const std::string& encoded);

// A plaintext channel to host:port.
std::shared_ptr<grpc::Channel> Channel(const std::string& endpoint);

// Sets a 20 s deadline and, when `token` is not empty, the bearer metadata.
void Prepare(grpc::ClientContext& ctx, const std::string& token);

// An AppsService request naming `id` in `org` ("" for the caller's own).
template <typename Request>
Request AppRequest(const std::string& org, const std::string& id) {
  Request request;
  request.set_organization(org);
  request.set_client_id(id);
  return request;
}

// Calls the AppsService `method` with `token` (Prepare's deadline and
// metadata); the answer goes to `response` when it is not null.
//   CallApps(apps, &AppsService::Stub::Delete, token, request);
template <typename Request, typename Response>
grpc::Status CallApps(
    cloudidl::identity::AppsService::Stub& apps,
    grpc::Status (cloudidl::identity::AppsService::Stub::*method)(
        grpc::ClientContext*, const Request&, Response*),
    const std::string& token, const Request& request,
    Response* response = nullptr) {
  Response ignored;
  grpc::ClientContext ctx;
  Prepare(ctx, token);
  return (apps.*method)(&ctx, request, response ? response : &ignored);
}

// AppsService.Get of `id` in `org` ("" for the token's own) with `token`
// (Prepare's deadline); the app goes to `out` when it is not null.
grpc::Status GetApp(cloudidl::identity::AppsService::Stub& apps,
                    const std::string& token, const std::string& org,
                    const std::string& id,
                    cloudidl::identity::App* out = nullptr);

// A fixture running one server (extra args from ServerArgs()) with its admin
// token fetched.
class DevServerTest : public ::testing::Test {
 protected:
  virtual std::vector<std::string> ServerArgs() { return {}; }
  void SetUp() override;
  void TearDown() override;

  cloudidl::identity::AppsService::Stub* apps() { return apps_.get(); }
  void Authorize(grpc::ClientContext& ctx) { Prepare(ctx, token_); }

  // CallApps with the admin token.
  template <typename Request, typename Response>
  grpc::Status AdminCall(
      grpc::Status (cloudidl::identity::AppsService::Stub::*method)(
          grpc::ClientContext*, const Request&, Response*),
      const Request& request, Response* response = nullptr) {
    return CallApps(*apps_, method, token_, request, response);
  }
  // GetApp with the admin token.
  grpc::Status AdminGet(const std::string& org, const std::string& id,
                        cloudidl::identity::App* out = nullptr) {
    return GetApp(*apps_, token_, org, id, out);
  }
  // Create with the reference request shape; returns the status.
  grpc::Status CreateKey(const std::string& org, const std::string& id,
                         cloudidl::identity::CreateAppResponse* out = nullptr);
  // All client_ids of `org`, following page tokens with `page_size`.
  std::vector<std::string> ListAll(const std::string& org, unsigned page_size);

  TempDir dir_;
  std::string key_file_;
  std::unique_ptr<DevServerProcess> server_;
  Credentials admin_;
  std::string token_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<cloudidl::identity::AppsService::Stub> apps_;
};

}  // namespace devserver::testing
