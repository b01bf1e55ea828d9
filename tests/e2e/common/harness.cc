// harness.cc: temp dirs, processes, provider mirror, terraform environment.
#include "tests/e2e/common/harness.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string_view>
#include <utility>
#include <fstream>
#include <sstream>
#include <thread>

namespace tf_e2e {

std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  std::stringstream ss(path);
  std::string dir;
  while (std::getline(ss, dir, ':')) {
    if (dir.empty()) continue;
    fs::path candidate = fs::path(dir) / name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

std::string TerraformBinary() { return FindOnPath("terraform"); }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

TempDir::TempDir(const std::string& prefix, std::string keep_env)
    : keep_env_(std::move(keep_env)) {
  std::string tmpl = (fs::temp_directory_path() / (prefix + ".XXXXXX")).string();
  char* made = mkdtemp(tmpl.data());
  path_ = made != nullptr ? fs::path(made) : fs::path();
}

TempDir::~TempDir() {
  if (path_.empty() || keep_) return;
  if (!keep_env_.empty()) {
    const char* keep = std::getenv(keep_env_.c_str());
    if (keep != nullptr && std::string(keep) == "1") return;
  }
  std::error_code ec;
  fs::remove_all(path_, ec);
}

EnvBlock::EnvBlock(const Env& env) {
  for (const auto& [name, value] : env) strings_.push_back(name + "=" + value);
  for (std::string& s : strings_) pointers_.push_back(s.data());
  pointers_.push_back(nullptr);
}

int SpawnProcess(const std::vector<std::string>& argv, const Env& env,
                 const fs::path& cwd, const fs::path& out,
                 const fs::path& err) {
  if (argv.empty()) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (err == out) {
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
  } else {
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
  }
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  EnvBlock envp(env);
  std::string program = argv[0];
  if (program.find('/') == std::string::npos) program = FindOnPath(program);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, args.data(),
                       envp.get());
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

int WaitOrKill(int pid, std::chrono::steady_clock::time_point give_up,
               bool* timed_out) {
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) != pid) {
    if (std::chrono::steady_clock::now() > give_up) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      *timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return status;
}

ProcessResult RunProcess(const std::vector<std::string>& argv, const Env& env,
                         const fs::path& cwd, std::chrono::seconds limit,
                         Output output) {
  ProcessResult r;
  char out_tmpl[] = "/tmp/tf-e2e-out.XXXXXX";
  char err_tmpl[] = "/tmp/tf-e2e-err.XXXXXX";
  int out_fd = mkstemp(out_tmpl);
  int err_fd = mkstemp(err_tmpl);
  if (out_fd >= 0) close(out_fd);
  if (err_fd >= 0) close(err_fd);
  const fs::path out_path = out_tmpl;
  const fs::path err_path = output == Output::kMerged ? out_path : fs::path(err_tmpl);
  int pid = SpawnProcess(argv, env, cwd, out_path, err_path);
  if (pid < 0) {
    r.err = "cannot start " + (argv.empty() ? std::string("(nothing)") : argv[0]);
  } else {
    const int status = WaitOrKill(
        pid, std::chrono::steady_clock::now() + limit, &r.timed_out);
    if (!r.timed_out && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    r.out = ReadFile(out_path);
    if (output == Output::kSeparate) r.err = ReadFile(err_path);
  }
  unlink(out_tmpl);
  unlink(err_tmpl);
  return r;
}

fs::path InstallProvider(const fs::path& mirror, const std::string& source,
                         const std::string& version, const fs::path& binary) {
  const std::string type = source.substr(source.rfind('/') + 1);
  const fs::path platform = mirror / source / version / "linux_amd64";
  fs::create_directories(platform);
  const fs::path installed =
      platform / ("terraform-provider-" + type + "_v" + version);
  fs::copy_file(binary, installed, fs::copy_options::overwrite_existing);
  fs::permissions(installed, fs::perms::owner_all | fs::perms::group_read |
                                 fs::perms::group_exec);
  return installed;
}

void WriteCliConfig(const fs::path& file, const fs::path& mirror,
                    const std::string& include) {
  WriteFile(file,
            "provider_installation {\n"
            "  filesystem_mirror {\n"
            "    path    = \"" + mirror.string() + "\"\n"
            "    include = [\"" + include + "\"]\n"
            "  }\n"
            "}\n");
}

Env TerraformEnv(const TerraformDirs& dirs) {
  std::string path = "/usr/local/bin:/usr/bin:/bin";
  const std::string terraform = TerraformBinary();
  if (!terraform.empty()) {
    path = fs::path(terraform).parent_path().string() + ":" + path;
  }
  Env env = {
      {"PATH", path},
      {"HOME", dirs.home.string()},
      {"TF_CLI_CONFIG_FILE", dirs.cli_config.string()},
      {"CHECKPOINT_DISABLE", "1"},
      {"TF_IN_AUTOMATION", "1"},
      {"TF_INPUT", "0"},
  };
  if (!dirs.data_dir.empty()) env["TF_DATA_DIR"] = dirs.data_dir.string();
  if (!dirs.tmp_dir.empty()) env["TMPDIR"] = dirs.tmp_dir.string();
  return env;
}

SecretScanner::SecretScanner(std::map<std::string, std::string> secrets)
    : secrets_(std::move(secrets)) {
  prefix_ = 16;
  for (const auto& entry : secrets_) {
    prefix_ = std::min(prefix_, entry.first.size());
  }
  if (prefix_ == 0) hits_.push_back("(an empty secret was given)");
  for (const auto& entry : secrets_) {
    prefixes_.insert(std::string_view(entry.first).substr(0, prefix_));
  }
}

void SecretScanner::ScanText(const std::string& text,
                             const std::string& where) {
  if (prefix_ == 0 || text.size() < prefix_) return;
  std::set<std::string> found;
  for (size_t i = 0; i + prefix_ <= text.size(); ++i) {
    if (prefixes_.count(std::string_view(text.data() + i, prefix_)) == 0) {
      continue;
    }
    for (const auto& [secret, what] : secrets_) {
      if (text.compare(i, secret.size(), secret) == 0) found.insert(what);
    }
  }
  for (const std::string& what : found) hits_.push_back(where + ": " + what);
}

void SecretScanner::ScanTree(const fs::path& root,
                             const std::function<bool(const fs::path&)>& skip) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (skip(it->path())) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) {
      ScanText(ReadFile(it->path()), it->path().string());
    }
  }
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace tf_e2e
