// network_mirror_e2e_test.cc: `terraform init` installs the release zip from
// a provider network mirror (scripts/release --mirror) served over HTTPS on
// loopback, with a CA made here by openssl and handed to terraform through
// SSL_CERT_FILE. Checks the mirror's zh: is the zip's SHA-256 (recomputed
// here with sha256sum) and that the lock file holds exactly the h1: terraform
// computed, which must be the mirror's; applies and destroys
// examples/quickstart against a union-devserver; and shows that a zip with
// one byte changed, or a well-formed zip with other contents, makes
// `terraform init` fail with a checksum error.
//
// The mirror is $TFPU_RELEASE_MIRROR or out/mirror of the source tree (what
// scripts/test's release stage writes); it is copied, never changed. Every
// request goes to 127.0.0.1: installation is restricted to the mirror and
// any other HTTPS request would go to a dead proxy.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/e2e/union/harness.h"

namespace tfpu::release_testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using tf_e2e::Contains;
using tf_e2e::ProcessResult;
using tf_e2e::ReadFile;
using tf_e2e::WriteFile;

constexpr char kSource[] = "registry.terraform.io/unionai/union";
constexpr char kArchive[] =
    "terraform-provider-union_" TFPU_PROVIDER_VERSION "_linux_amd64.zip";

fs::path MirrorSource() {
  const char* env = std::getenv("TFPU_RELEASE_MIRROR");
  return env != nullptr && *env != '\0' ? fs::path(env)
                                        : fs::path(TFPU_SOURCE_DIR) / "out/mirror";
}

tf_e2e::Env SystemEnv() { return {{"PATH", "/usr/local/bin:/usr/bin:/bin"}}; }

// A CA and a server certificate for 127.0.0.1 and localhost, by openssl.
bool MakeCertificates(const fs::path& dir, std::string* error) {
  WriteFile(dir / "server.ext",
            "basicConstraints=critical,CA:FALSE\n"
            "keyUsage=critical,digitalSignature,keyEncipherment\n"
            "extendedKeyUsage=serverAuth\n"
            "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  const std::vector<std::vector<std::string>> steps = {
      {"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
       "ca.key", "-out", "ca.pem", "-days", "1", "-subj",
       "/CN=tfpu release test CA", "-addext",
       "basicConstraints=critical,CA:TRUE", "-addext",
       "keyUsage=critical,keyCertSign,cRLSign"},
      {"openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout",
       "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"},
      {"openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem",
       "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days",
       "1", "-extfile", "server.ext"},
  };
  for (const auto& argv : steps) {
    ProcessResult r = tf_e2e::RunProcess(argv, SystemEnv(), dir,
                                         std::chrono::seconds(60));
    if (r.exit_code != 0) {
      *error = "openssl " + argv[1] + " failed: " + r.all();
      return false;
    }
  }
  return true;
}

// The HTTPS file server (https_file_server.py) over one directory.
class HttpsServer {
 public:
  HttpsServer(const fs::path& root, const fs::path& certs, const fs::path& dir)
      : log_(dir / "server.log") {
    const fs::path port_file = dir / "server.port";
    pid_ = tf_e2e::SpawnProcess(
        {"python3", TFPU_RELEASE_TEST_DIR "/https_file_server.py", "--dir",
         root.string(), "--cert", (certs / "server.pem").string(), "--key",
         (certs / "server.key").string(), "--port-file", port_file.string()},
        SystemEnv(), dir, log_, log_);
    if (pid_ < 0) return;
    // Polls for the port file (the server writes it once it listens).
    for (int i = 0; i < 600 && port_.empty(); ++i) {
      std::string text = ReadFile(port_file);
      if (!text.empty()) {
        port_ = text.substr(0, text.find('\n'));
        break;
      }
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~HttpsServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      bool timed_out = false;
      tf_e2e::WaitOrKill(
          pid_, std::chrono::steady_clock::now() + std::chrono::seconds(10),
          &timed_out);
    }
  }
  HttpsServer(const HttpsServer&) = delete;
  HttpsServer& operator=(const HttpsServer&) = delete;

  bool ready() const { return pid_ > 0 && !port_.empty(); }
  std::string url() const { return "https://127.0.0.1:" + port_ + "/"; }
  std::string log() const { return ReadFile(log_); }

 private:
  fs::path log_;
  int pid_ = -1;
  std::string port_;
};

// Every h1:/zh: hash in a lock file.
std::set<std::string> LockedHashes(const std::string& lock) {
  std::set<std::string> hashes;
  static const std::regex kHash(R"re("((?:h1|zh):[A-Za-z0-9+/=]+)")re");
  for (auto it = std::sregex_iterator(lock.begin(), lock.end(), kHash);
       it != std::sregex_iterator(); ++it) {
    hashes.insert((*it)[1]);
  }
  return hashes;
}

class NetworkMirrorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(tf_e2e::TerraformBinary().empty()) << tf_e2e::kNoTerraform;
    const fs::path source = MirrorSource() / kSource;
    ASSERT_TRUE(fs::exists(source / "index.json"))
        << source << " holds no network mirror: run `scripts/release --mirror "
        << MirrorSource().string()
        << "` (or point TFPU_RELEASE_MIRROR at one)";
    ASSERT_FALSE(tmp_.path().empty());
    mirror_ = tmp_.path() / "mirror";
    fs::create_directories(mirror_);
    fs::copy(MirrorSource(), mirror_, fs::copy_options::recursive);
    package_dir_ = mirror_ / kSource;
    fs::create_directories(tmp_.path() / "certs");
    std::string error;
    ASSERT_TRUE(MakeCertificates(tmp_.path() / "certs", &error)) << error;
    server_ = std::make_unique<HttpsServer>(mirror_, tmp_.path() / "certs",
                                            tmp_.path());
    ASSERT_TRUE(server_->ready()) << "the HTTPS server did not start: "
                                  << server_->log();
  }

  // A terraform working dir with examples/quickstart and a CLI config that
  // installs our provider only from the HTTPS mirror.
  tf_e2e::Env Workspace(const fs::path& dir, const union_e2e::DevServer* server) {
    fs::create_directories(dir / "work");
    fs::create_directories(dir / "home");
    fs::copy_file(fs::path(TFPU_SOURCE_DIR) / "examples/quickstart/main.tf",
                  dir / "work/main.tf");
    WriteFile(dir / "terraformrc",
              "provider_installation {\n"
              "  network_mirror {\n"
              "    url     = \"" + server_->url() + "\"\n"
              "    include = [\"" + std::string(kSource) + "\"]\n"
              "  }\n"
              "}\n");
    tf_e2e::Env env = tf_e2e::TerraformEnv({.home = dir / "home",
                                            .cli_config = dir / "terraformrc",
                                            .data_dir = dir / "tfdata",
                                            .tmp_dir = dir});
    env["SSL_CERT_FILE"] = (tmp_.path() / "certs/ca.pem").string();
    // Anything but loopback would go to a dead proxy and fail.
    env["HTTPS_PROXY"] = "http://127.0.0.1:9";
    env["HTTP_PROXY"] = "http://127.0.0.1:9";
    env["NO_PROXY"] = "127.0.0.1,localhost";
    if (server != nullptr) {
      env["UNION_API_KEY"] = server->admin_key();
      env["UNION_ENDPOINT"] = server->endpoint();
    }
    return env;
  }

  ProcessResult Terraform(const std::vector<std::string>& args,
                          const tf_e2e::Env& env, const fs::path& dir) {
    std::vector<std::string> argv = {tf_e2e::TerraformBinary()};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("-no-color");
    argv.push_back("-input=false");
    ProcessResult r = tf_e2e::RunProcess(argv, env, dir / "work",
                                         std::chrono::seconds(600),
                                         tf_e2e::Output::kMerged);
    transcript_ += "$ terraform";
    for (const auto& a : args) transcript_ += " " + a;
    transcript_ += "\n" + r.out;
    return r;
  }

  tf_e2e::TempDir tmp_{"release-mirror", "RELEASE_TEST_KEEP"};
  fs::path mirror_, package_dir_;
  std::unique_ptr<HttpsServer> server_;
  std::string transcript_;
};

TEST_F(NetworkMirrorTest, InitLocksMirrorHashesThenAppliesAndDestroysQuickstart) {
  // The hashes the mirror announces for linux_amd64.
  nlohmann::json version = nlohmann::json::parse(
      ReadFile(package_dir_ / (std::string(TFPU_PROVIDER_VERSION) + ".json")),
      nullptr, false);
  ASSERT_FALSE(version.is_discarded());
  const nlohmann::json& archive = version["archives"]["linux_amd64"];
  ASSERT_EQ(archive.value("url", ""), kArchive);
  std::set<std::string> announced;
  for (const auto& h : archive["hashes"]) announced.insert(h.get<std::string>());

  // zh: is the SHA-256 of the zip, recomputed here.
  ProcessResult sum = tf_e2e::RunProcess({"sha256sum", kArchive}, SystemEnv(),
                                         package_dir_, std::chrono::seconds(60));
  ASSERT_EQ(sum.exit_code, 0) << sum.all();
  const std::string zh = "zh:" + sum.out.substr(0, 64);
  EXPECT_EQ(announced.count(zh), 1u) << "the mirror's zh: is not the zip's SHA-256";

  union_e2e::DevServer devserver(tmp_.path() / "devserver");
  ASSERT_TRUE(devserver.ready()) << devserver.failure();
  const fs::path ws = tmp_.path() / "ws";
  tf_e2e::Env env = Workspace(ws, &devserver);

  ProcessResult init = Terraform({"init"}, env, ws);
  ASSERT_EQ(init.exit_code, 0) << transcript_ << "\nserver log:\n"
                               << server_->log();
  EXPECT_THAT(init.out, HasSubstr("Installing unionai/union v" TFPU_PROVIDER_VERSION));
  std::cout << "---- terraform init from the network mirror ----\n" << init.out;

  // Terraform fetched the index, the version and the zip from our server.
  const std::string log = server_->log();
  EXPECT_THAT(log, HasSubstr("GET /registry.terraform.io/unionai/union/index.json 200"));
  EXPECT_THAT(log, HasSubstr("GET /registry.terraform.io/unionai/union/" TFPU_PROVIDER_VERSION ".json 200"));
  EXPECT_THAT(log, HasSubstr(std::string("GET /registry.terraform.io/unionai/union/") + kArchive + " 200"));

  // Terraform checked the zip against the mirror's hashes ("verified
  // checksum"), then locked the h1: it computed itself from the package: it
  // must be the mirror's h1:. (From a network mirror Terraform records only
  // that one; zh: hashes come into lock files from a registry's SHA256SUMS.)
  EXPECT_THAT(init.out, HasSubstr("(verified checksum)"));
  const std::string lock = ReadFile(ws / "work/.terraform.lock.hcl");
  std::cout << "---- .terraform.lock.hcl ----\n" << lock;
  ASSERT_EQ(announced.size(), 2u);
  std::string h1;
  for (const auto& h : announced) {
    if (h.rfind("h1:", 0) == 0) h1 = h;
  }
  EXPECT_EQ(LockedHashes(lock), std::set<std::string>{h1});

  ProcessResult apply = Terraform({"apply", "-auto-approve"}, env, ws);
  ASSERT_EQ(apply.exit_code, 0) << transcript_;
  std::string error;
  std::vector<std::string> ids = devserver.ClientIds(&error);
  ASSERT_TRUE(error.empty()) << error;
  EXPECT_THAT(ids, ::testing::IsSupersetOf({"ci-pipeline", "webapp"}));

  ProcessResult destroy = Terraform({"destroy", "-auto-approve"}, env, ws);
  ASSERT_EQ(destroy.exit_code, 0) << transcript_;
  ids = devserver.ClientIds(&error);
  ASSERT_TRUE(error.empty()) << error;
  EXPECT_THAT(ids, ::testing::Not(::testing::Contains("ci-pipeline")));
  EXPECT_THAT(ids, ::testing::Not(::testing::Contains("webapp")));
}

TEST_F(NetworkMirrorTest, TamperedZipFailsInitWithChecksumError) {
  // One byte in the middle of the zip changed, served under the same name.
  const fs::path zip = package_dir_ / kArchive;
  std::string bytes = ReadFile(zip);
  ASSERT_GT(bytes.size(), 1000u);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
  WriteFile(zip, bytes);

  const fs::path ws = tmp_.path() / "ws-tampered";
  tf_e2e::Env env = Workspace(ws, nullptr);
  ProcessResult init = Terraform({"init"}, env, ws);
  EXPECT_NE(init.exit_code, 0) << transcript_;
  EXPECT_TRUE(Contains(init.out, "checksum")) << transcript_;
  EXPECT_THAT(server_->log(),
              HasSubstr(std::string("GET /registry.terraform.io/unionai/union/") +
                        kArchive + " 200"));
  EXPECT_FALSE(fs::exists(ws / "work/.terraform.lock.hcl"));
  std::cout << "---- terraform init, tampered zip ----\n" << init.out;
}

TEST_F(NetworkMirrorTest, ZipWithOtherContentsFailsInitWithChecksumError) {
  // A well-formed zip (valid CRCs) whose binary has one byte more: only the
  // mirror's hashes can catch it.
  const fs::path zip = package_dir_ / kArchive;
  ProcessResult repack = tf_e2e::RunProcess(
      {"python3", "-c",
       "import sys, zipfile\n"
       "src = zipfile.ZipFile(sys.argv[1])\n"
       "files = [(i.filename, src.read(i)) for i in src.infolist()]\n"
       "src.close()\n"
       "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as out:\n"
       "    for name, data in files:\n"
       "        out.writestr(name, data + b'\\0')\n",
       zip.string()},
      SystemEnv(), tmp_.path(), std::chrono::seconds(120));
  ASSERT_EQ(repack.exit_code, 0) << repack.all();

  const fs::path ws = tmp_.path() / "ws-repacked";
  tf_e2e::Env env = Workspace(ws, nullptr);
  ProcessResult init = Terraform({"init"}, env, ws);
  EXPECT_NE(init.exit_code, 0) << transcript_;
  EXPECT_TRUE(Contains(init.out, "checksum")) << transcript_;
  EXPECT_FALSE(fs::exists(ws / "work/.terraform.lock.hcl"));
  std::cout << "---- terraform init, zip with other contents ----\n" << init.out;
}

}  // namespace
}  // namespace tfpu::release_testing
