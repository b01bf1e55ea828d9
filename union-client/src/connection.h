// Internal: one gRPC channel, its stubs and the token cache for one
// (endpoint, credentials, TLS settings), shared process-wide.
#pragma once

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "cloudidl/identity/app_service.grpc.pb.h"
#include "flyteidl/service/auth.grpc.pb.h"
#include "flyteidl/service/identity.grpc.pb.h"
#include "union/config.h"
#include "union/token_source.h"

namespace unionc::client_internal {

class Connection {
 public:
  // Returns the live connection for this configuration's endpoint, key and
  // TLS settings, creating it when none exists. Thread-safe.
  [[nodiscard]] static absl::StatusOr<std::shared_ptr<Connection>> GetOrCreate(
      const ClientConfig& config);

  Connection(const ClientConfig& config,
             std::shared_ptr<grpc::ChannelCredentials> channel_credentials);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  grpc::Channel& channel() { return *channel_; }
  cloudidl::identity::AppsService::Stub& apps() { return *apps_; }
  flyteidl::service::IdentityService::Stub& identity() { return *identity_; }
  TokenSource& tokens() { return *tokens_; }
  const std::string& endpoint() const { return endpoint_; }
  // Secrets to scrub from any text we show (the client secret, or the
  // access token the configuration carries).
  const std::string& client_secret() const { return client_secret_; }
  const std::string& access_token() const { return access_token_; }

 private:
  absl::StatusOr<AuthMetadata> Discover(Deadline deadline);
  absl::StatusOr<AuthMetadata> DiscoverOverHttp(Deadline deadline);
  // The endpoint as error messages and logs show it (shortened).
  std::string endpoint_for_messages() const;

  const std::string endpoint_;
  const bool insecure_;
  const std::string ca_cert_file_;
  const std::chrono::milliseconds timeout_;
  const std::string client_secret_;
  const std::string access_token_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<cloudidl::identity::AppsService::Stub> apps_;
  std::unique_ptr<flyteidl::service::IdentityService::Stub> identity_;
  std::unique_ptr<flyteidl::service::AuthMetadataService::Stub> auth_;
  std::unique_ptr<TokenSource> tokens_;
};

// Converts a steady-clock deadline for grpc::ClientContext::set_deadline.
std::chrono::system_clock::time_point ToSystemDeadline(Deadline deadline);

}  // namespace unionc::client_internal
