#include "devserver/src/options.h"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "CLI/CLI.hpp"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace devserver {

std::string DefaultDataDir() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg != nullptr && xdg[0] == '/')
    return absl::StrCat(xdg, "/union-devserver");
  const char* home = std::getenv("HOME");
  return absl::StrCat(home != nullptr ? home : ".",
                      "/.local/share/union-devserver");
}

absl::StatusOr<absl::Duration> ParseSecretTtl(absl::string_view text) {
  absl::Duration ttl;
  std::int64_t seconds = 0;
  if (absl::SimpleAtoi(text, &seconds)) {
    if (seconds < 0 || seconds > std::int64_t{100} * 365 * 24 * 3600) {
      return absl::InvalidArgumentError(
          "must be 0 (no expiry) or a positive number of seconds");
    }
    return absl::Seconds(seconds);
  }
  if (!absl::ParseDuration(text, &ttl) || ttl == absl::InfiniteDuration() ||
      ttl < absl::ZeroDuration()) {
    return absl::InvalidArgumentError(
        "must be whole seconds (\"3600\") or a duration such as \"90s\", "
        "\"15m\" or \"1h30m\"; 0 means no expiry");
  }
  if (ttl != absl::ZeroDuration() && ttl < absl::Seconds(1)) {
    return absl::InvalidArgumentError("must be at least 1s (or 0 for none)");
  }
  return ttl;
}

ParsedCommandLine ParseCommandLine(const std::vector<std::string>& args) {
  Options o;
  std::string fail_code = "UNAVAILABLE";
  std::string log_level = "info";
  std::string sync = "normal";
  std::string secret_ttl = "0";
  double fail_rate = 0.0;
  double fail_after_commit_rate = 1.0;
  bool fail_after_commit = false;
  std::int64_t latency_ms = 0;
  std::uint64_t seed = 0;

  CLI::App app{
      "union-devserver: a local Union-compatible control plane "
      "(AppsService, auth metadata, UserInfo, OAuth2 token endpoint)",
      "union-devserver"};
  app.set_version_flag("--version", "union-devserver 0.1.0");
  app.add_option("--db", o.db_path,
                 "SQLite database path, or :memory: "
                 "(default $XDG_DATA_HOME/union-devserver/dev.db)");
  app.add_option("--sync", sync,
                 "SQLite commit durability: normal (survives a process crash, "
                 "kill -9) or full (also an OS crash or power loss; slower)")
      ->capture_default_str();
  app.add_option("--bind", o.bind, "address both ports listen on")
      ->capture_default_str();
  app.add_option("--port", o.grpc_port, "gRPC port (0 picks a free one)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  app.add_option("--http-port", o.http_port,
                 "HTTP token endpoint port (0 picks one)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  auto* cert =
      app.add_option("--tls-cert", o.tls_cert, "PEM certificate (enables TLS)")
          ->check(CLI::ExistingFile);
  auto* key = app.add_option("--tls-key", o.tls_key, "PEM private key")
                  ->check(CLI::ExistingFile);
  cert->needs(key);
  key->needs(cert);
  app.add_option("--admin-key-file", o.admin_key_file,
                 "file (mode 0600) receiving the admin API key "
                 "(default: admin.key beside a file database)");
  app.add_option("--admin-client-id", o.admin_client_id,
                 "client_id of the admin app")
      ->capture_default_str();
  app.add_option("--serverless-userhandle", o.serverless_userhandle,
                 "answer UserInfo with additional_claims.userhandle");
  app.add_option("--token-ttl", o.token_ttl_seconds,
                 "lifetime of issued tokens, seconds")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{365} * 24 * 3600));
  app.add_option("--secret-ttl", secret_ttl,
                 "lifetime of the client secrets of created keys: seconds "
                 "(3600) or a duration (90s, 15m, 1h30m); 0 = never expire "
                 "(the admin key never expires)")
      ->capture_default_str();
  app.add_option("--latency-ms", latency_ms,
                 "latency added to every AppsService call")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{600'000}));
  app.add_option(
         "--fail-rate", fail_rate,
         "fraction of AppsService calls failing up front with --fail-code")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--fail-code", fail_code, "status code of injected failures")
      ->capture_default_str();
  app.add_flag("--fail-after-commit", fail_after_commit,
               "Create commits, then answers UNAVAILABLE");
  auto* after_rate =
      app.add_option("--fail-after-commit-rate", fail_after_commit_rate,
                     "fraction of Creates failing after commit "
                     "(default 1.0; implies --fail-after-commit)")
          ->check(CLI::Range(0.0, 1.0));
  auto* seed_opt =
      app.add_option("--seed", seed, "seed of the fault injection RNG");
  app.add_option("--log-level", log_level, "debug, info, warn or error")
      ->capture_default_str();

  ParsedCommandLine result;
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out;
    std::ostringstream err;
    result.exit_code = app.exit(e, out, err);
    result.output = out.str() + err.str();
    return result;
  }

  auto fail = [&result](std::string message) {
    result.exit_code = 2;
    result.output = absl::StrCat("union-devserver: ", message, "\n");
    return result;
  };
  absl::StatusOr<absl::StatusCode> code = ParseStatusCode(fail_code);
  if (!code.ok())
    return fail(absl::StrCat("--fail-code: ", code.status().message()));
  absl::StatusOr<LogLevel> level = ParseLogLevel(log_level);
  if (!level.ok())
    return fail(absl::StrCat("--log-level: ", level.status().message()));
  absl::StatusOr<SyncMode> sync_mode = ParseSyncMode(sync);
  if (!sync_mode.ok())
    return fail(absl::StrCat("--sync: ", sync_mode.status().message()));
  absl::StatusOr<absl::Duration> ttl = ParseSecretTtl(secret_ttl);
  if (!ttl.ok())
    return fail(absl::StrCat("--secret-ttl: ", ttl.status().message()));
  if (o.bind.empty()) return fail("--bind must not be empty");
  if (o.admin_client_id.empty() || o.admin_client_id.size() > 128 ||
      o.admin_client_id.find_first_not_of(
          "abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
    return fail("--admin-client-id must be 1-128 characters of [a-z0-9._-]");
  }

  o.log_level = *level;
  o.sync = *sync_mode;
  o.secret_ttl = *ttl;
  o.faults.latency = absl::Milliseconds(latency_ms);
  o.faults.fail_rate = fail_rate;
  o.faults.fail_code = *code;
  if (fail_after_commit || after_rate->count() > 0) {
    o.faults.fail_after_commit_rate = fail_after_commit_rate;
  }
  if (seed_opt->count() > 0) o.faults.seed = seed;
  if (o.db_path.empty()) o.db_path = absl::StrCat(DefaultDataDir(), "/dev.db");
  if (o.admin_key_file.empty() && o.db_path != ":memory:" &&
      o.db_path.rfind("file:", 0) != 0) {
    const std::size_t slash = o.db_path.rfind('/');
    o.admin_key_file =
        slash == std::string::npos
            ? std::string("admin.key")
            : absl::StrCat(o.db_path.substr(0, slash + 1), "admin.key");
  }
  result.options = std::move(o);
  return result;
}

}  // namespace devserver
