// socket_path.h: a fresh, private place for the plugin's unix socket.
//
// The socket lives in a new 0700 directory (mkdtemp) under
// $PLUGIN_UNIX_SOCKET_DIR, else $TMPDIR, else /tmp, so no other user can reach
// it and no name can clash. The object removes the socket and its directory
// when destroyed (or on Remove(), which is idempotent).
//
// Usage:
//   absl::StatusOr<SocketPath> socket = SocketPath::Create();
//   builder.AddListeningPort("unix:" + socket->path(), creds);
#pragma once

#include <string>

#include "absl/status/statusor.h"

namespace tf::plugin::internal {

// Longest socket path we create: the macOS sun_path limit, stricter than
// Linux's 108, keeps the handshake portable.
inline constexpr size_t kMaxSocketPathLength = 103;

class SocketPath {
 public:
  [[nodiscard]] static absl::StatusOr<SocketPath> Create();

  SocketPath(SocketPath&& other) noexcept;
  SocketPath& operator=(SocketPath&& other) noexcept;
  SocketPath(const SocketPath&) = delete;
  SocketPath& operator=(const SocketPath&) = delete;
  ~SocketPath();

  // Full path of the socket file (it does not exist until gRPC binds it).
  const std::string& path() const { return path_; }
  const std::string& directory() const { return directory_; }

  // Removes the socket file and its directory. Safe to call more than once.
  void Remove();

 private:
  SocketPath(std::string directory, std::string path)
      : directory_(std::move(directory)), path_(std::move(path)) {}

  std::string directory_;
  std::string path_;
};

}  // namespace tf::plugin::internal
