// harness.h: what the union e2e scenarios run on: child processes, a
// union-devserver per test, and a Terraform working directory wired to a
// filesystem mirror holding our provider build.
//
//   TempDir tmp("union-e2e", "UNION_E2E_KEEP");
//   DevServer server(tmp.path() / "server");
//   Workspace ws(tmp.path() / "ws", server);
//   ws.WriteMainTf(R"(resource "union_api_key" "k" { name = "x" })");
//   ASSERT_EQ(ws.Terraform({"init"}).exit_code, 0);
// Every child gets a clean environment (PATH, HOME and TF_DATA_DIR in the
// test's temp dir, CHECKPOINT_DISABLE=1, its own TF_CLI_CONFIG_FILE), so the
// tests are hermetic and never touch the network beyond loopback. Processes,
// temp dirs, the provider mirror and terraform's environment come from the
// shared tf_e2e_harness (tests/e2e/common/harness.h).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/e2e/common/harness.h"

namespace union_e2e {

namespace fs = std::filesystem;

// The shared e2e harness (tests/e2e/common) supplies processes and dirs.
using tf_e2e::ProcessResult;
using tf_e2e::TempDir;

// A union-devserver child process on free loopback ports with a database in
// `dir`. Stopped with SIGTERM on destruction.
class DevServer {
 public:
  // `extra_args` go to union-devserver (e.g. fault injection flags).
  explicit DevServer(const fs::path& dir,
                     const std::vector<std::string>& extra_args = {});
  ~DevServer();
  DevServer(const DevServer&) = delete;
  DevServer& operator=(const DevServer&) = delete;

  // SIGKILL, like a crash: nothing is flushed or closed cleanly.
  void Kill();
  // Stops the server (SIGTERM) if it runs, then starts it again on the same
  // ports and database with `extra_args`. ready() tells how it went.
  void Restart(const std::vector<std::string>& extra_args = {});

  const fs::path& dir() const { return dir_; }
  bool ready() const { return ready_; }
  const std::string& failure() const { return failure_; }  // when !ready()
  const std::string& endpoint() const { return endpoint_; }    // gRPC host:port
  const std::string& http() const { return http_; }            // host:port
  const std::string& admin_key() const { return admin_key_; }  // secret

  // Runs union-apikey against this server (JSON on stdout).
  ProcessResult Cli(const std::vector<std::string>& args) const;
  // The client_ids of every key on the server (union-apikey list), or an
  // error in `error`.
  std::vector<std::string> ClientIds(std::string* error) const;

 private:
  // Starts the binary on the given ports ("0": any free one).
  void Start(const std::string& grpc_port, const std::string& http_port,
             const std::vector<std::string>& extra_args);
  void Stop();

  fs::path dir_;
  std::string tls_cert_;  // the --tls-cert PEM, trusted by Cli()
  int starts_ = 0;
  int pid_ = -1;
  bool ready_ = false;
  std::string failure_, endpoint_, http_, admin_key_;
};

// A terraform command started in the background (Workspace::Start).
struct RunningCommand {
  int pid = -1;
  std::string command_line{};
  fs::path out{};  // stdout and stderr, merged
  std::chrono::steady_clock::time_point give_up{};
};

// A Terraform working directory using our provider from a private mirror.
//
// Every command runs with TF_LOG=trace into <dir>/terraform.log (unless a
// test overrides TF_LOG/TF_LOG_PATH), and after every command the secrets in
// terraform.tfstate are collected, so SecretLeaks() can prove no secret ever
// reached a log, an output or a file outside the state.
class Workspace {
 public:
  Workspace(const fs::path& dir, const DevServer& server);

  const fs::path& dir() const { return dir_; }
  // Writes main.tf: the terraform/provider blocks, then `body`.
  // `provider_extra` goes inside provider "union" {}.
  void WriteMainTf(const std::string& body, const std::string& provider_extra = "");
  // Whether WriteMainTf sets `insecure = true` (plaintext; the default).
  void SetInsecure(bool insecure) { insecure_ = insecure; }
  // Extra environment for every later command (e.g. TF_LOG).
  void SetEnv(const std::string& name, const std::string& value);
  void UnsetEnv(const std::string& name);

  // `terraform <args>` (-no-color -input=false are added where they apply).
  // Unless `record` is false, its output joins the transcript (never record
  // commands that print secrets: show -json, output -raw).
  ProcessResult Terraform(std::vector<std::string> args, bool record = true);
  ProcessResult Init() { return Terraform({"init"}); }
  ProcessResult Apply() { return Terraform({"apply", "-auto-approve"}); }
  ProcessResult Destroy() { return Terraform({"destroy", "-auto-approve"}); }
  // Starts `terraform <args>` in the background (output merged, recorded
  // when it finishes); Finish waits for it.
  RunningCommand Start(std::vector<std::string> args);
  ProcessResult Finish(RunningCommand& command);
  // plan -detailed-exitcode: 0 empty, 2 changes, 1 error.
  ProcessResult Plan(bool refresh = true);
  // `terraform show -json` of the state: resource address -> values.
  std::map<std::string, nlohmann::json> StateValues();
  // Every stdout/stderr of every command run so far.
  const std::string& transcript() const { return transcript_; }

  // How many distinct secrets (client_secret, encoded_credentials) the
  // state has held after any command so far.
  size_t secrets_seen() const { return secrets_.size(); }
  // Where a secret seen in state, or the dev server's admin key, appears
  // outside the places meant to hold it (the state files, the server's
  // admin key file and its start-up banner): "<file>: <what>" (never the
  // secret itself). Searches every file under the workspace and the server
  // directory (logs, outputs, the server's database) and the transcript.
  std::vector<std::string> SecretLeaks() const;

 private:
  // Argv of `terraform <args>` with -input=false/-no-color where they apply.
  std::vector<std::string> Argv(const std::vector<std::string>& args) const;
  void Record(const std::vector<std::string>& argv, const std::string& output);
  // Adds the secrets in terraform.tfstate to secrets_.
  void CollectSecrets();

  fs::path dir_;
  const DevServer& server_;
  tf_e2e::Env env_;
  std::string transcript_;
  std::map<std::string, std::string> secrets_;  // secret -> what it is
  bool insecure_ = true;
};

// POSTs client credentials to the dev server's token endpoint; the parsed
// JSON answer, or a null json with `error` set.
nlohmann::json ExchangeForToken(const std::string& http_hostport,
                                const std::string& client_id,
                                const std::string& client_secret,
                                std::string* error);

// Paths of the binaries under test (compile definitions).
const char* ProviderBinary();
const char* DevServerBinary();
const char* ApiKeyCliBinary();

}  // namespace union_e2e
