#include "devserver/src/fault_injector.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace devserver {

absl::StatusOr<absl::StatusCode> ParseStatusCode(absl::string_view text) {
  int number = 0;
  if (absl::SimpleAtoi(text, &number)) {
    if (number >= 1 && number <= 16)
      return static_cast<absl::StatusCode>(number);
    return absl::InvalidArgumentError(
        "the status code must be between 1 and 16");
  }
  std::string upper = absl::AsciiStrToUpper(text);
  if (upper.rfind("STATUS_", 0) == 0) upper = upper.substr(7);
  for (int code = 1; code <= 16; ++code) {
    std::string name = absl::AsciiStrToUpper(
        absl::StatusCodeToString(static_cast<absl::StatusCode>(code)));
    for (char& c : name) {
      if (c == ' ') c = '_';
    }
    if (name == upper) return static_cast<absl::StatusCode>(code);
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown status code \"", text, "\" (e.g. UNAVAILABLE, INTERNAL)"));
}

FaultInjector::FaultInjector(const FaultOptions& options)
    : options_(options),
      rng_(options.seed.has_value() ? *options.seed : std::random_device{}()) {}

void FaultInjector::Delay() const {
  if (options_.latency > absl::ZeroDuration()) {
    shutdown_.WaitForNotificationWithTimeout(options_.latency);
  }
}

void FaultInjector::Shutdown() {
  std::call_once(shutdown_once_, [this] { shutdown_.Notify(); });
}

bool FaultInjector::Draw(double rate) {
  if (rate <= 0.0) return false;
  if (rate >= 1.0) return true;
  absl::MutexLock lock(&mu_);
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < rate;
}

absl::Status FaultInjector::BeforeCall() {
  if (!Draw(options_.fail_rate)) return absl::OkStatus();
  return absl::Status(options_.fail_code, "injected fault (--fail-rate)");
}

bool FaultInjector::FailAfterCommit() {
  return Draw(options_.fail_after_commit_rate);
}

}  // namespace devserver
