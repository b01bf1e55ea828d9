// A pluggable log sink for union-client. Silent by default; the provider
// forwards it into hclog, the CLI to stderr when --verbose is given.
//
//   unionc::SetLogSink([](unionc::LogLevel level, std::string_view msg) {
//     std::cerr << unionc::LogLevelName(level) << ": " << msg << "\n";
//   });
//
// Messages never contain secrets (client secrets, keys, tokens).
#pragma once

#include <functional>
#include <string_view>

namespace unionc {

enum class LogLevel { kTrace, kDebug, kInfo, kWarn, kError };

// Receives every log line of the library. Must be thread-safe.
using LogSink = std::function<void(LogLevel level, std::string_view message)>;

// Installs `sink` process-wide (an empty function silences logging).
void SetLogSink(LogSink sink);

// "trace", "debug", "info", "warn", "error".
std::string_view LogLevelName(LogLevel level);

// Sends one line to the current sink (no-op when none is installed).
void Log(LogLevel level, std::string_view message);

}  // namespace unionc
