// Client: the connection to one Union endpoint with one API key.
//
//   absl::StatusOr<std::shared_ptr<Client>> client = Client::Create(*config);
//   ApiKeys keys(*client);
//
// One gRPC channel and one token cache per (endpoint, credentials, TLS
// settings) per process: Client::Create reuses a live connection with the same
// key. Every RPC gets a deadline (config.timeout per attempt) and a bearer
// token (metadata key from discovery, default "authorization").
//
// Retries (exponential backoff with jitter, at most config.max_retries extra
// attempts):
//  - Get, List, Delete and Update on UNAVAILABLE, DEADLINE_EXCEEDED and
//    RESOURCE_EXHAUSTED. Update is retried because we always send the full
//    desired state, so repeating it is idempotent.
//  - Create only on UNAVAILABLE caused by a connection failure (nothing was
//    sent): the error text says the channel failed to connect. Any other
//    failure of Create is surfaced, so the caller can look the key up.
//  - Any call answered UNAUTHENTICATED: the token is refreshed once and the
//    call repeated once.
// Thread safety: a Client is safe for concurrent use.
#pragma once

#include <chrono>
#include <memory>

#include "absl/status/statusor.h"
#include "union/config.h"

namespace unionc {

// The pause before retry number `retry` (0-based) under `config`'s policy:
// min(max_backoff, initial_backoff * 2^retry), jittered to 50-100%. Callers
// that retry at a higher level (e.g. a create proven not to have happened)
// use it to back off like the client does.
[[nodiscard]] std::chrono::milliseconds RetryBackoff(const ClientConfig& config,
                                                     int retry);

namespace client_internal {
class Connection;  // channel + stubs + token cache (src/connection.h)
}  // namespace client_internal

class Client {
 public:
  // Connects lazily: never blocks and never fails for an unreachable
  // endpoint (that surfaces as Unavailable on the first call).
  // InvalidArgument when the CA file cannot be read.
  [[nodiscard]] static absl::StatusOr<std::shared_ptr<Client>> Create(
      ClientConfig config);

  const ClientConfig& config() const { return config_; }

  // Internal: the shared connection (used by api_key.cc).
  client_internal::Connection& connection() const { return *connection_; }

  Client(ClientConfig config,
         std::shared_ptr<client_internal::Connection> connection);

 private:
  const ClientConfig config_;
  const std::shared_ptr<client_internal::Connection> connection_;
};

}  // namespace unionc
