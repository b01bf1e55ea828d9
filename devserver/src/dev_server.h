// DevServer: the whole union-devserver, wired together and running.
//
//   absl::StatusOr<std::unique_ptr<DevServer>> server =
//   DevServer::Start(options, log); std::cout << "UNION_API_KEY=" <<
//   (*server)->admin_api_key() << "\n";
//   ... wait for a signal ...
//   (*server)->Shutdown();
//
// Start order: open the store, bind HTTP (its port goes into the discovery
// data), start gRPC (builder, port with credentials, register, start), then
// bootstrap the admin key with the bound gRPC port.
#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "devserver/src/logger.h"
#include "devserver/src/options.h"

namespace grpc {
class Server;
}  // namespace grpc

namespace devserver {

class AppStore;
class TokenIssuer;
class FaultInjector;
class TokenEndpoint;
class AppsServiceImpl;
class AuthMetadataServiceImpl;
class IdentityServiceImpl;

class DevServer final {
 public:
  // `log` must outlive the server.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<DevServer>> Start(
      const Options& options, Logger& log);
  ~DevServer();
  DevServer(const DevServer&) = delete;
  DevServer& operator=(const DevServer&) = delete;

  [[nodiscard]] int grpc_port() const { return grpc_port_; }
  [[nodiscard]] int http_port() const { return http_port_; }
  // "host:port" of the gRPC side, as put into API keys.
  [[nodiscard]] const std::string& endpoint() const { return endpoint_; }
  [[nodiscard]] const std::string& http_address() const {
    return http_address_;
  }
  // The admin API key (a secret: print it only where the brief says so).
  [[nodiscard]] const std::string& admin_api_key() const {
    return admin_api_key_;
  }

  // Stops both sides, waiting briefly for calls in flight. Idempotent.
  void Shutdown();

 private:
  explicit DevServer(Logger& log);

  Logger& log_;
  std::unique_ptr<AppStore> store_;
  std::unique_ptr<TokenIssuer> tokens_;
  std::unique_ptr<FaultInjector> faults_;
  std::unique_ptr<TokenEndpoint> http_;
  std::unique_ptr<AppsServiceImpl> apps_;
  std::unique_ptr<AuthMetadataServiceImpl> auth_metadata_;
  std::unique_ptr<IdentityServiceImpl> identity_;
  std::unique_ptr<grpc::Server> grpc_;
  int grpc_port_ = 0;
  int http_port_ = 0;
  std::string endpoint_;
  std::string http_address_;
  std::string admin_api_key_;
};

}  // namespace devserver
