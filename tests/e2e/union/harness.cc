// harness.cc: processes, dev server, Terraform workspace.
#include "tests/e2e/union/harness.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace union_e2e {
namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

// Starts a child with stdout/stderr to files; returns its pid (-1 on error).
int Spawn(const std::vector<std::string>& argv,
          const std::map<std::string, std::string>& env, const fs::path& cwd,
          const fs::path& out, const fs::path& err) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string program = argv[0];
  if (program.find('/') == std::string::npos) program = FindInPath(program);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, args.data(),
                       envp.data());
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

size_t AppendToString(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

}  // namespace

TempDir::TempDir() {
  std::string tmpl =
      (fs::temp_directory_path() / "union-e2e.XXXXXX").string();
  char* made = mkdtemp(tmpl.data());
  path_ = made != nullptr ? fs::path(made) : fs::path();
}

TempDir::~TempDir() {
  const char* keep = std::getenv("UNION_E2E_KEEP");
  if (keep != nullptr && std::string(keep) == "1") return;
  std::error_code ec;
  if (!path_.empty()) fs::remove_all(path_, ec);
}

std::string FindInPath(const std::string& name) {
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

ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env,
                         const fs::path& cwd, std::chrono::seconds limit) {
  ProcessResult r;
  char out_tmpl[] = "/tmp/union-e2e-out.XXXXXX";
  char err_tmpl[] = "/tmp/union-e2e-err.XXXXXX";
  int out_fd = mkstemp(out_tmpl);
  int err_fd = mkstemp(err_tmpl);
  if (out_fd >= 0) close(out_fd);
  if (err_fd >= 0) close(err_fd);
  int pid = Spawn(argv, env, cwd, out_tmpl, err_tmpl);
  if (pid < 0) {
    r.err = "cannot start " + argv[0];
  } else {
    const auto give_up = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (true) {
      pid_t done = waitpid(pid, &status, WNOHANG);
      if (done == pid) break;
      if (std::chrono::steady_clock::now() > give_up) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        r.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!r.timed_out && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    r.out = ReadFile(out_tmpl);
    r.err = ReadFile(err_tmpl);
  }
  unlink(out_tmpl);
  unlink(err_tmpl);
  return r;
}

DevServer::DevServer(const fs::path& dir,
                     const std::vector<std::string>& extra_args)
    : dir_(dir) {
  fs::create_directories(dir_);
  std::map<std::string, std::string> env = {
      {"PATH", "/usr/bin:/bin"}, {"HOME", dir_.string()}};
  std::vector<std::string> argv = {
      DevServerBinary(), "--db", (dir_ / "dev.db").string(), "--port", "0",
      "--http-port", "0", "--admin-key-file", (dir_ / "admin.key").string()};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  pid_ = Spawn(argv, env, dir_, dir_ / "server.out", dir_ / "server.log");
  if (pid_ < 0) {
    failure_ = "cannot start union-devserver";
    return;
  }
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < give_up) {
    std::string out = ReadFile(dir_ / "server.out");
    size_t ready = out.find("UNION_DEVSERVER_READY ");
    if (ready != std::string::npos && out.find('\n', ready) != std::string::npos) {
      std::string line = out.substr(ready, out.find('\n', ready) - ready);
      auto field = [&](const std::string& key) {
        size_t at = line.find(" " + key + "=");
        if (at == std::string::npos) return std::string();
        at += key.size() + 2;
        return line.substr(at, line.find(' ', at) - at);
      };
      endpoint_ = field("endpoint");
      http_ = field("http");
      size_t k = out.find("UNION_API_KEY=");
      if (k != std::string::npos) {
        k += std::string("UNION_API_KEY=").size();
        admin_key_ = out.substr(k, out.find('\n', k) - k);
      }
      ready_ = !endpoint_.empty() && !http_.empty() && !admin_key_.empty();
      if (!ready_) failure_ = "unexpected READY line: " + line;
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      failure_ = "union-devserver exited early: " + ReadFile(dir_ / "server.log");
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  failure_ = "union-devserver not ready within 60 s";
}

DevServer::~DevServer() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (waitpid(pid_, &status, WNOHANG) != pid_) {
    if (std::chrono::steady_clock::now() > give_up) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

ProcessResult DevServer::Cli(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {ApiKeyCliBinary(), "--endpoint", endpoint_,
                                   "--insecure", "--timeout", "20"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv,
                    {{"PATH", "/usr/bin:/bin"},
                     {"HOME", dir_.string()},
                     {"UNION_API_KEY", admin_key_}},
                    dir_, std::chrono::seconds(120));
}

Workspace::Workspace(const fs::path& dir, const DevServer& server)
    : dir_(dir), server_(server) {
  const fs::path work = dir_ / "work";
  const fs::path home = dir_ / "home";
  const fs::path mirror = dir_ / "mirror";
  const fs::path platform = mirror / "registry.terraform.io" / "unionai" /
                            "union" / TFPU_PROVIDER_VERSION / "linux_amd64";
  fs::create_directories(work);
  fs::create_directories(home);
  fs::create_directories(platform);
  fs::copy_file(ProviderBinary(),
                platform / ("terraform-provider-union_v" TFPU_PROVIDER_VERSION),
                fs::copy_options::overwrite_existing);
  WriteFile(dir_ / "terraformrc",
            "provider_installation {\n"
            "  filesystem_mirror {\n"
            "    path    = \"" + mirror.string() + "\"\n"
            "    include = [\"registry.terraform.io/unionai/union\"]\n"
            "  }\n"
            "}\n");
  std::string path = "/usr/local/bin:/usr/bin:/bin";
  const std::string terraform = FindInPath("terraform");
  if (!terraform.empty()) {
    path = fs::path(terraform).parent_path().string() + ":" + path;
  }
  env_ = {
      {"PATH", path},
      {"HOME", home.string()},
      {"TMPDIR", dir_.string()},
      {"TF_DATA_DIR", (dir_ / "tfdata").string()},
      {"TF_CLI_CONFIG_FILE", (dir_ / "terraformrc").string()},
      {"CHECKPOINT_DISABLE", "1"},
      {"TF_IN_AUTOMATION", "1"},
      {"TF_INPUT", "0"},
      {"UNION_API_KEY", server_.admin_key()},
      {"UNION_ENDPOINT", server_.endpoint()},
  };
}

void Workspace::WriteMainTf(const std::string& body,
                            const std::string& provider_extra) {
  WriteFile(dir_ / "work" / "main.tf",
            "terraform {\n"
            "  required_providers {\n"
            "    union = {\n"
            "      source  = \"unionai/union\"\n"
            "      version = \"" TFPU_PROVIDER_VERSION "\"\n"
            "    }\n"
            "  }\n"
            "}\n\n"
            "provider \"union\" {\n"
            "  insecure = true\n" +
                provider_extra +
                "}\n\n" + body + "\n");
}

void Workspace::SetEnv(const std::string& name, const std::string& value) {
  env_[name] = value;
}
void Workspace::UnsetEnv(const std::string& name) { env_.erase(name); }

ProcessResult Workspace::Terraform(std::vector<std::string> args,
                                   bool record) {
  // terraform <command words> <flags> <rest>; `state` takes a subcommand.
  std::vector<std::string> argv = {"terraform"};
  size_t words = args.empty() ? 0 : (args[0] == "state" && args.size() > 1 ? 2 : 1);
  argv.insert(argv.end(), args.begin(), args.begin() + words);
  if (words > 0) {
    const std::string& cmd = args[0];
    if (cmd == "init" || cmd == "plan" || cmd == "apply" || cmd == "destroy" ||
        cmd == "import" || cmd == "refresh") {
      argv.push_back("-input=false");
    }
    if (cmd != "version" && cmd != "state") argv.push_back("-no-color");
  }
  argv.insert(argv.end(), args.begin() + words, args.end());
  ProcessResult r = RunProcess(argv, env_, dir_ / "work");
  if (!record) {
    transcript_ += "$ terraform " + args[0] + " ... (output not recorded)\n";
    return r;
  }
  transcript_ += "$";
  for (const std::string& a : argv) transcript_ += " " + a;
  transcript_ += "\n" + r.out + r.err;
  return r;
}

ProcessResult Workspace::Plan(bool refresh) {
  std::vector<std::string> args = {"plan", "-detailed-exitcode"};
  if (!refresh) args.push_back("-refresh=false");
  return Terraform(args);
}

std::map<std::string, nlohmann::json> Workspace::StateValues() {
  std::map<std::string, nlohmann::json> out;
  ProcessResult r = Terraform({"show", "-json"}, /*record=*/false);
  if (r.exit_code != 0) return out;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  if (j.is_discarded()) return out;
  const nlohmann::json* module = nullptr;
  if (j.contains("values") && j["values"].contains("root_module")) {
    module = &j["values"]["root_module"];
  }
  if (module == nullptr || !module->contains("resources")) return out;
  for (const nlohmann::json& res : (*module)["resources"]) {
    out[res["address"].get<std::string>()] = res["values"];
  }
  return out;
}

nlohmann::json ExchangeForToken(const std::string& http_hostport,
                                const std::string& client_id,
                                const std::string& client_secret,
                                std::string* error) {
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    *error = "curl_easy_init failed";
    return nullptr;
  }
  std::string body;
  const std::string url = "http://" + http_hostport + "/oauth2/token";
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
  curl_easy_setopt(curl, CURLOPT_USERNAME, client_id.c_str());
  curl_easy_setopt(curl, CURLOPT_PASSWORD, client_secret.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "grant_type=client_credentials");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendToString);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    *error = curl_easy_strerror(rc);
    return nullptr;
  }
  if (code != 200) {
    *error = "HTTP " + std::to_string(code);
    return nullptr;
  }
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded()) {
    *error = "answer is not JSON";
    return nullptr;
  }
  return j;
}

const char* ProviderBinary() { return TFPU_PROVIDER_BINARY; }
const char* DevServerBinary() { return TFPU_DEVSERVER_BINARY; }
const char* ApiKeyCliBinary() { return TFPU_APIKEY_CLI_BINARY; }

}  // namespace union_e2e
