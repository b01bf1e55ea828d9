// stop_signal.h: one place where "stop serving" is requested and awaited.
//
// A stop comes from GRPCController.Shutdown (a gRPC thread calls Request) or
// from a signal (SIGTERM; SIGINT too in debug mode), whose handler only
// writes to an eventfd, which is async-signal-safe. The serving thread blocks
// in Wait() until either arrives. Signal handlers work whichever thread the
// kernel picks, so no signal masks are needed.
//
// Usage:
//   absl::StatusOr<std::unique_ptr<StopSignal>> stop =
//       StopSignal::Install(/*stop_on_sigint=*/debug);
//   ... (*stop)->Request(StopReason::kController) from the controller ...
//   StopReason why = (*stop)->Wait();
#pragma once

#include <memory>
#include <string_view>

#include "absl/status/statusor.h"

namespace tf::plugin::internal {

enum class StopReason { kController, kSigterm, kSigint };

std::string_view StopReasonName(StopReason reason);

class StopSignal {
 public:
  // Installs the process-wide handlers: SIGTERM stops; SIGINT stops when
  // `stop_on_sigint`, else is ignored; SIGPIPE is ignored. Only one
  // StopSignal may exist at a time (FailedPrecondition otherwise).
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<StopSignal>> Install(
      bool stop_on_sigint);

  StopSignal(const StopSignal&) = delete;
  StopSignal& operator=(const StopSignal&) = delete;
  // Restores the default SIGTERM/SIGINT dispositions.
  ~StopSignal();

  // Asks Wait() to return; thread-safe. The first reason recorded wins.
  void Request(StopReason reason);

  // Blocks until a stop is requested; returns the first reason.
  [[nodiscard]] StopReason Wait();

 private:
  explicit StopSignal(int event_fd) : event_fd_(event_fd) {}
  int event_fd_;
};

}  // namespace tf::plugin::internal
