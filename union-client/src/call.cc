// Retry policy and backoff.
#include "call.h"

namespace unionc {

std::chrono::milliseconds RetryBackoff(const ClientConfig& config, int retry) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  double base = static_cast<double>(config.initial_backoff.count());
  for (int i = 0; i < retry && base < config.max_backoff.count(); ++i) {
    base *= 2;
  }
  base = std::min(base, static_cast<double>(config.max_backoff.count()));
  std::uniform_real_distribution<double> jitter(0.5, 1.0);
  return std::chrono::milliseconds(static_cast<int64_t>(base * jitter(rng)));
}

namespace client_internal {

bool ShouldRetry(RetryPolicy policy, const grpc::Status& status) {
  switch (policy) {
    case RetryPolicy::kCreate:
      return IsConnectFailure(status);
    case RetryPolicy::kIdempotent:
      return status.error_code() == grpc::StatusCode::UNAVAILABLE ||
             status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED ||
             status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED;
  }
  return false;
}

bool ShouldRetryAuthPhase(const absl::Status& status) {
  // Nothing reached AppsService yet: safe for every call.
  return absl::IsUnavailable(status) || absl::IsDeadlineExceeded(status);
}

}  // namespace client_internal
}  // namespace unionc
