// harness.h: what every e2e suite runs on: temp dirs, child processes with
// captured output and a safety time limit, a provider binary installed into
// a filesystem mirror with its TF_CLI_CONFIG_FILE, and the hermetic
// environment `terraform` runs in.
//
//   tf_e2e::TempDir tmp("my-e2e", "MY_E2E_KEEP");
//   ASSERT_FALSE(tf_e2e::TerraformBinary().empty()) << tf_e2e::kNoTerraform;
//   tf_e2e::InstallProvider(tmp.path() / "mirror", "registry.terraform.io/a/b",
//                           "0.1.0", binary);
//   tf_e2e::WriteCliConfig(tmp.path() / "terraformrc", tmp.path() / "mirror",
//                          "registry.terraform.io/a/*");
//   tf_e2e::Env env = tf_e2e::TerraformEnv({.home = ..., .cli_config = ...});
//   tf_e2e::ProcessResult r = tf_e2e::RunProcess(
//       {tf_e2e::TerraformBinary(), "init"}, env, work_dir);
//
// Children get exactly the environment they are given (never the test's),
// so the suites are hermetic and never touch the network beyond loopback.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tf_e2e {

namespace fs = std::filesystem;

// A child's complete environment: name -> value.
using Env = std::map<std::string, std::string>;

// What a test prints when `terraform` is missing: the e2e suites need the
// real CLI and fail (never skip) without it.
inline constexpr char kNoTerraform[] =
    "terraform is not on PATH: the e2e suites need the real terraform CLI "
    "(v1.11.4) and never skip";

// The absolute path of `name` in $PATH ("" when absent).
[[nodiscard]] std::string FindOnPath(const std::string& name);

// FindOnPath("terraform"): "" when absent (fail with kNoTerraform).
[[nodiscard]] std::string TerraformBinary();

// Whole-file helpers (binary mode; a missing file reads as "").
[[nodiscard]] std::string ReadFile(const fs::path& path);
void WriteFile(const fs::path& path, const std::string& text);

// A fresh directory under the system temp dir named `<prefix>.XXXXXX`,
// removed (recursively) on destruction unless Keep() was called or the
// environment variable `keep_env` (when given) is "1".
class TempDir {
 public:
  explicit TempDir(const std::string& prefix, std::string keep_env = "");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Empty when the directory could not be made.
  const fs::path& path() const { return path_; }
  // Leaves the directory behind for inspection.
  void Keep() { keep_ = true; }

 private:
  fs::path path_;
  std::string keep_env_;
  bool keep_ = false;
};

// Owns a NULL-terminated "NAME=value" array for exec/posix_spawn.
class EnvBlock {
 public:
  explicit EnvBlock(const Env& env);
  EnvBlock(const EnvBlock&) = delete;
  EnvBlock& operator=(const EnvBlock&) = delete;
  char** get() { return pointers_.data(); }

 private:
  std::vector<std::string> strings_;
  std::vector<char*> pointers_;
};

// Starts argv[0] (a path, or a name looked up in PATH) with exactly `env`
// in `cwd`, stdin from /dev/null and stdout/stderr into the two files
// (the same path for both merges them). Returns the pid, -1 on error.
[[nodiscard]] int SpawnProcess(const std::vector<std::string>& argv,
                               const Env& env, const fs::path& cwd,
                               const fs::path& out, const fs::path& err);

struct ProcessResult {
  int exit_code = -1;      // -1 when killed (timed out or by a signal)
  bool timed_out = false;
  std::string out;         // stdout (and stderr when merged)
  std::string err;         // stderr ("" when merged)
  std::string all() const { return out + err; }
};

// Whether stderr is kept apart or interleaved into `out` (like 2>&1).
enum class Output { kSeparate, kMerged };

// Runs argv with exactly `env` in `cwd` and waits, killing the child after
// `limit` (a safety net, never an assertion).
[[nodiscard]] ProcessResult RunProcess(
    const std::vector<std::string>& argv, const Env& env, const fs::path& cwd,
    std::chrono::seconds limit = std::chrono::seconds(600),
    Output output = Output::kSeparate);

// Waits for child `pid` to exit; past `give_up` kills it (SIGKILL) and sets
// *timed_out. Returns its wait status.
int WaitOrKill(int pid, std::chrono::steady_clock::time_point give_up,
               bool* timed_out);

// Copies `binary` into `mirror` as the provider `source` (hostname/namespace/
// type, e.g. "registry.terraform.io/unionai/union") at `version` for
// linux_amd64, executable. Returns the installed path.
fs::path InstallProvider(const fs::path& mirror, const std::string& source,
                         const std::string& version, const fs::path& binary);

// Writes a CLI config (for TF_CLI_CONFIG_FILE) that installs providers
// matching `include` (e.g. "registry.terraform.io/tftest/*") only from the
// filesystem mirror `mirror`.
void WriteCliConfig(const fs::path& file, const fs::path& mirror,
                    const std::string& include);

// Where a hermetic terraform keeps its things.
struct TerraformDirs {
  fs::path home;        // HOME
  fs::path cli_config;  // TF_CLI_CONFIG_FILE
  fs::path data_dir;    // TF_DATA_DIR; empty: terraform's default (.terraform)
  fs::path tmp_dir;     // TMPDIR; empty: not set
};

// The environment for `terraform`: PATH (terraform's directory, then the
// system dirs), the given dirs, CHECKPOINT_DISABLE=1, TF_IN_AUTOMATION=1,
// TF_INPUT=0. Nothing else of the test's environment leaks in (no
// TF_PLUGIN_CACHE_DIR, TF_CLI_ARGS, TF_REATTACH_PROVIDERS, TF_WORKSPACE...).
[[nodiscard]] Env TerraformEnv(const TerraformDirs& dirs);

// Finds secrets where they must not be: in texts and in the files of
// directory trees. A hit names the place and what the secret is (its
// description), never the secret itself.
//
//   SecretScanner scan({{secret, "client_secret of union_api_key.a"}});
//   scan.ScanText(transcript, "the command transcript");
//   scan.ScanTree(dir, [](const fs::path& p) { return p.filename() == "x"; });
//   EXPECT_TRUE(scan.hits().empty());
class SecretScanner {
 public:
  // secret -> what it is.
  explicit SecretScanner(std::map<std::string, std::string> secrets);

  void ScanText(const std::string& text, const std::string& where);
  // Every regular file under `root`; `skip` leaves out a file, or a
  // directory with everything in it.
  void ScanTree(const fs::path& root,
                const std::function<bool(const fs::path&)>& skip);

  // "<where>: <what>" per place and secret.
  const std::vector<std::string>& hits() const { return hits_; }

 private:
  std::map<std::string, std::string> secrets_;
  size_t prefix_ = 0;  // secrets are matched by this many leading bytes first
  std::set<std::string_view> prefixes_;
  std::vector<std::string> hits_;
};

[[nodiscard]] bool Contains(const std::string& haystack,
                            const std::string& needle);

}  // namespace tf_e2e
