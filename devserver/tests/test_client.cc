#include "devserver/tests/test_client.h"

#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "devserver/src/credentials_codec.h"
#include "devserver/tests/reference_request.h"
#include "nlohmann/json.hpp"

namespace devserver::testing {

namespace pb = ::cloudidl::identity;

namespace {
void Configure(httplib::Client& client) {
  client.set_connection_timeout(5, 0);
  client.set_read_timeout(10, 0);
  client.set_write_timeout(10, 0);
}
}  // namespace

HttpReply PostToken(int http_port, const std::string& authorization,
                    const std::string& body, const std::string& content_type) {
  httplib::Client client("127.0.0.1", http_port);
  Configure(client);
  httplib::Headers headers;
  if (!authorization.empty()) headers.emplace("Authorization", authorization);
  httplib::Result r =
      client.Post("/oauth2/token", headers, body, content_type.c_str());
  if (!r) return {};
  return {r->status, r->body, r->get_header_value("WWW-Authenticate")};
}

HttpReply HttpGet(int http_port, const std::string& path) {
  httplib::Client client("127.0.0.1", http_port);
  Configure(client);
  httplib::Result r = client.Get(path.c_str());
  if (!r) return {};
  return {r->status, r->body, ""};
}

std::string BasicAuth(const std::string& client_id, const std::string& secret) {
  return absl::StrCat("Basic ",
                      absl::Base64Escape(absl::StrCat(client_id, ":", secret)));
}

absl::StatusOr<std::string> FetchToken(int http_port,
                                       const std::string& client_id,
                                       const std::string& secret) {
  HttpReply reply = PostToken(http_port, BasicAuth(client_id, secret),
                              "grant_type=client_credentials&scope=all");
  if (reply.status != 200) {
    return absl::PermissionDeniedError(
        absl::StrCat("token endpoint answered ", reply.status));
  }
  nlohmann::json j = nlohmann::json::parse(reply.body, nullptr, false);
  if (!j.is_object() || !j.contains("access_token")) {
    return absl::InternalError("token response without access_token");
  }
  return j["access_token"].get<std::string>();
}

absl::StatusOr<Credentials> ReadAdminKey(const std::string& key_file) {
  absl::StatusOr<std::string> text = ReadKeyFile(key_file);
  if (!text.ok()) return text.status();
  return DecodeCredentialsForTest(*text);
}

absl::StatusOr<Credentials> DecodeCredentialsForTest(
    const std::string& encoded) {
  absl::StatusOr<EncodedCredentials> key = DecodeCredentials(encoded);
  if (!key.ok()) return key.status();
  return Credentials{key->client_id, key->client_secret, key->endpoint};
}

std::shared_ptr<grpc::Channel> Channel(const std::string& endpoint) {
  return grpc::CreateChannel(endpoint, grpc::InsecureChannelCredentials());
}

void Prepare(grpc::ClientContext& ctx, const std::string& token) {
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  if (!token.empty())
    ctx.AddMetadata("authorization", absl::StrCat("Bearer ", token));
}

grpc::Status GetApp(cloudidl::identity::AppsService::Stub& apps,
                    const std::string& token, const std::string& org,
                    const std::string& id, cloudidl::identity::App* out) {
  cloudidl::identity::GetAppResponse response;
  grpc::Status s = CallApps(
      apps, &cloudidl::identity::AppsService::Stub::Get, token,
      AppRequest<cloudidl::identity::GetAppRequest>(org, id), &response);
  if (out != nullptr) *out = response.app();
  return s;
}

void DevServerTest::SetUp() {
  key_file_ = dir_.path() + "/admin.key";
  std::vector<std::string> args = {"--db", ":memory:", "--admin-key-file",
                                   key_file_};
  for (std::string& a : ServerArgs()) args.push_back(std::move(a));
  auto server = DevServerProcess::Start(args, dir_.path());
  ASSERT_TRUE(server.ok()) << server.status();
  server_ = *std::move(server);
  auto admin = ReadAdminKey(key_file_);
  ASSERT_TRUE(admin.ok()) << admin.status();
  admin_ = *admin;
  auto token =
      FetchToken(server_->http_port(), admin_.client_id, admin_.secret);
  ASSERT_TRUE(token.ok()) << token.status();
  token_ = *token;
  channel_ = Channel(server_->endpoint());
  apps_ = pb::AppsService::NewStub(channel_);
}

void DevServerTest::TearDown() {
  if (server_ != nullptr) {
    EXPECT_TRUE(server_->Alive()) << "the server died; logs:\n"
                                  << server_->logs();
    // stderr is JSON lines only, library messages included.
    for (absl::string_view line :
         absl::StrSplit(server_->logs(), '\n', absl::SkipEmpty())) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      EXPECT_TRUE(j.is_object() && j.contains("@message")) << line;
    }
  }
}

grpc::Status DevServerTest::CreateKey(const std::string& org,
                                      const std::string& id,
                                      pb::CreateAppResponse* out) {
  return AdminCall(&pb::AppsService::Stub::Create,
                   ReferenceCreateRequest(org, id), out);
}

std::vector<std::string> DevServerTest::ListAll(const std::string& org,
                                                unsigned page_size) {
  std::vector<std::string> ids;
  std::string token;
  for (int pages = 0; pages < 10000; ++pages) {
    pb::ListAppsRequest request;
    request.set_organization(org);
    request.mutable_request()->set_limit(page_size);
    request.mutable_request()->set_token(token);
    pb::ListAppsResponse response;
    grpc::ClientContext ctx;
    Authorize(ctx);
    grpc::Status s = apps_->List(&ctx, request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    if (!s.ok()) break;
    for (const auto& app : response.apps()) ids.push_back(app.client_id());
    token = response.token();
    if (token.empty()) break;
  }
  return ids;
}

}  // namespace devserver::testing
