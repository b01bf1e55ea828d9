// child_process.h: launch a plugin binary the way terraform does, for tests.
//
// The child gets exactly the environment given (no inheritance), /dev/null
// on stdin, and pipes on stdout and stderr that background threads drain, so
// a chatty child never blocks. Every wait takes a timeout: tests never hang.
//
// Usage:
//   auto child = ChildProcess::Spawn(path, {"--debug"}, {"A=b"});
//   std::optional<std::string> line = child->ReadStdoutLine(10s);
//   child->Signal(SIGTERM);
//   std::optional<int> code = child->WaitForExit(10s);
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"

namespace tfpu::testing {

class ChildProcess {
 public:
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<ChildProcess>> Spawn(
      const std::string& path, const std::vector<std::string>& args,
      const std::vector<std::string>& env);

  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  // Kills (SIGKILL) and reaps the child if it is still running.
  ~ChildProcess();

  pid_t pid() const { return pid_; }

  // The first line of stdout without its '\n', or nullopt if none arrived
  // within `timeout` (or stdout closed first).
  std::optional<std::string> ReadStdoutLine(std::chrono::milliseconds timeout);
  // Waits until stdout holds `needle` (true) or the timeout passes (false).
  bool WaitForStdout(const std::string& needle,
                     std::chrono::milliseconds timeout);

  // Sends a signal; false if the process is already gone.
  bool Signal(int signo);

  // Exit code once the child exited (128+signo if killed by a signal), or
  // nullopt if still running after `timeout`.
  std::optional<int> WaitForExit(std::chrono::milliseconds timeout);
  // True while the child has not exited (non-blocking check).
  bool Running();

  // Everything read so far; after WaitForExit, everything the child wrote.
  std::string Stdout();
  std::string Stderr();

 private:
  ChildProcess() = default;
  void Drain(int fd, std::string* sink);

  pid_t pid_ = -1;
  std::optional<int> exit_code_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string stdout_;          // guarded by mu_
  std::string stderr_;          // guarded by mu_
  bool stdout_closed_ = false;  // guarded by mu_
  bool stderr_closed_ = false;  // guarded by mu_
  std::thread stdout_reader_;
  std::thread stderr_reader_;
};

}  // namespace tfpu::testing
