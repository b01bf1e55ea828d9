// log.h: structured provider logging as hclog JSON lines on stderr.
//
// Terraform reads a provider's stderr and re-levels each JSON object it finds
// there under TF_LOG / TF_LOG_PROVIDER, so every record is one line:
//   {"@level":"debug","@message":"planning","@module":"provider",
//    "@timestamp":"2026-01-02T15:04:05.000000Z","type_name":"union_api_key"}
//
// Usage:
//   tf::log::Debug("planning", {{"type_name", req.type_name}});
//   if (tf::log::Enabled(tf::log::Level::kTrace)) { ...expensive fields... }
//
// Never pass a secret (client secret, API key, token) as a message or field.
// All functions are thread-safe; each record is emitted with a single write.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tf::log {

// Severity, lowest first. kOff disables logging entirely.
enum class Level { kTrace, kDebug, kInfo, kWarn, kError, kOff };

// Extra key/value pairs appended to a record after the "@" keys.
using Fields = std::vector<std::pair<std::string, std::string>>;

// Emits one record when `level` is enabled.
void Log(Level level, std::string_view message, const Fields& fields = {});
void Trace(std::string_view message, const Fields& fields = {});
void Debug(std::string_view message, const Fields& fields = {});
void Info(std::string_view message, const Fields& fields = {});
void Warn(std::string_view message, const Fields& fields = {});
void Error(std::string_view message, const Fields& fields = {});

// True when a record at `level` would be emitted.
[[nodiscard]] bool Enabled(Level level);

// The current threshold. Initialised on first use from the environment (see
// LevelFromEnvironment); SetLevel overrides it (e.g. for tests or tools).
[[nodiscard]] Level CurrentLevel();
void SetLevel(Level level);

// Parses a TF_LOG-style name, case-insensitively: TRACE, DEBUG, INFO, WARN,
// ERROR, OFF, and JSON (= TRACE, as Terraform treats it). nullopt otherwise.
[[nodiscard]] std::optional<Level> ParseLevel(std::string_view name);

// The level the environment asks for:
//  - TF_LOG_PROVIDER when set and non-empty, else TF_LOG;
//  - neither set (or empty): kOff. Under the CLI the variables are inherited
//    from the user's shell, and the CLI re-levels what it receives, so
//    emitting at the env-chosen level is exactly what is wanted, and a quiet
//    default keeps stderr cheap;
//  - an unrecognised non-empty value: kTrace, as Terraform itself does for an
//    invalid TF_LOG.
[[nodiscard]] Level LevelFromEnvironment();

// Formats one record (without the trailing newline). Exposed for tests.
[[nodiscard]] std::string FormatRecord(Level level, std::string_view message,
                                       const Fields& fields);

// Replaces the destination of records (default: write(2) to stderr). Each
// call of `sink` receives one complete line including its '\n'. Pass nullptr
// to restore stderr. For tests only.
void SetSinkForTesting(std::function<void(std::string_view)> sink);

}  // namespace tf::log
