// TokenEndpoint: the HTTP side (cpp-httplib): the OAuth2 token endpoint and
// the discovery documents.
//
//   TokenEndpoint http(store, tokens, log);
//   absl::StatusOr<int> port = http.Bind("127.0.0.1", 0, /*tls=*/std::nullopt);
//   http.Start(MakeAuthDiscovery(...));
//   ...
//   http.Stop();
//
// Routes:
//   POST /oauth2/token  client credentials (HTTP Basic, or client_secret_post),
//                       grant_type=client_credentials, optional scope/audience
//   GET  /.well-known/oauth-authorization-server   RFC 8414 metadata
//   GET  /config/v1/flyte_client                   public client config
//
// Connections are served by a pool of 64 workers with 5 s read and write
// timeouts and a 2 s keep-alive, so a few dozen slow or idle connections
// (a client trickling header bytes) cannot starve real token requests.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "devserver/src/app_store.h"
#include "devserver/src/auth_discovery.h"
#include "devserver/src/logger.h"
#include "devserver/src/token_issuer.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace devserver {

// PEM files for HTTPS.
struct TlsFiles {
  std::string cert_path;
  std::string key_path;
};

class TokenEndpoint final {
 public:
  // The references must outlive this object.
  TokenEndpoint(AppStore& store, TokenIssuer& tokens, Logger& log);
  ~TokenEndpoint();
  TokenEndpoint(const TokenEndpoint&) = delete;
  TokenEndpoint& operator=(const TokenEndpoint&) = delete;

  // Binds `host:port` (port 0 picks one) and returns the bound port.
  [[nodiscard]] absl::StatusOr<int> Bind(const std::string& host, int port,
                                         const std::optional<TlsFiles>& tls);

  // Serves requests on a background thread, describing itself with `discovery`.
  void Start(AuthDiscovery discovery);

  // Stops serving and joins the thread. Idempotent.
  void Stop();

 private:
  void HandleToken(const httplib::Request& req, httplib::Response& res);

  AppStore& store_;
  TokenIssuer& tokens_;
  Logger& log_;
  AuthDiscovery discovery_;  // written before the serving thread starts
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
};

}  // namespace devserver
