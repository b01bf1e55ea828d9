#include "devserver/src/token_endpoint.h"

#include <httplib.h>

#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "devserver/src/secret_hash.h"
#include "devserver/src/token_request.h"

namespace devserver {
namespace {

constexpr std::size_t kMaxBodyBytes = 64 * 1024;

// Connection handling. Each connection holds a worker from headers to the
// end of its keep-alive, so slow or idle clients must not be able to take
// them all: enough workers that dozens of slow connections leave room for
// real requests, a per-read timeout that drops silent ones, and a short
// keep-alive.
constexpr std::size_t kWorkers = 64;
constexpr std::chrono::seconds kReadTimeout{5};
constexpr std::chrono::seconds kWriteTimeout{5};
constexpr time_t kKeepAliveSeconds = 2;
constexpr std::size_t kKeepAliveMaxRequests = 100;
constexpr const char* kJson = "application/json";

// Every body carries client input (the scope) or may one day: invalid UTF-8
// is replaced rather than thrown on.
void SendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_header("Pragma", "no-cache");
  res.set_content(
      body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
      kJson);
}

void SendError(httplib::Response& res, const TokenRequestError& e) {
  if (e.http_status == 401) {
    res.set_header("WWW-Authenticate", "Basic realm=\"union-devserver\"");
  }
  SendJson(res, e.http_status,
           {{"error", e.error}, {"error_description", e.description}});
}

}  // namespace

TokenEndpoint::TokenEndpoint(AppStore& store, TokenIssuer& tokens, Logger& log)
    : store_(store), tokens_(tokens), log_(log) {}

TokenEndpoint::~TokenEndpoint() { Stop(); }

absl::StatusOr<int> TokenEndpoint::Bind(const std::string& host, int port,
                                        const std::optional<TlsFiles>& tls) {
  if (tls.has_value()) {
    server_ = std::make_unique<httplib::SSLServer>(tls->cert_path.c_str(),
                                                   tls->key_path.c_str());
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  if (!server_->is_valid()) {
    return absl::InvalidArgumentError("cannot load the TLS certificate or key");
  }
  server_->set_payload_max_length(kMaxBodyBytes);
  server_->new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  server_->set_read_timeout(kReadTimeout);
  server_->set_write_timeout(kWriteTimeout);
  server_->set_keep_alive_timeout(kKeepAliveSeconds);
  server_->set_keep_alive_max_count(kKeepAliveMaxRequests);
  // A handler that throws still answers JSON and leaves a log line (httplib
  // would send an empty 500).
  server_->set_exception_handler(
      [this](const httplib::Request& req, httplib::Response& res,
             std::exception_ptr) {
        SendError(res, {500, "server_error", "internal error"});
        log_.Error("http handler failed", {{"http", req.method + " " + req.path},
                                           {"status", 500}});
      });
  server_->Post("/oauth2/token",
                [this](const httplib::Request& req, httplib::Response& res) {
                  HandleToken(req, res);
                });
  server_->Get("/.well-known/oauth-authorization-server",
               [this](const httplib::Request&, httplib::Response& res) {
                 SendJson(res, 200, OAuth2MetadataJson(discovery_));
               });
  server_->Get("/config/v1/flyte_client",
               [this](const httplib::Request&, httplib::Response& res) {
                 SendJson(res, 200, PublicClientConfigJson(discovery_));
               });
  int bound = port;
  if (port == 0) {
    bound = server_->bind_to_any_port(host);
  } else if (!server_->bind_to_port(host, port)) {
    bound = -1;
  }
  if (bound <= 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen for HTTP on ", host, ":", port));
  }
  return bound;
}

void TokenEndpoint::Start(AuthDiscovery discovery) {
  discovery_ = std::move(discovery);
  thread_ = std::thread([this] { server_->listen_after_bind(); });
}

void TokenEndpoint::Stop() {
  if (server_ != nullptr) server_->stop();
  if (thread_.joinable()) thread_.join();
}

void TokenEndpoint::HandleToken(const httplib::Request& req,
                                httplib::Response& res) {
  // One log line per request. client_id only once the store knows it (an
  // unknown "id" may be a secret pasted in the wrong place).
  std::string known_client_id;
  auto outcome = [&](absl::string_view result) {
    nlohmann::json fields = {{"http", "POST /oauth2/token"},
                             {"status", res.status},
                             {"result", std::string(result)}};
    if (!known_client_id.empty()) fields["client_id"] = known_client_id;
    log_.Log(res.status == 200 ? LogLevel::kInfo : LogLevel::kWarn,
             "token request", std::move(fields));
  };
  auto refuse = [&](const TokenRequestError& e, absl::string_view result) {
    SendError(res, e);
    outcome(result);
  };

  // The whole request is checked before a token exists.
  std::optional<std::string> authorization;
  if (req.has_header("Authorization")) {
    authorization = req.get_header_value("Authorization");
  }
  std::variant<TokenRequest, TokenRequestError> parsed = ParseTokenRequest(
      req.get_header_value("Content-Type"), authorization, req.body);
  if (const auto* e = std::get_if<TokenRequestError>(&parsed)) {
    return refuse(*e, e->error);
  }
  const TokenRequest& request = std::get<TokenRequest>(parsed);

  absl::StatusOr<ClientCredentials> stored =
      store_.GetCredentials(request.client_id);
  if (!stored.ok() && !absl::IsNotFound(stored.status())) {
    return refuse({503, "temporarily_unavailable",
                   "the credential store failed"},
                  "store_error");
  }
  if (stored.ok()) known_client_id = request.client_id;
  if (!stored.ok() ||
      !VerifySecret(request.client_secret, stored->secret_hash)) {
    return refuse({401, "invalid_client", "client authentication failed"},
                  "invalid_client");
  }
  if (stored->secret_expires_at_unix_nanos != 0 &&
      absl::ToUnixNanos(absl::Now()) >= stored->secret_expires_at_unix_nanos) {
    return refuse({401, "invalid_client",
                   "the client secret has expired; create a new API key"},
                  "secret_expired");
  }
  if (std::optional<TokenRequestError> e = CheckGrantType(request.grant_type)) {
    return refuse(*e, e->error);
  }

  TokenInfo who;
  who.client_id = request.client_id;
  who.organization = stored->organization;
  absl::StatusOr<IssuedToken> token = tokens_.Issue(who);
  if (!token.ok()) {
    return refuse({500, "server_error", "cannot issue a token"},
                  "server_error");
  }
  SendJson(res, 200,
           {{"access_token", token->access_token},
            {"token_type", "Bearer"},
            {"expires_in", absl::ToInt64Seconds(token->expires_in)},
            {"scope", request.scope.empty() ? std::string("all")
                                            : request.scope}});
  outcome("issued");
}

}  // namespace devserver
