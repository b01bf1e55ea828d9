// harness.cc: processes, dev server, Terraform workspace.
#include "tests/e2e/union/harness.h"

#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <thread>
#include <utility>

namespace union_e2e {
namespace {

using tf_e2e::ReadFile;
using tf_e2e::RunProcess;
using tf_e2e::SpawnProcess;
using tf_e2e::WriteFile;

}  // namespace

DevServer::DevServer(const fs::path& dir,
                     const std::vector<std::string>& extra_args)
    : dir_(dir) {
  fs::create_directories(dir_);
  Start("0", "0", extra_args);
}

void DevServer::Start(const std::string& grpc_port,
                      const std::string& http_port,
                      const std::vector<std::string>& extra_args) {
  ready_ = false;
  failure_.clear();
  const tf_e2e::Env env = {{"PATH", "/usr/bin:/bin"}, {"HOME", dir_.string()}};
  std::vector<std::string> argv = {
      DevServerBinary(), "--db", (dir_ / "dev.db").string(), "--port",
      grpc_port, "--http-port", http_port, "--admin-key-file",
      (dir_ / "admin.key").string()};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  tls_cert_.clear();
  for (size_t i = 0; i + 1 < extra_args.size(); ++i) {
    if (extra_args[i] == "--tls-cert") tls_cert_ = extra_args[i + 1];
  }
  // A restart keeps the earlier run's output as server.{out,log}.<n>.
  ++starts_;
  if (starts_ > 1) {
    std::error_code ec;
    for (const char* name : {"server.out", "server.log"}) {
      fs::rename(dir_ / name,
                 dir_ / (std::string(name) + "." + std::to_string(starts_ - 1)),
                 ec);
    }
  }
  pid_ = SpawnProcess(argv, env, dir_, dir_ / "server.out", dir_ / "server.log");
  if (pid_ < 0) {
    failure_ = "cannot start union-devserver";
    return;
  }
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < give_up) {
    const std::string out = ReadFile(dir_ / "server.out");
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

void DevServer::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  bool killed = false;  // SIGKILL after 20 s
  tf_e2e::WaitOrKill(
      pid_, std::chrono::steady_clock::now() + std::chrono::seconds(20),
      &killed);
  pid_ = -1;
}

DevServer::~DevServer() { Stop(); }

void DevServer::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  ready_ = false;
}

void DevServer::Restart(const std::vector<std::string>& extra_args) {
  Stop();
  auto port = [](const std::string& hostport) {
    return hostport.substr(hostport.rfind(':') + 1);
  };
  Start(port(endpoint_), port(http_), extra_args);
}

ProcessResult DevServer::Cli(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {ApiKeyCliBinary(), "--endpoint", endpoint_,
                                   "--timeout", "20", "--max-retries", "10"};
  if (tls_cert_.empty()) {
    argv.push_back("--insecure");
  } else {
    argv.insert(argv.end(), {"--ca-cert", tls_cert_});
  }
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv,
                    {{"PATH", "/usr/bin:/bin"},
                     {"HOME", dir_.string()},
                     {"UNION_API_KEY", admin_key_}},
                    dir_, std::chrono::seconds(120));
}

std::vector<std::string> DevServer::ClientIds(std::string* error) const {
  std::vector<std::string> ids;
  ProcessResult r = Cli({"list", "--limit", "0"});
  if (r.exit_code != 0) {
    *error = "union-apikey list failed: " + r.err;
    return ids;
  }
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  if (!j.is_array()) {
    *error = "union-apikey list did not print a JSON array";
    return ids;
  }
  for (const nlohmann::json& key : j) {
    ids.push_back(key.value("client_id", std::string()));
  }
  return ids;
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
  // The whole suite runs traced, so SecretLeaks() searches real trace logs.
  env_["TF_LOG"] = "trace";
  env_["TF_LOG_PATH"] = (dir_ / "terraform.log").string();
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
            "provider \"union\" {\n" +
                std::string(insecure_ ? "  insecure = true\n" : "") +
                provider_extra +
                "}\n\n" + body + "\n");
}

void Workspace::SetEnv(const std::string& name, const std::string& value) {
  env_[name] = value;
}
void Workspace::UnsetEnv(const std::string& name) { env_.erase(name); }

std::vector<std::string> Workspace::Argv(
    const std::vector<std::string>& args) const {
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
  return argv;
}

void Workspace::Record(const std::vector<std::string>& argv,
                       const std::string& output) {
  transcript_ += "$";
  for (const std::string& a : argv) transcript_ += " " + a;
  transcript_ += "\n" + output;
}

ProcessResult Workspace::Terraform(std::vector<std::string> args,
                                   bool record) {
  const std::vector<std::string> argv = Argv(args);
  ProcessResult r = RunProcess(argv, env_, dir_ / "work");
  CollectSecrets();
  if (!record) {
    transcript_ += "$ terraform " + args[0] + " ... (output not recorded)\n";
    return r;
  }
  Record(argv, r.out + r.err);
  return r;
}

RunningCommand Workspace::Start(std::vector<std::string> args) {
  static int started = 0;
  RunningCommand c;
  const std::vector<std::string> argv = Argv(args);
  for (const std::string& a : argv) c.command_line += " " + a;
  c.out = dir_ / ("background-" + std::to_string(++started) + ".out");
  c.give_up = std::chrono::steady_clock::now() + std::chrono::seconds(900);
  c.pid = SpawnProcess(argv, env_, dir_ / "work", c.out, c.out);
  return c;
}

ProcessResult Workspace::Finish(RunningCommand& c) {
  ProcessResult r;
  if (c.pid <= 0) {
    r.err = "the command did not start";
    return r;
  }
  const int status = tf_e2e::WaitOrKill(c.pid, c.give_up, &r.timed_out);
  c.pid = -1;
  if (!r.timed_out && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = ReadFile(c.out);
  transcript_ += "$" + c.command_line + "\n" + r.out;
  CollectSecrets();
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
    nlohmann::json values = res["values"];
    if (res.value("tainted", false)) values["(tainted)"] = true;
    out[res["address"].get<std::string>()] = std::move(values);
  }
  return out;
}

void Workspace::CollectSecrets() {
  // The state file's own format: resources[].instances[].attributes.
  const std::string text = ReadFile(dir_ / "work" / "terraform.tfstate");
  nlohmann::json state = nlohmann::json::parse(text, nullptr, false);
  if (!state.is_object() || !state.contains("resources")) return;
  for (const nlohmann::json& res : state["resources"]) {
    if (!res.contains("instances")) continue;
    const std::string address =
        res.value("type", std::string()) + "." + res.value("name", std::string());
    for (const nlohmann::json& inst : res["instances"]) {
      if (!inst.contains("attributes")) continue;
      const nlohmann::json& attrs = inst["attributes"];
      for (const char* name : {"client_secret", "encoded_credentials"}) {
        if (attrs.contains(name) && attrs[name].is_string() &&
            !attrs[name].get<std::string>().empty()) {
          secrets_.emplace(attrs[name].get<std::string>(),
                           std::string(name) + " of " + address);
        }
      }
    }
  }
}

namespace {

// Files that hold secrets by design: the state (and its backups), the dev
// server's admin key file and its start-up banners (server.out*); and
// directories with nothing a test or a command wrote: provider binaries.
bool NotSearched(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.rfind("terraform.tfstate", 0) == 0 || name == "admin.key" ||
         name.rfind("server.out", 0) == 0 || name == "mirror" ||
         name == "tfdata" || name == ".terraform";
}

}  // namespace

std::vector<std::string> Workspace::SecretLeaks() const {
  std::map<std::string, std::string> secrets = secrets_;
  secrets.emplace(server_.admin_key(), "the dev server's admin key");
  tf_e2e::SecretScanner scan(std::move(secrets));
  scan.ScanText(transcript_, "the command transcript");
  for (const fs::path& root : {dir_, server_.dir()}) {
    scan.ScanTree(root, NotSearched);
  }
  return scan.hits();
}

nlohmann::json ExchangeForToken(const std::string& http_hostport,
                                const std::string& client_id,
                                const std::string& client_secret,
                                std::string* error) {
  httplib::Client client("http://" + http_hostport);
  client.set_basic_auth(client_id, client_secret);
  client.set_connection_timeout(30);
  client.set_read_timeout(30);
  client.set_write_timeout(30);
  httplib::Result res =
      client.Post("/oauth2/token", "grant_type=client_credentials",
                  "application/x-www-form-urlencoded");
  if (!res) {
    *error = httplib::to_string(res.error());
    return nullptr;
  }
  if (res->status != 200) {
    *error = "HTTP " + std::to_string(res->status);
    return nullptr;
  }
  const std::string& body = res->body;
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded()) {
    *error = "answer is not JSON";
    return nullptr;
  }
  return j;
}

const char* ProviderBinary() {
  // scripts/test points the suite at the static release binary this way.
  const char* other = std::getenv("UNION_E2E_PROVIDER_BINARY");
  return other != nullptr && *other != '\0' ? other : TFPU_PROVIDER_BINARY;
}
const char* DevServerBinary() { return TFPU_DEVSERVER_BINARY; }
const char* ApiKeyCliBinary() { return TFPU_APIKEY_CLI_BINARY; }

}  // namespace union_e2e
