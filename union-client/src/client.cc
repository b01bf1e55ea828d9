// Client: configuration plus the shared connection.
#include "union/client.h"

#include <utility>

#include "connection.h"

namespace unionc {

absl::StatusOr<std::shared_ptr<Client>> Client::Create(ClientConfig config) {
  absl::StatusOr<std::shared_ptr<client_internal::Connection>> conn =
      client_internal::Connection::GetOrCreate(config);
  if (!conn.ok()) return conn.status();
  return std::make_shared<Client>(std::move(config), *std::move(conn));
}

Client::Client(ClientConfig config,
               std::shared_ptr<client_internal::Connection> connection)
    : config_(std::move(config)), connection_(std::move(connection)) {}

}  // namespace unionc
