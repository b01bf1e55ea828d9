// child_process.cc: posix_spawn with pipes, drained by reader threads.
#include "tests/protocol/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace tfpu::testing {

absl::StatusOr<std::unique_ptr<ChildProcess>> ChildProcess::Spawn(
    const std::string& path, const std::vector<std::string>& args,
    const std::vector<std::string>& env) {
  int out[2], err[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return absl::InternalError("pipe");
  if (::pipe2(err, O_CLOEXEC) != 0) {
    ::close(out[0]);
    ::close(out[1]);
    return absl::InternalError("pipe");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);

  // The child starts with default signal dispositions and an empty mask.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t all, none;
  sigfillset(&all);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr,
                           POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  std::vector<char*> argv{const_cast<char*>(path.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  std::unique_ptr<ChildProcess> child(new ChildProcess());
  int rc = ::posix_spawn(&child->pid_, path.c_str(), &actions, &attr,
                         argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(out[1]);
  ::close(err[1]);
  if (rc != 0) {
    ::close(out[0]);
    ::close(err[0]);
    child->pid_ = -1;
    return absl::InternalError(
        absl::StrCat("posix_spawn ", path, ": ", std::strerror(rc)));
  }
  ChildProcess* raw = child.get();
  child->stdout_reader_ =
      std::thread([raw, fd = out[0]] { raw->Drain(fd, &raw->stdout_); });
  child->stderr_reader_ =
      std::thread([raw, fd = err[0]] { raw->Drain(fd, &raw->stderr_); });
  return child;
}

void ChildProcess::Drain(int fd, std::string* sink) {
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    std::lock_guard<std::mutex> lock(mu_);
    sink->append(buf, static_cast<size_t>(n));
    cv_.notify_all();
  }
  ::close(fd);
  std::lock_guard<std::mutex> lock(mu_);
  (sink == &stdout_ ? stdout_closed_ : stderr_closed_) = true;
  cv_.notify_all();
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !exit_code_.has_value()) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (stdout_reader_.joinable()) stdout_reader_.join();
  if (stderr_reader_.joinable()) stderr_reader_.join();
}

std::optional<std::string> ChildProcess::ReadStdoutLine(
    std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  bool ok = cv_.wait_for(lock, timeout, [&] {
    return stdout_.find('\n') != std::string::npos || stdout_closed_;
  });
  size_t nl = stdout_.find('\n');
  if (!ok || nl == std::string::npos) return std::nullopt;
  return stdout_.substr(0, nl);
}

bool ChildProcess::WaitForStdout(const std::string& needle,
                                 std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return cv_.wait_for(lock, timeout, [&] {
    return stdout_.find(needle) != std::string::npos || stdout_closed_;
  }) && stdout_.find(needle) != std::string::npos;
}

bool ChildProcess::Signal(int signo) {
  if (pid_ <= 0 || exit_code_.has_value()) return false;
  return ::kill(pid_, signo) == 0;
}

bool ChildProcess::Running() {
  return !WaitForExit(std::chrono::milliseconds(0)).has_value();
}

std::optional<int> ChildProcess::WaitForExit(
    std::chrono::milliseconds timeout) {
  if (exit_code_.has_value()) return exit_code_;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      exit_code_ =
          WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      // The pipes close once the child is gone: collect everything.
      if (stdout_reader_.joinable()) stdout_reader_.join();
      if (stderr_reader_.joinable()) stderr_reader_.join();
      return exit_code_;
    }
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

std::string ChildProcess::Stdout() {
  std::lock_guard<std::mutex> lock(mu_);
  return stdout_;
}

std::string ChildProcess::Stderr() {
  std::lock_guard<std::mutex> lock(mu_);
  return stderr_;
}

}  // namespace tfpu::testing
