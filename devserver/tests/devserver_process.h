// DevServerProcess: the real union-devserver binary, spawned for a test.
//
//   auto server = DevServerProcess::Start({"--db", ":memory:"}, dir.path());
//   ASSERT_TRUE(server.ok()) << server.status();
//   (*server)->grpc_port(); (*server)->Kill(SIGKILL);
//
// Always adds --port 0 --http-port 0 unless the args name ports. Stdout is
// read up to the READY line (every wait is bounded); stderr (JSON logs) goes
// to a file in `log_dir`, readable with logs(). The destructor kills the
// process if it still runs.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace devserver::testing {

// Path of the binary under test (set by CMake).
const char* DevServerBinary();

class DevServerProcess final {
 public:
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<DevServerProcess>> Start(
      std::vector<std::string> args, const std::string& log_dir,
      absl::Duration timeout = absl::Seconds(30));
  ~DevServerProcess();
  DevServerProcess(const DevServerProcess&) = delete;
  DevServerProcess& operator=(const DevServerProcess&) = delete;

  int grpc_port() const { return grpc_port_; }
  int http_port() const { return http_port_; }
  const std::string& endpoint() const { return endpoint_; }
  // The value of the UNION_API_KEY= line.
  const std::string& printed_api_key() const { return printed_api_key_; }
  // Time from spawn to the READY line.
  absl::Duration startup_time() const { return startup_time_; }

  // Sends `signal`.
  void Kill(int signal);
  // Waits for exit; the wait status, or an error after `timeout`.
  [[nodiscard]] absl::StatusOr<int> Wait(
      absl::Duration timeout = absl::Seconds(15));
  // True while the process has not exited.
  [[nodiscard]] bool Alive();
  // Everything the server wrote to stderr so far.
  [[nodiscard]] std::string logs() const;

 private:
  DevServerProcess() = default;

  pid_t pid_ = -1;
  bool reaped_ = false;
  int stdout_fd_ = -1;
  std::string log_path_;
  int grpc_port_ = 0;
  int http_port_ = 0;
  std::string endpoint_;
  std::string printed_api_key_;
  absl::Duration startup_time_;
};

}  // namespace devserver::testing
