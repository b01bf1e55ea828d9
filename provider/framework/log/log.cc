// log.cc: hclog JSON records on stderr.
#include "provider/framework/log/log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>

namespace tf::log {
namespace {

constexpr int kUninitialised = -1;

std::atomic<int>& LevelSlot() {
  static std::atomic<int> level{kUninitialised};
  return level;
}

struct SinkState {
  std::mutex mu;
  std::function<void(std::string_view)> sink;  // guarded by mu; empty = stderr
};

SinkState& Sink() {
  static SinkState* state = new SinkState();  // never destroyed: safe at exit
  return *state;
}

void WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // nowhere to report a failing stderr
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
}

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kTrace:
      return "trace";
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
    case Level::kOff:
      break;
  }
  return "off";
}

// "2006-01-02T15:04:05.000000Z" (UTC, microseconds).
std::string Timestamp() {
  using std::chrono::system_clock;
  auto now = system_clock::now();
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    now.time_since_epoch())
                    .count();
  std::time_t secs = static_cast<std::time_t>(micros / 1000000);
  long frac = static_cast<long>(micros % 1000000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  size_t len = std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + len, sizeof(buf) - len, ".%06ldZ", frac);
  return buf;
}

}  // namespace

std::optional<Level> ParseLevel(std::string_view name) {
  std::string upper;
  upper.reserve(name.size());
  for (char c : name) {
    upper.push_back(
        static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c));
  }
  if (upper == "TRACE" || upper == "JSON") return Level::kTrace;
  if (upper == "DEBUG") return Level::kDebug;
  if (upper == "INFO") return Level::kInfo;
  if (upper == "WARN") return Level::kWarn;
  if (upper == "ERROR") return Level::kError;
  if (upper == "OFF") return Level::kOff;
  return std::nullopt;
}

Level LevelFromEnvironment() {
  const char* value = std::getenv("TF_LOG_PROVIDER");
  if (value == nullptr || *value == '\0') value = std::getenv("TF_LOG");
  if (value == nullptr || *value == '\0') return Level::kOff;
  return ParseLevel(value).value_or(Level::kTrace);
}

Level CurrentLevel() {
  int level = LevelSlot().load(std::memory_order_relaxed);
  if (level == kUninitialised) {
    int from_env = static_cast<int>(LevelFromEnvironment());
    // First writer wins; a concurrent SetLevel is never overwritten.
    LevelSlot().compare_exchange_strong(level, from_env);
    level = LevelSlot().load(std::memory_order_relaxed);
  }
  return static_cast<Level>(level);
}

void SetLevel(Level level) {
  LevelSlot().store(static_cast<int>(level), std::memory_order_relaxed);
}

bool Enabled(Level level) {
  return level != Level::kOff && level >= CurrentLevel();
}

std::string FormatRecord(Level level, std::string_view message,
                         const Fields& fields) {
  nlohmann::ordered_json record;
  record["@level"] = LevelName(level);
  record["@message"] = message;
  record["@module"] = "provider";
  record["@timestamp"] = Timestamp();
  for (const auto& [key, value] : fields) {
    if (!key.empty() && key[0] == '@') continue;  // never shadow hclog keys
    record[key] = value;
  }
  // Invalid UTF-8 is replaced rather than throwing.
  return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void Log(Level level, std::string_view message, const Fields& fields) {
  if (!Enabled(level)) return;
  std::string line = FormatRecord(level, message, fields);
  line.push_back('\n');
  SinkState& state = Sink();
  std::lock_guard<std::mutex> lock(state.mu);
  if (state.sink) {
    state.sink(line);
  } else {
    WriteAll(STDERR_FILENO, line);
  }
}

void Trace(std::string_view m, const Fields& f) { Log(Level::kTrace, m, f); }
void Debug(std::string_view m, const Fields& f) { Log(Level::kDebug, m, f); }
void Info(std::string_view m, const Fields& f) { Log(Level::kInfo, m, f); }
void Warn(std::string_view m, const Fields& f) { Log(Level::kWarn, m, f); }
void Error(std::string_view m, const Fields& f) { Log(Level::kError, m, f); }

void SetSinkForTesting(std::function<void(std::string_view)> sink) {
  SinkState& state = Sink();
  std::lock_guard<std::mutex> lock(state.mu);
  state.sink = std::move(sink);
}

}  // namespace tf::log
