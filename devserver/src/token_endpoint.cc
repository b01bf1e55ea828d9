#include "devserver/src/token_endpoint.h"

#include <httplib.h>

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "devserver/src/secret_hash.h"

namespace devserver {
namespace {

constexpr std::size_t kMaxBodyBytes = 64 * 1024;
constexpr const char* kJson = "application/json";

struct ClientAuth {
  std::string client_id;
  std::string client_secret;
};

void SendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_header("Pragma", "no-cache");
  res.set_content(body.dump(), kJson);
}

void SendError(httplib::Response& res, int status, absl::string_view error,
               absl::string_view description) {
  if (status == 401) {
    res.set_header("WWW-Authenticate", "Basic realm=\"union-devserver\"");
  }
  SendJson(res, status,
           {{"error", std::string(error)},
            {"error_description", std::string(description)}});
}

// Client credentials from "Authorization: Basic base64(id:secret)", each part
// form-urlencoded (RFC 6749 section 2.3.1). nullopt when malformed.
std::optional<ClientAuth> ParseBasic(absl::string_view header) {
  header = absl::StripAsciiWhitespace(header);
  constexpr absl::string_view kScheme = "basic ";
  if (!absl::StartsWithIgnoreCase(header, kScheme)) return std::nullopt;
  std::string decoded;
  if (!absl::Base64Unescape(
          absl::StripAsciiWhitespace(header.substr(kScheme.size())),
          &decoded)) {
    return std::nullopt;
  }
  const std::size_t colon = decoded.find(':');
  if (colon == std::string::npos) return std::nullopt;
  ClientAuth auth{httplib::detail::decode_url(decoded.substr(0, colon), true),
                  httplib::detail::decode_url(decoded.substr(colon + 1), true)};
  if (auth.client_id.empty() || auth.client_secret.empty()) return std::nullopt;
  return auth;
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
  auto outcome = [&](absl::string_view result, absl::string_view client_id) {
    nlohmann::json fields = {{"http", "POST /oauth2/token"},
                             {"status", res.status},
                             {"result", std::string(result)}};
    if (!client_id.empty()) fields["client_id"] = std::string(client_id);
    log_.Log(res.status == 200 ? LogLevel::kInfo : LogLevel::kWarn,
             "token request", std::move(fields));
  };
  if (!absl::StartsWithIgnoreCase(req.get_header_value("Content-Type"),
                                  "application/x-www-form-urlencoded")) {
    SendError(res, 400, "invalid_request",
              "the body must be application/x-www-form-urlencoded");
    return outcome("invalid_request", "");
  }
  httplib::Params form;
  httplib::detail::parse_query_text(req.body, form);
  auto field = [&form](const std::string& name) -> std::string {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
  };

  // Client authentication: HTTP Basic, or client_secret_post, not both.
  std::optional<ClientAuth> auth;
  const bool has_header = req.has_header("Authorization");
  const bool has_post = form.count("client_secret") > 0;
  if (has_header && has_post) {
    SendError(res, 400, "invalid_request",
              "use one client authentication method");
    return outcome("invalid_request", "");
  }
  if (has_header) {
    auth = ParseBasic(req.get_header_value("Authorization"));
  } else if (has_post && !field("client_id").empty()) {
    auth = ClientAuth{field("client_id"), field("client_secret")};
  }
  if (!auth.has_value()) {
    SendError(
        res, 401, "invalid_client",
        "client authentication failed: send HTTP Basic client credentials");
    return outcome("invalid_client", "");
  }
  absl::StatusOr<ClientCredentials> stored =
      store_.GetCredentials(auth->client_id);
  if (!stored.ok() && !absl::IsNotFound(stored.status())) {
    SendError(res, 503, "temporarily_unavailable",
              "the credential store failed");
    return outcome("store_error", auth->client_id);
  }
  if (!stored.ok() || !VerifySecret(auth->client_secret, stored->secret_hash)) {
    SendError(res, 401, "invalid_client", "client authentication failed");
    return outcome("invalid_client", auth->client_id);
  }

  const std::string grant_type = field("grant_type");
  if (grant_type.empty()) {
    SendError(res, 400, "invalid_request", "grant_type is required");
    return outcome("invalid_request", auth->client_id);
  }
  if (grant_type != "client_credentials") {
    SendError(res, 400, "unsupported_grant_type",
              "only grant_type=client_credentials is supported");
    return outcome("unsupported_grant_type", auth->client_id);
  }
  TokenInfo who;
  who.client_id = auth->client_id;
  who.organization = stored->organization;
  absl::StatusOr<IssuedToken> token = tokens_.Issue(who);
  if (!token.ok()) {
    SendError(res, 500, "server_error", "cannot issue a token");
    return outcome("server_error", auth->client_id);
  }
  const std::string scope = field("scope");
  SendJson(res, 200,
           {{"access_token", token->access_token},
            {"token_type", "Bearer"},
            {"expires_in", absl::ToInt64Seconds(token->expires_in)},
            {"scope", scope.empty() ? std::string("all") : scope}});
  outcome("issued", auth->client_id);
}

}  // namespace devserver
