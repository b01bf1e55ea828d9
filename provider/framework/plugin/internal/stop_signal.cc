// stop_signal.cc: eventfd-backed stop requests and the signal handlers.
#include "provider/framework/plugin/internal/stop_signal.h"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace tf::plugin::internal {
namespace {

// Shared with the signal handler: lock-free atomics only.
std::atomic<int> g_event_fd{-1};
std::atomic<int> g_reason{-1};
static_assert(std::atomic<int>::is_always_lock_free);

void RecordAndWake(StopReason reason) {
  int expected = -1;
  g_reason.compare_exchange_strong(expected, static_cast<int>(reason));
  int fd = g_event_fd.load();
  if (fd >= 0) {
    uint64_t one = 1;
    ssize_t ignored = ::write(fd, &one, sizeof(one));
    (void)ignored;
  }
}

void OnSignal(int signo) {
  int saved_errno = errno;
  RecordAndWake(signo == SIGINT ? StopReason::kSigint : StopReason::kSigterm);
  errno = saved_errno;
}

void SetHandler(int signo, void (*handler)(int)) {
  struct sigaction action;
  std::memset(&action, 0, sizeof(action));
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(signo, &action, nullptr);
}

}  // namespace

std::string_view StopReasonName(StopReason reason) {
  switch (reason) {
    case StopReason::kController:
      return "GRPCController.Shutdown";
    case StopReason::kSigterm:
      return "SIGTERM";
    case StopReason::kSigint:
      return "SIGINT";
  }
  return "unknown";
}

absl::StatusOr<std::unique_ptr<StopSignal>> StopSignal::Install(
    bool stop_on_sigint) {
  int fd = ::eventfd(0, EFD_CLOEXEC);
  if (fd < 0) {
    return absl::InternalError(absl::StrCat("eventfd: ", std::strerror(errno)));
  }
  int expected = -1;
  if (!g_event_fd.compare_exchange_strong(expected, fd)) {
    ::close(fd);
    return absl::FailedPreconditionError("a StopSignal is already installed");
  }
  g_reason.store(-1);
  SetHandler(SIGTERM, OnSignal);
  SetHandler(SIGINT, stop_on_sigint ? OnSignal : SIG_IGN);
  SetHandler(SIGPIPE, SIG_IGN);
  return std::unique_ptr<StopSignal>(new StopSignal(fd));
}

StopSignal::~StopSignal() {
  SetHandler(SIGTERM, SIG_DFL);
  SetHandler(SIGINT, SIG_DFL);
  g_event_fd.store(-1);
  ::close(event_fd_);
}

void StopSignal::Request(StopReason reason) { RecordAndWake(reason); }

StopReason StopSignal::Wait() {
  for (;;) {
    pollfd pfd{.fd = event_fd_, .events = POLLIN, .revents = 0};
    int n = ::poll(&pfd, 1, -1);
    if (n < 0 && errno == EINTR) continue;
    if (n > 0) {
      uint64_t count = 0;
      ssize_t ignored = ::read(event_fd_, &count, sizeof(count));
      (void)ignored;
    }
    int reason = g_reason.load();
    if (reason >= 0) return static_cast<StopReason>(reason);
  }
}

}  // namespace tf::plugin::internal
