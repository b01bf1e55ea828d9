// The in-process fake of Union.
#include "fake_union.h"

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/timestamp.pb.h"
#include "http_test_server.h"

namespace unionc::testing {
namespace {

namespace id = cloudidl::identity;
using grpc::ServerContext;
using grpc::Status;
using grpc::StatusCode;

Status CheckToken(FakeState& s, ServerContext* ctx) {
  const auto& md = ctx->client_metadata();
  auto it = md.find(s.metadata_key);
  std::string value =
      it == md.end() ? "" : std::string(it->second.data(), it->second.size());
  if (!absl::StartsWith(value, "Bearer ")) {
    ++s.unauthenticated;
    return Status(StatusCode::UNAUTHENTICATED, "missing bearer token");
  }
  std::string token = value.substr(7);
  absl::MutexLock l(&s.mu);
  s.seen_tokens.push_back(token);
  if (s.reject_all_tokens || !s.valid_tokens.count(token)) {
    ++s.unauthenticated;
    return Status(StatusCode::UNAUTHENTICATED, "invalid or expired token");
  }
  return Status::OK;
}

class Apps final : public id::AppsService::Service {
 public:
  explicit Apps(FakeState& s) : s_(s) {}

  Status Create(ServerContext* ctx, const id::CreateAppRequest* req,
                id::CreateAppResponse* resp) override {
    ++s_.create_calls;
    if (Status st = CheckToken(s_, ctx); !st.ok()) return st;
    if (req->client_id().empty() || req->client_name().empty()) {
      return Status(StatusCode::INVALID_ARGUMENT,
                    "client_id and client_name are required");
    }
    absl::MutexLock l(&s_.mu);
    s_.last_create = *req;
    if (s_.apps.count(req->client_id())) {
      return Status(StatusCode::ALREADY_EXISTS, "app already exists");
    }
    id::App app;
    app.set_organization(req->organization());
    app.set_client_id(req->client_id());
    app.mutable_client_id_issued_at()->set_seconds(1700000000);
    *app.mutable_redirect_uris() = req->redirect_uris();
    *app.mutable_response_types() = req->response_types();
    *app.mutable_grant_types() = req->grant_types();
    app.set_application_type(req->application_type());
    *app.mutable_contacts() = req->contacts();
    app.set_client_name(req->client_name());
    app.set_token_endpoint_auth_method(req->token_endpoint_auth_method());
    s_.apps[req->client_id()] = app;
    if (s_.fail_create_after_commit > 0) {
      --s_.fail_create_after_commit;
      return Status(StatusCode::UNAVAILABLE, "backend went away after commit");
    }
    *resp->mutable_app() = app;
    resp->mutable_app()->set_client_secret(
        absl::StrCat("generated-secret-", ++s_.next_secret, "-abcdef"));
    return Status::OK;
  }

  Status Get(ServerContext* ctx, const id::GetAppRequest* req,
             id::GetAppResponse* resp) override {
    ++s_.get_calls;
    if (Status st = CheckToken(s_, ctx); !st.ok()) return st;
    if (s_.fail_get > 0) {
      --s_.fail_get;
      return Status(StatusCode::UNAVAILABLE, "transient failure");
    }
    absl::MutexLock l(&s_.mu);
    id::App* app = Find(req->client_id());
    if (app == nullptr) return Status(StatusCode::NOT_FOUND, "app not found");
    *resp->mutable_app() = *app;
    return Status::OK;
  }

  Status Update(ServerContext* ctx, const id::UpdateAppRequest* req,
                id::UpdateAppResponse* resp) override {
    ++s_.update_calls;
    if (Status st = CheckToken(s_, ctx); !st.ok()) return st;
    absl::MutexLock l(&s_.mu);
    id::App* found = Find(req->client_id());
    if (found == nullptr) return Status(StatusCode::NOT_FOUND, "app not found");
    id::App& app = *found;  // a full replace of the mutable fields
    *app.mutable_redirect_uris() = req->redirect_uris();
    *app.mutable_response_types() = req->response_types();
    *app.mutable_grant_types() = req->grant_types();
    app.set_application_type(req->application_type());
    *app.mutable_contacts() = req->contacts();
    app.set_client_name(req->client_name());
    app.set_logo_uri(req->logo_uri());
    app.set_client_uri(req->client_uri());
    app.set_policy_uri(req->policy_uri());
    app.set_tos_uri(req->tos_uri());
    app.set_jwks_uri(req->jwks_uri());
    app.set_token_endpoint_auth_method(req->token_endpoint_auth_method());
    *resp->mutable_app() = app;
    return Status::OK;
  }

  Status Delete(ServerContext* ctx, const id::DeleteAppRequest* req,
                id::DeleteAppResponse*) override {
    ++s_.delete_calls;
    if (Status st = CheckToken(s_, ctx); !st.ok()) return st;
    absl::MutexLock l(&s_.mu);
    if (s_.apps.erase(req->client_id()) == 0) {
      return Status(StatusCode::NOT_FOUND, "app not found");
    }
    return Status::OK;
  }

  Status List(ServerContext* ctx, const id::ListAppsRequest* req,
              id::ListAppsResponse* resp) override {
    ++s_.list_calls;
    if (Status st = CheckToken(s_, ctx); !st.ok()) return st;
    absl::MutexLock l(&s_.mu);
    uint32_t limit = req->request().limit() == 0 ? 100 : req->request().limit();
    s_.list_limits.push_back(req->request().limit());
    std::string filters;
    for (const cloudidl::common::Filter& f : req->request().filters()) {
      absl::StrAppend(&filters, filters.empty() ? "" : "; ",
                      cloudidl::common::Filter::Function_Name(f.function()),
                      " ", f.field(), "=", absl::StrJoin(f.values(), ","));
    }
    s_.list_filters.push_back(filters);
    auto matches = [&](const id::App& app) {
      if (s_.ignore_list_filters) return true;
      for (const cloudidl::common::Filter& f : req->request().filters()) {
        if (f.function() != cloudidl::common::Filter::CONTAINS ||
            f.field() != "client_id") {
          continue;
        }
        for (const std::string& v : f.values()) {
          if (!absl::StrContains(app.client_id(), v)) return false;
        }
      }
      return true;
    };
    auto it = req->request().token().empty()
                  ? s_.apps.begin()
                  : s_.apps.upper_bound(req->request().token());
    for (; it != s_.apps.end() &&
           static_cast<uint32_t>(resp->apps_size()) < limit;
         ++it) {
      if (matches(it->second)) *resp->add_apps() = it->second;
    }
    if (it != s_.apps.end() && resp->apps_size() > 0) {
      resp->set_token(resp->apps(resp->apps_size() - 1).client_id());
    }
    return Status::OK;
  }

 private:
  // The stored app `client_id`, or null; s_.mu is held.
  id::App* Find(const std::string& client_id) {
    auto it = s_.apps.find(client_id);
    return it == s_.apps.end() ? nullptr : &it->second;
  }

  FakeState& s_;
};

class Auth final : public flyteidl::service::AuthMetadataService::Service {
 public:
  Auth(FakeState& s, std::string token_url)
      : s_(s), token_url_(std::move(token_url)) {}
  Status GetOAuth2Metadata(
      ServerContext*, const flyteidl::service::OAuth2MetadataRequest*,
      flyteidl::service::OAuth2MetadataResponse* resp) override {
    resp->set_issuer("fake");
    resp->set_token_endpoint(token_url_);
    return Status::OK;
  }
  Status GetPublicClientConfig(
      ServerContext*, const flyteidl::service::PublicClientAuthConfigRequest*,
      flyteidl::service::PublicClientAuthConfigResponse* resp) override {
    resp->add_scopes("all");
    resp->add_scopes("offline");
    resp->set_audience("fake-audience");
    // Served in mixed case: the client must lower-case it.
    std::string key = s_.metadata_key;
    if (!key.empty()) key[0] = static_cast<char>(std::toupper(key[0]));
    resp->set_authorization_metadata_key(key);
    return Status::OK;
  }

 private:
  FakeState& s_;
  std::string token_url_;
};

class Identity final : public flyteidl::service::IdentityService::Service {
 public:
  explicit Identity(FakeState& s) : s_(s) {}
  Status UserInfo(ServerContext* ctx, const flyteidl::service::UserInfoRequest*,
                  flyteidl::service::UserInfoResponse* resp) override {
    if (Status st = CheckToken(s_, ctx); !st.ok()) return st;
    resp->set_subject("admin");
    (*resp->mutable_additional_claims()->mutable_fields())["userhandle"]
        .set_string_value("jdoe");
    return Status::OK;
  }

 private:
  FakeState& s_;
};

}  // namespace

FakeUnion::FakeUnion() : state_(std::make_unique<FakeState>()) {
  FakeState& s = *state_;
  http_.Post("/oauth2/token", [&s](const httplib::Request& req,
                                   httplib::Response& res) {
    ++s.token_requests;
    {
      absl::MutexLock l(&s.mu);
      s.last_token_form = req.body;
    }
    std::string expected =
        "Basic " + absl::Base64Escape(s.client_id + ":" + s.client_secret);
    switch (s.token_mode.load()) {
      case TokenMode::k401:
        res.status = 401;
        res.set_content(
            R"({"error":"invalid_client","error_description":"bad secret )" +
                s.client_secret + "\"}",
            "application/json");
        return;
      case TokenMode::k500:
        res.status = 500;
        res.set_content("internal error for " + s.client_secret, "text/plain");
        return;
      case TokenMode::kGarbage:
        res.status = 200;
        res.set_content("<html>not json " + s.client_secret, "text/html");
        return;
      case TokenMode::kOk:
        break;
    }
    if (req.get_header_value("Authorization") != expected ||
        req.get_param_value("grant_type") != "client_credentials") {
      res.status = 401;
      res.set_content(R"({"error":"invalid_client"})", "application/json");
      return;
    }
    std::string token;
    {
      absl::MutexLock l(&s.mu);
      token = absl::StrCat("fake-access-token-", ++s.next_token);
      s.valid_tokens.insert(token);
    }
    res.set_content(absl::StrCat(R"({"access_token":")", token,
                                 R"(","token_type":"bearer","expires_in":)",
                                 s.expires_in, "}"),
                    "application/json");
  });
  http_.Get("/.well-known/oauth-authorization-server",
            [this](const httplib::Request&, httplib::Response& res) {
              res.set_content(
                  absl::StrCat(R"({"issuer":"fake","token_endpoint":"http://)",
                               http_endpoint(), R"(/oauth2/token"})"),
                  "application/json");
            });
  http_.Get("/config/v1/flyte_client", [](const httplib::Request&,
                                          httplib::Response& res) {
    res.set_content(
        R"({"client_id":"cli","scopes":["from-http"],"audience":"http-aud",)"
        R"("authorization_metadata_key":"Authorization"})",
        "application/json");
  });
  http_port_ = http_.bind_to_any_port("127.0.0.1");
  http_thread_ = std::thread([this] { http_.listen_after_bind(); });
  // A stop() before the loop starts would be lost (see WaitUntilRunning).
  WaitUntilRunning(http_);

  apps_ = std::make_unique<Apps>(s);
  auth_ = std::make_unique<Auth>(
      s, absl::StrCat("http://127.0.0.1:", http_port_, "/oauth2/token"));
  identity_ = std::make_unique<Identity>(s);
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                           &grpc_port_);
  builder.RegisterService(apps_.get());
  builder.RegisterService(auth_.get());
  builder.RegisterService(identity_.get());
  server_ = builder.BuildAndStart();
}

void FakeUnion::StopGrpc() {
  server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
  server_->Wait();
}

FakeUnion::~FakeUnion() {
  server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
  http_.stop();
  if (http_thread_.joinable()) http_thread_.join();
}

std::string FakeUnion::endpoint() const {
  return absl::StrCat("127.0.0.1:", grpc_port_);
}

std::string FakeUnion::http_endpoint() const {
  return absl::StrCat("127.0.0.1:", http_port_);
}

std::string FakeUnion::api_key() const {
  return absl::Base64Escape(absl::StrCat(endpoint(), ":", state_->client_id,
                                         ":", state_->client_secret, ":None"));
}

}  // namespace unionc::testing
