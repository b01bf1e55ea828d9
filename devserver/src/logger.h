// Logger: structured JSON-lines logs on stderr (hclog-like keys).
//
//   Logger log(LogLevel::kInfo);
//   log.Info("rpc", {{"method", "Create"}, {"code", "OK"}});
//
// Callers never pass secrets or tokens: only names, codes, ids and counts.
#pragma once

#include <cstdio>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "nlohmann/json.hpp"

namespace devserver {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

// Parses "debug", "info", "warn" or "error" (case-insensitive).
[[nodiscard]] absl::StatusOr<LogLevel> ParseLogLevel(absl::string_view text);

// Thread-safe writer of one JSON object per line.
class Logger final {
 public:
  explicit Logger(LogLevel min_level, std::FILE* out = stderr)
      : min_level_(min_level), out_(out) {}

  void Log(LogLevel level, absl::string_view message,
           nlohmann::json fields = nlohmann::json::object());
  void Debug(absl::string_view m, nlohmann::json f = nlohmann::json::object()) {
    Log(LogLevel::kDebug, m, std::move(f));
  }
  void Info(absl::string_view m, nlohmann::json f = nlohmann::json::object()) {
    Log(LogLevel::kInfo, m, std::move(f));
  }
  void Warn(absl::string_view m, nlohmann::json f = nlohmann::json::object()) {
    Log(LogLevel::kWarn, m, std::move(f));
  }
  void Error(absl::string_view m, nlohmann::json f = nlohmann::json::object()) {
    Log(LogLevel::kError, m, std::move(f));
  }

 private:
  const LogLevel min_level_;
  absl::Mutex mu_;
  std::FILE* out_ ABSL_GUARDED_BY(mu_);
};

}  // namespace devserver
