// Internal: turns a failed gRPC status into an absl::Status with the most
// specific code and a message that says what the user can do.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"

namespace unionc::client_internal {

// What the failed call was about (for the message).
struct CallInfo {
  std::string operation;   // "create", "get", "list", "update", "delete", "look up the user of"
  std::string client_id;       // "" when not about one key
  std::string org;
  std::string endpoint;
  std::chrono::milliseconds timeout{0};
  // The configuration's own access token is in use (no refresh possible).
  bool fixed_token = false;
};

// `secrets` are scrubbed from the server's message.
[[nodiscard]] absl::Status MapRpcError(const grpc::Status& status,
                                       const CallInfo& info,
                                       const std::vector<std::string>& secrets);

// unionc::RequestNeverSent (union/errors.h) for a raw gRPC status: true when
// the channel never connected, so the request cannot have been sent.
[[nodiscard]] bool IsConnectFailure(const grpc::Status& status);

}  // namespace unionc::client_internal
