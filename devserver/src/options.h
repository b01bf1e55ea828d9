// Options: union-devserver's command line (CLI11), validated, with defaults
// resolved (database path under $XDG_DATA_HOME).
//
//   ParsedCommandLine parsed = ParseCommandLine({"--port", "0", "--db",
//   ":memory:"}); if (!parsed.options) { print parsed.output;
//   exit(parsed.exit_code); }
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "devserver/src/app_store.h"
#include "devserver/src/fault_injector.h"
#include "devserver/src/logger.h"

namespace devserver {

struct Options {
  std::string db_path;  // ":memory:" allowed
  SyncMode sync = SyncMode::kNormal;  // --sync: commits survive kill -9
  std::string bind = "127.0.0.1";
  int grpc_port = 8089;  // 0 picks a free port
  int http_port = 8090;  // 0 picks a free port
  std::string tls_cert;  // PEM; TLS on both ports when set with tls_key
  std::string tls_key;
  std::string admin_key_file;  // "" = none
  std::string admin_client_id = "union-devserver-admin";
  std::string serverless_userhandle;
  std::int64_t token_ttl_seconds = 3600;
  // Lifetime of the client secrets of keys created by AppsService.Create
  // (client_secret_expires_at = issue time + ttl); zero = never expire.
  absl::Duration secret_ttl = absl::ZeroDuration();
  FaultOptions faults;
  LogLevel log_level = LogLevel::kInfo;

  [[nodiscard]] bool tls() const { return !tls_cert.empty(); }
};

// The outcome of parsing: options to run with, or text to print and an exit
// code (for --help, --version or an error).
struct ParsedCommandLine {
  std::optional<Options> options;
  int exit_code = 0;
  std::string output;  // help or error text when options is empty
};

// Parses a --secret-ttl value: whole seconds ("90") or an absl duration
// ("90s", "15m", "1h30m"); "0" means no expiry. InvalidArgument otherwise
// (negative, infinite, or below one second but not zero).
[[nodiscard]] absl::StatusOr<absl::Duration> ParseSecretTtl(
    absl::string_view text);

// Parses `args` (without the program name).
[[nodiscard]] ParsedCommandLine ParseCommandLine(
    const std::vector<std::string>& args);

// $XDG_DATA_HOME/union-devserver, else $HOME/.local/share/union-devserver.
[[nodiscard]] std::string DefaultDataDir();

}  // namespace devserver
