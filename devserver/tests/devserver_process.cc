#include "devserver/tests/devserver_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

extern char** environ;

namespace devserver::testing {
namespace {

bool HasFlag(const std::vector<std::string>& args, const std::string& flag) {
  return std::find(args.begin(), args.end(), flag) != args.end();
}

int PortOf(absl::string_view address) {
  int port = 0;
  const std::size_t colon = address.rfind(':');
  if (colon == absl::string_view::npos ||
      !absl::SimpleAtoi(address.substr(colon + 1), &port)) {
    return 0;
  }
  return port;
}

}  // namespace

const char* DevServerBinary() { return UNION_DEVSERVER_BINARY; }

absl::StatusOr<std::unique_ptr<DevServerProcess>> DevServerProcess::Start(
    std::vector<std::string> args, const std::string& log_dir,
    absl::Duration timeout) {
  static std::atomic<int> counter{0};
  if (!HasFlag(args, "--port")) args.insert(args.end(), {"--port", "0"});
  if (!HasFlag(args, "--http-port"))
    args.insert(args.end(), {"--http-port", "0"});
  std::unique_ptr<DevServerProcess> p(new DevServerProcess());
  p->log_path_ =
      absl::StrCat(log_dir, "/devserver-", ::getpid(), "-", counter++, ".log");

  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return absl::InternalError("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO,
                                   p->log_path_.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0600);
  std::vector<std::string> argv_storage = {DevServerBinary()};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  const absl::Time start = absl::Now();
  const int rc =
      posix_spawn(&p->pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  p->stdout_fd_ = out[0];
  if (rc != 0) {
    p->pid_ = -1;
    return absl::InternalError(
        absl::StrCat("cannot spawn ", DevServerBinary()));
  }

  // Read stdout lines until READY, bounded by `timeout`.
  const absl::Time deadline = start + timeout;
  std::string buffer;
  while (true) {
    const std::size_t newline = buffer.find('\n');
    if (newline != std::string::npos) {
      const std::string line = buffer.substr(0, newline);
      buffer.erase(0, newline + 1);
      if (absl::StartsWith(line, "UNION_API_KEY=")) {
        p->printed_api_key_ = line.substr(14);
      } else if (absl::StartsWith(line, "UNION_DEVSERVER_READY ")) {
        p->startup_time_ = absl::Now() - start;
        for (absl::string_view field : absl::StrSplit(line, ' ')) {
          if (absl::ConsumePrefix(&field, "grpc="))
            p->grpc_port_ = PortOf(field);
          if (absl::ConsumePrefix(&field, "http="))
            p->http_port_ = PortOf(field);
          if (absl::ConsumePrefix(&field, "endpoint="))
            p->endpoint_ = std::string(field);
        }
        if (p->grpc_port_ == 0 || p->http_port_ == 0 || p->endpoint_.empty()) {
          return absl::InternalError("malformed READY line");
        }
        return p;
      }
      continue;
    }
    const absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) {
      return absl::DeadlineExceededError(
          absl::StrCat("no READY line in time; logs:\n", p->logs()));
    }
    pollfd pfd{p->stdout_fd_, POLLIN, 0};
    const int ready =
        ::poll(&pfd, 1, static_cast<int>(absl::ToInt64Milliseconds(left)) + 1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char chunk[4096];
    const ssize_t n = ::read(p->stdout_fd_, chunk, sizeof(chunk));
    if (n <= 0) {
      return absl::UnavailableError(
          absl::StrCat("the server exited before READY; logs:\n", p->logs()));
    }
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

DevServerProcess::~DevServerProcess() {
  if (pid_ > 0 && !reaped_) {
    ::kill(pid_, SIGKILL);
    (void)Wait(absl::Seconds(10));
  }
  if (stdout_fd_ >= 0) ::close(stdout_fd_);
  if (!log_path_.empty()) ::unlink(log_path_.c_str());
}

void DevServerProcess::Kill(int signal) {
  if (pid_ > 0 && !reaped_) ::kill(pid_, signal);
}

absl::StatusOr<int> DevServerProcess::Wait(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (!reaped_) {
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      reaped_ = true;
      return status;
    }
    if (r < 0) return absl::InternalError("waitpid failed");
    if (absl::Now() >= deadline)
      return absl::DeadlineExceededError("still running");
    absl::SleepFor(absl::Milliseconds(10));
  }
  return absl::FailedPreconditionError("already reaped");
}

bool DevServerProcess::Alive() {
  if (reaped_) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    reaped_ = true;
    return false;
  }
  return true;
}

std::string DevServerProcess::logs() const {
  std::ifstream in(log_path_);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace devserver::testing
