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

  bool ready() const { return ready_; }
  const std::string& failure() const { return failure_; }  // when !ready()
  const std::string& endpoint() const { return endpoint_; }    // gRPC host:port
  const std::string& http() const { return http_; }            // host:port
  const std::string& admin_key() const { return admin_key_; }  // secret

  // Runs union-apikey against this server (JSON on stdout).
  ProcessResult Cli(const std::vector<std::string>& args) const;

 private:
  fs::path dir_;
  int pid_ = -1;
  bool ready_ = false;
  std::string failure_, endpoint_, http_, admin_key_;
};

// A Terraform working directory using our provider from a private mirror.
class Workspace {
 public:
  Workspace(const fs::path& dir, const DevServer& server);

  const fs::path& dir() const { return dir_; }
  // Writes main.tf: the terraform/provider blocks, then `body`.
  // `provider_extra` goes inside provider "union" {}.
  void WriteMainTf(const std::string& body, const std::string& provider_extra = "");
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
  // plan -detailed-exitcode: 0 empty, 2 changes, 1 error.
  ProcessResult Plan(bool refresh = true);
  // `terraform show -json` of the state: resource address -> values.
  std::map<std::string, nlohmann::json> StateValues();
  // Every stdout/stderr of every command run so far.
  const std::string& transcript() const { return transcript_; }

 private:
  fs::path dir_;
  const DevServer& server_;
  tf_e2e::Env env_;
  std::string transcript_;
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
