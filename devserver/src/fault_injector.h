// FaultInjector: latency, injected errors and fail-after-commit for
// AppsService.
//
//   FaultInjector faults({.fail_rate = 0.5, .fail_code =
//   absl::StatusCode::kUnavailable,
//                         .seed = 42});
//   faults.Delay();
//   if (absl::Status s = faults.BeforeCall(); !s.ok()) return s;
//   ... commit ...
//   if (faults.FailAfterCommit()) return absl::UnavailableError(...);
//
// Decisions come from one seeded generator, so a given seed and call order
// repeat. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace devserver {

struct FaultOptions {
  absl::Duration latency = absl::ZeroDuration();  // added to every call
  double fail_rate = 0.0;                         // fraction failing up front
  absl::StatusCode fail_code = absl::StatusCode::kUnavailable;
  double fail_after_commit_rate = 0.0;  // fraction of Creates
  std::optional<std::uint64_t> seed;    // random when unset
};

// Parses a gRPC status code name ("UNAVAILABLE", "unavailable") or number.
[[nodiscard]] absl::StatusOr<absl::StatusCode> ParseStatusCode(
    absl::string_view text);

class FaultInjector final {
 public:
  explicit FaultInjector(const FaultOptions& options);

  // Sleeps for the configured latency, or until Shutdown().
  void Delay() const;

  // Ends current and future Delay()s at once (server shutdown).
  void Shutdown();

  // The injected error for this call, or OK to go on.
  [[nodiscard]] absl::Status BeforeCall();

  // True when this (already committed) Create should answer UNAVAILABLE.
  [[nodiscard]] bool FailAfterCommit();

 private:
  bool Draw(double rate);

  const FaultOptions options_;
  absl::Notification shutdown_;
  std::once_flag shutdown_once_;
  absl::Mutex mu_;
  std::mt19937_64 rng_ ABSL_GUARDED_BY(mu_);
};

}  // namespace devserver
