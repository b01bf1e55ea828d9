// harness.cc: processes, dev server, Terraform workspace.
#include "tests/e2e/union/harness.h"

#include <curl/curl.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

namespace union_e2e {
namespace {

using tf_e2e::ReadFile;
using tf_e2e::RunProcess;
using tf_e2e::SpawnProcess;
using tf_e2e::WriteFile;

size_t AppendToString(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

}  // namespace

DevServer::DevServer(const fs::path& dir,
                     const std::vector<std::string>& extra_args)
    : dir_(dir) {
  fs::create_directories(dir_);
  const tf_e2e::Env env = {{"PATH", "/usr/bin:/bin"}, {"HOME", dir_.string()}};
  std::vector<std::string> argv = {
      DevServerBinary(), "--db", (dir_ / "dev.db").string(), "--port", "0",
      "--http-port", "0", "--admin-key-file", (dir_ / "admin.key").string()};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  pid_ = SpawnProcess(argv, env, dir_, dir_ / "server.out", dir_ / "server.log");
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
  const fs::path mirror = dir_ / "mirror";
  fs::create_directories(dir_ / "work");
  fs::create_directories(dir_ / "home");
  tf_e2e::InstallProvider(mirror, "registry.terraform.io/unionai/union",
                          TFPU_PROVIDER_VERSION, ProviderBinary());
  tf_e2e::WriteCliConfig(dir_ / "terraformrc", mirror,
                         "registry.terraform.io/unionai/union");
  env_ = tf_e2e::TerraformEnv({.home = dir_ / "home",
                               .cli_config = dir_ / "terraformrc",
                               .data_dir = dir_ / "tfdata",
                               .tmp_dir = dir_});
  env_["UNION_API_KEY"] = server_.admin_key();
  env_["UNION_ENDPOINT"] = server_.endpoint();
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
