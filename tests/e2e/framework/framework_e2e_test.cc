// framework_e2e_test: the real `terraform` CLI (on PATH) drives the
// test-only provider terraform-provider-tftest, installed from a filesystem
// mirror in a temp dir, fully offline. Covers init, validate, apply, empty
// re-plans (with and without refresh), in-place update, replacement, the
// data source, sensitive values, import, "gone" on refresh, destroy, a
// provider function (result and argument error) and an ephemeral resource
// feeding a write-only argument without leaving a trace in plan, state or
// log.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/e2e/common/expect_text.h"
#include "tests/e2e/common/harness.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

using tf_e2e::Contains;
using tf_e2e::ExpectText;
using tf_e2e::ProcessResult;
using tf_e2e::ReadFile;
using tf_e2e::WriteFile;

class FrameworkE2ETest : public ::testing::Test {
 protected:
  void SetUp() override {
    terraform_ = tf_e2e::TerraformBinary();
    ASSERT_FALSE(terraform_.empty()) << tf_e2e::kNoTerraform;
    tmp_ = std::make_unique<tf_e2e::TempDir>("tf-framework-e2e");
    root_ = tmp_->path();
    ASSERT_FALSE(root_.empty());
    tf_e2e::InstallProvider(root_ / "mirror",
                            "registry.terraform.io/tftest/tftest", "0.0.1",
                            TFTEST_PROVIDER_BINARY);
    fs::create_directories(root_ / "home");
    tf_e2e::WriteCliConfig(root_ / "terraformrc", root_ / "mirror",
                           "registry.terraform.io/tftest/*");
    // TF_DATA_DIR stays terraform's default: each work dir has its own.
    env_ = tf_e2e::TerraformEnv({.home = root_ / "home",
                                 .cli_config = root_ / "terraformrc",
                                 .data_dir = {},
                                 .tmp_dir = {}});
    env_["TFTEST_STORE"] = (root_ / "store.json").string();
    // Every command is traced; TearDown proves the sensitive and write-only
    // values never reach a log or an output.
    env_["TF_LOG"] = "trace";
    env_["TF_LOG_PATH"] = (root_ / "terraform.log").string();
  }

  void TearDown() override {
    if (tmp_ != nullptr) ExpectNoSecretsOutsideStateAndConfig();
    if (HasFailure() && tmp_ != nullptr) {
      tmp_->Keep();
      std::fprintf(stderr, "work dir kept for inspection: %s\n", root_.c_str());
    }
  }

  // The test configs' sensitive value and write-only value may appear only
  // in the configs (main.tf), the state (sensitive, not write-only) and the
  // test provider's own store; never in terraform's trace log or output.
  void ExpectNoSecretsOutsideStateAndConfig() {
    const std::string log = ReadFile(root_ / "terraform.log");
    if (!outputs_.empty()) {  // terraform ran
      EXPECT_GT(log.size(), 1000u) << "TF_LOG=trace wrote almost nothing";
    }
    tf_e2e::SecretScanner scan({{"hunter2", "the sensitive value"},
                                {"write-only-pw", "the write-only value"}});
    scan.ScanText(outputs_, "a command's output");
    scan.ScanTree(root_, [](const fs::path& path) {
      const std::string name = path.filename().string();
      return name == "mirror" || name == ".terraform" || name == "main.tf" ||
             name == "store.json" || name.rfind("terraform.tfstate", 0) == 0;
    });
    EXPECT_TRUE(scan.hits().empty())
        << "a sensitive value appeared in: " << scan.hits()[0];
  }

  fs::path NewWorkDir(const std::string& name, const std::string& config) {
    fs::path dir = root_ / name;
    fs::create_directories(dir);
    WriteConfig(dir, config);
    return dir;
  }

  static void WriteConfig(const fs::path& dir, const std::string& body) {
    WriteFile(
        dir / "main.tf",
        "terraform {\n"
        "  required_providers {\n"
        "    tftest = { source = \"tftest/tftest\", version = \"0.0.1\" }\n"
        "  }\n"
        "}\n"
        "provider \"tftest\" {}\n" +
            body);
  }

  // Runs `terraform <args> -no-color` in `dir` (args split on spaces);
  // stdout and stderr are captured interleaved in `out`.
  ProcessResult Run(const fs::path& dir, const std::string& args) {
    std::vector<std::string> argv = {terraform_};
    std::stringstream words(args);
    for (std::string w; words >> w;) argv.push_back(w);
    argv.push_back("-no-color");
    ProcessResult r = tf_e2e::RunProcess(
        argv, env_, dir, std::chrono::seconds(600), tf_e2e::Output::kMerged);
    outputs_ += r.out;
    return r;
  }

  // Runs and expects `want_exit`; on mismatch fails printing the output.
  ProcessResult Expect(const fs::path& dir, const std::string& args,
                       int want_exit) {
    ProcessResult r = Run(dir, args);
    EXPECT_EQ(r.exit_code, want_exit)
        << "terraform " << args << " in " << dir << "\n"
        << r.out;
    return r;
  }

  Json State(const fs::path& dir) {
    return Json::parse(ReadFile(dir / "terraform.tfstate"), nullptr, false);
  }

  // Attributes of the first instance of resource `type`.`name` in state.
  Json Attributes(const fs::path& dir, const std::string& type,
                  const std::string& name) {
    Json state = State(dir);
    if (state.is_discarded()) return Json();
    for (const Json& r : state["resources"]) {
      if (r.value("mode", "") == "managed" && r.value("type", "") == type &&
          r.value("name", "") == name) {
        return r["instances"][0]["attributes"];
      }
    }
    return Json();
  }

  Json Store() {
    return Json::parse(ReadFile(root_ / "store.json"), nullptr, false);
  }

  std::string terraform_;
  std::unique_ptr<tf_e2e::TempDir> tmp_;
  fs::path root_;
  tf_e2e::Env env_;      // every child's whole environment
  std::string outputs_;  // every command's output
};

const char kThingConfig[] = R"(
resource "tftest_thing" "a" {
  name   = "%NAME%"
  size   = %SIZE%
  tags   = ["x", "y"]
  secret = "hunter2"
  password_wo = "write-only-pw"
}

data "tftest_lookup" "a" {
  name       = tftest_thing.a.name
  depends_on = [tftest_thing.a]
}

output "thing_id" {
  value = tftest_thing.a.id
}

output "lookup_id" {
  value = data.tftest_lookup.a.id
}
)";

std::string ThingConfig(const std::string& name, int size) {
  std::string s = kThingConfig;
  s.replace(s.find("%NAME%"), 6, name);
  s.replace(s.find("%SIZE%"), 6, std::to_string(size));
  return s;
}

TEST_F(FrameworkE2ETest, LifecycleImportAndDestroy) {
  const fs::path dir = NewWorkDir("main", ThingConfig("alpha", 1));
  Expect(dir, "init -input=false", 0);
  Expect(dir, "validate", 0);

  // Create: the plan shows the sensitive value masked.
  ProcessResult create = Expect(dir, "apply -auto-approve -input=false", 0);
  ExpectText(create.out, {"(sensitive value)"}, {"hunter2"});
  Json attrs = Attributes(dir, "tftest_thing", "a");
  ASSERT_TRUE(attrs.is_object()) << ReadFile(dir / "terraform.tfstate");
  const std::string id = attrs.value("id", "");
  EXPECT_EQ(id.rfind("thing-", 0), 0u) << attrs.dump();
  EXPECT_EQ(attrs.value("summary", ""), "size is 1");
  EXPECT_EQ(attrs.value("secret", ""), "hunter2");  // state keeps plaintext
  EXPECT_FALSE(attrs.value("created_at", "").empty());
  EXPECT_TRUE(Store().contains(id));
  // The write-only value reached Create but never the state.
  EXPECT_TRUE(attrs["password_wo"].is_null()) << attrs.dump();
  EXPECT_EQ(Store()[id].value("password_writes", 0), 1) << Store().dump(2);
  EXPECT_FALSE(Contains(ReadFile(dir / "terraform.tfstate"), "write-only-pw"));

  // The state lists the sensitive attribute.
  {
    Json state = State(dir);
    bool listed = false;
    for (const Json& r : state["resources"]) {
      if (r.value("type", "") != "tftest_thing") continue;
      std::string sens = r["instances"][0]["sensitive_attributes"].dump();
      listed = Contains(sens, "\"secret\"");
    }
    EXPECT_TRUE(listed) << state.dump(2);
  }

  // The data source read the thing back.
  ProcessResult lookup = Expect(dir, "output -raw lookup_id", 0);
  EXPECT_EQ(lookup.out, id);

  // No perpetual diff: empty plans with and without refresh.
  Expect(dir, "plan -detailed-exitcode -input=false", 0);
  Expect(dir, "plan -detailed-exitcode -input=false -refresh=false", 0);

  // In-place update: size changes, id and created_at stay.
  const std::string created_at = attrs.value("created_at", "");
  WriteConfig(dir, ThingConfig("alpha", 2));
  ProcessResult plan_update =
      Expect(dir, "plan -detailed-exitcode -input=false", 2);
  EXPECT_TRUE(Contains(plan_update.out, "update in-place")) << plan_update.out;
  EXPECT_FALSE(Contains(plan_update.out, "must be replaced"))
      << plan_update.out;
  Expect(dir, "apply -auto-approve -input=false", 0);
  attrs = Attributes(dir, "tftest_thing", "a");
  EXPECT_EQ(attrs.value("id", ""), id);
  EXPECT_EQ(attrs.value("created_at", ""), created_at);
  EXPECT_EQ(attrs.value("summary", ""), "size is 2");
  EXPECT_EQ(Store()[id].value("password_writes", 0), 2) << Store().dump(2);
  Expect(dir, "plan -detailed-exitcode -input=false", 0);

  // Replacement: a name change forces a new thing.
  WriteConfig(dir, ThingConfig("beta", 2));
  ProcessResult plan_replace =
      Expect(dir, "plan -detailed-exitcode -input=false", 2);
  EXPECT_TRUE(Contains(plan_replace.out, "must be replaced"))
      << plan_replace.out;
  Expect(dir, "apply -auto-approve -input=false", 0);
  attrs = Attributes(dir, "tftest_thing", "a");
  const std::string new_id = attrs.value("id", "");
  EXPECT_NE(new_id, id);
  EXPECT_FALSE(Store().contains(id)) << Store().dump(2);
  EXPECT_TRUE(Store().contains(new_id)) << Store().dump(2);
  Expect(dir, "plan -detailed-exitcode -input=false", 0);
  EXPECT_EQ(Expect(dir, "output -raw lookup_id", 0).out, new_id);

  // Import the same thing into a new configuration.
  const fs::path imp = NewWorkDir("import", R"(
resource "tftest_thing" "imported" {
  name   = "beta"
  size   = 2
  tags   = ["x", "y"]
  secret = "hunter2"
}
)");
  Expect(imp, "init -input=false", 0);
  ProcessResult imported =
      Expect(imp, "import -input=false tftest_thing.imported " + new_id, 0);
  EXPECT_TRUE(Contains(imported.out, "Import successful")) << imported.out;
  Json imp_attrs = Attributes(imp, "tftest_thing", "imported");
  EXPECT_EQ(imp_attrs.value("id", ""), new_id);
  EXPECT_EQ(imp_attrs.value("name", ""), "beta");
  EXPECT_EQ(imp_attrs.value("created_at", ""), attrs.value("created_at", ""));
  Expect(imp, "plan -detailed-exitcode -input=false", 0);

  // Importing an id that does not exist fails cleanly.
  ProcessResult missing =
      Run(imp, "import -input=false tftest_thing.other thing-nope");
  EXPECT_NE(missing.exit_code, 0) << missing.out;

  // Destroy: the thing leaves the store.
  Expect(dir, "destroy -auto-approve -input=false", 0);
  EXPECT_FALSE(Store().contains(new_id)) << Store().dump(2);
  EXPECT_TRUE(Attributes(dir, "tftest_thing", "a").is_null());

  // The imported copy now refreshes as gone: the plan wants to create it.
  ProcessResult gone = Expect(imp, "plan -detailed-exitcode -input=false", 2);
  EXPECT_TRUE(Contains(gone.out, "will be created")) << gone.out;
  Expect(imp, "destroy -auto-approve -input=false", 0);
}

// A provider function's result lands in an output; an ephemeral token feeds
// a write-only argument and a local, is opened and closed with its private
// lease, and appears in no plan, state, output or trace log.
TEST_F(FrameworkE2ETest, FunctionsAndEphemeralResources) {
  const fs::path dir = NewWorkDir("ephemeral", R"(
ephemeral "tftest_token" "t" {
  name = "alpha"
}
locals {
  token_length = length(ephemeral.tftest_token.t.token)
}
resource "tftest_thing" "w" {
  name        = "with-token"
  password_wo = ephemeral.tftest_token.t.token
}
output "shouted" {
  value = provider::tftest::shout("hello", "!", "?")
}
)");
  Expect(dir, "init -input=false", 0);
  Expect(dir, "validate", 0);
  Expect(dir, "plan -input=false -out=tfplan", 0);
  ProcessResult shown = Expect(dir, "show -json tfplan", 0);
  ExpectText(shown.out, {"HELLO!?"}, {"eph-token", "eph-lease"});

  Expect(dir, "apply -input=false tfplan", 0);
  EXPECT_EQ(Expect(dir, "output -raw shouted", 0).out, "HELLO!?");
  const std::string state = ReadFile(dir / "terraform.tfstate");
  EXPECT_FALSE(state.empty());
  ExpectText(state, {}, {"eph-token", "eph-lease"});
  // The ephemeral resource is no state object (its address may appear only
  // among the thing's dependencies).
  for (const Json& r : State(dir)["resources"]) {
    EXPECT_NE(r.value("type", ""), "tftest_token") << state;
  }
  // The token reached Create through the write-only argument.
  Json attrs = Attributes(dir, "tftest_thing", "w");
  ASSERT_TRUE(attrs.is_object()) << state;
  EXPECT_EQ(Store()[attrs.value("id", "")].value("password_writes", 0), 1)
      << Store().dump(2);
  EXPECT_TRUE(attrs["password_wo"].is_null()) << attrs.dump();

  // Opened and closed (with the private lease from Open), in plan and apply.
  const std::string journal = ReadFile(root_ / "store.json.journal");
  ExpectText(journal, {"open alpha", "close ok"}, {"bad-lease"});

  // A bad argument: Terraform's error names the function and the argument.
  const fs::path bad = NewWorkDir("function-error", R"(
output "bad" {
  value = provider::tftest::shout("")
}
)");
  Expect(bad, "init -input=false", 0);
  ProcessResult failed = Expect(bad, "plan -input=false", 1);
  ExpectText(failed.out, {"provider::tftest::shout", "input must not be empty",
                          "\"input\""});

  Expect(dir, "destroy -auto-approve -input=false", 0);

  // Neither the token nor the lease appears anywhere terraform wrote:
  // outputs, trace log, state files, plan, journal, store.
  tf_e2e::SecretScanner scan({{"eph-token", "the ephemeral result"},
                              {"eph-lease", "the ephemeral private data"}});
  scan.ScanText(outputs_, "a command's output");
  scan.ScanTree(root_, [](const fs::path& path) {
    const std::string name = path.filename().string();
    return name == "mirror" || name == ".terraform";
  });
  EXPECT_TRUE(scan.hits().empty())
      << "an ephemeral value appeared in: " << scan.hits()[0];
}

// Debug (reattach) mode: one provider process, started by the test, serves
// every terraform command; ConfigureProvider arrives once per command.
TEST_F(FrameworkE2ETest, DebugModeServesSeveralCommands) {
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  // Its own log (TF_LOG=trace) goes where the leak check searches.
  const std::string provider_log = (root_ / "debug-provider.log").string();
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO,
                                   provider_log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addclose(&actions, out[1]);
  std::string binary = TFTEST_PROVIDER_BINARY;
  char* argv[] = {binary.data(), const_cast<char*>("--debug"), nullptr};
  pid_t pid = 0;
  tf_e2e::EnvBlock envp(env_);
  ASSERT_EQ(
      posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv, envp.get()),
      0);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  // Stops the provider we started, whatever happens below.
  struct Reaper {
    pid_t pid;
    ~Reaper() {
      if (pid > 0 && waitpid(pid, nullptr, WNOHANG) == 0) {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
      }
    }
  } reaper{pid};

  // Read until the reattach line (the provider prints it once serving).
  std::string printed, reattach;
  FILE* f = fdopen(out[0], "r");
  ASSERT_NE(f, nullptr);
  char line[4096];
  while (reattach.empty() && std::fgets(line, sizeof(line), f) != nullptr) {
    printed += line;
    std::string l = line;
    size_t at = l.find("TF_REATTACH_PROVIDERS='");
    if (at != std::string::npos) {
      size_t start = at + std::string("TF_REATTACH_PROVIDERS='").size();
      reattach = l.substr(start, l.rfind('\'') - start);
    }
  }
  ASSERT_FALSE(reattach.empty()) << printed;
  Json parsed = Json::parse(reattach, nullptr, false);
  ASSERT_TRUE(parsed.contains("registry.terraform.io/tftest/tftest"))
      << reattach;
  EXPECT_EQ(parsed["registry.terraform.io/tftest/tftest"].value("Pid", 0), pid);
  env_["TF_REATTACH_PROVIDERS"] = reattach;

  const fs::path dir = NewWorkDir("debug", R"(
resource "tftest_thing" "d" {
  name = "debug"
  size = 7
}
)");
  Expect(dir, "init -input=false", 0);
  Expect(dir, "apply -auto-approve -input=false", 0);
  Expect(dir, "plan -detailed-exitcode -input=false", 0);
  Expect(dir, "destroy -auto-approve -input=false", 0);
  env_.erase("TF_REATTACH_PROVIDERS");

  // Still the same process, serving until told to stop.
  EXPECT_EQ(waitpid(pid, nullptr, WNOHANG), 0);
  kill(pid, SIGTERM);
  int status = 0;
  EXPECT_EQ(waitpid(pid, &status, 0), pid);
  reaper.pid = 0;
  EXPECT_TRUE(WIFEXITED(status)) << "provider did not exit on SIGTERM";
  fclose(f);
}

TEST_F(FrameworkE2ETest, BinaryFlagsAndHandshakeGuard) {
  ProcessResult version =
      tf_e2e::RunProcess({TFTEST_PROVIDER_BINARY, "--version"}, env_, root_,
                         std::chrono::seconds(60), tf_e2e::Output::kMerged);
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, "0.0.1\n");
  // Run by hand (no magic cookie in env_): refuses, exit 1, nothing on stdout.
  ASSERT_EQ(env_.count("TF_PLUGIN_MAGIC_COOKIE"), 0u);
  ProcessResult by_hand = tf_e2e::RunProcess({TFTEST_PROVIDER_BINARY}, env_,
                                             root_, std::chrono::seconds(60));
  EXPECT_EQ(by_hand.out.size(), 0u);
  EXPECT_NE(by_hand.exit_code, -1) << "killed by a signal or timed out";
  EXPECT_EQ(by_hand.exit_code, 1);
}

TEST_F(FrameworkE2ETest, ValidateRejectsBadConfig) {
  const fs::path dir = NewWorkDir("bad", R"(
resource "tftest_thing" "a" {
  name = ""
}
)");
  Expect(dir, "init -input=false", 0);
  ProcessResult r = Expect(dir, "validate", 1);
  EXPECT_TRUE(Contains(r.out, "string length must be between 1 and 64"))
      << r.out;
}

}  // namespace
