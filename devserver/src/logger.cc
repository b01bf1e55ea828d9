#include "devserver/src/logger.h"

#include "absl/strings/ascii.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace devserver {

absl::StatusOr<LogLevel> ParseLogLevel(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(text);
  if (lower == "debug" || lower == "trace") return LogLevel::kDebug;
  if (lower == "info") return LogLevel::kInfo;
  if (lower == "warn" || lower == "warning") return LogLevel::kWarn;
  if (lower == "error") return LogLevel::kError;
  return absl::InvalidArgumentError(
      "log level must be debug, info, warn or error");
}

void Logger::Log(LogLevel level, absl::string_view message,
                 nlohmann::json fields) {
  if (level < min_level_) return;
  static constexpr const char* kNames[] = {"debug", "info", "warn", "error"};
  nlohmann::json line = nlohmann::json::object();
  line["@timestamp"] = absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", absl::Now(),
                                        absl::UTCTimeZone());
  line["@level"] = kNames[static_cast<int>(level)];
  line["@module"] = "union-devserver";
  line["@message"] = std::string(message);
  if (fields.is_object()) {
    for (auto& [key, value] : fields.items()) line[key] = value;
  }
  // Invalid UTF-8 in a field must not throw: replace it.
  const std::string text =
      line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  absl::MutexLock lock(&mu_);
  std::fputs(text.c_str(), out_);
  std::fputc('\n', out_);
  std::fflush(out_);
}

}  // namespace devserver
