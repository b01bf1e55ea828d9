// plugin_harness.cc: spawning, handshake parsing, channels.
#include "tests/protocol/plugin_harness.h"

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <regex>

#include "absl/strings/escaping.h"

namespace tfpu::testing {

std::optional<Handshake> ParseHandshake(const std::string& line) {
  static const std::regex kLine(
      R"(^1\|6\|unix\|(/[^|]+)\|grpc\|([A-Za-z0-9+/]*)$)");
  std::smatch m;
  if (!std::regex_match(line, m, kLine)) return std::nullopt;
  Handshake hs;
  hs.line = line;
  hs.socket_path = m[1];
  std::string b64 = m[2];
  if (!b64.empty()) {
    if (b64.size() % 4 == 1) return std::nullopt;
    while (b64.size() % 4 != 0) b64.push_back('=');
    if (!absl::Base64Unescape(b64, &hs.cert_der) || hs.cert_der.empty()) {
      return std::nullopt;
    }
  }
  return hs;
}

PluginHarness::PluginHarness() : client_(MakeCliStyleCertificate()) {
  char tmpl[] = "/tmp/tfpu-proto-XXXXXX";
  if (::mkdtemp(tmpl) != nullptr) socket_dir_ = tmpl;
}

PluginHarness::~PluginHarness() {
  if (!socket_dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(socket_dir_, ignored);
  }
}

std::vector<std::string> PluginHarness::CliEnv() const {
  return {kCookie,
          "PLUGIN_PROTOCOL_VERSIONS=6,5",
          "PLUGIN_MIN_PORT=10000",
          "PLUGIN_MAX_PORT=25000",
          "PLUGIN_CLIENT_CERT=" + client_.cert_pem,
          "PLUGIN_UNIX_SOCKET_DIR=" + socket_dir_};
}

absl::StatusOr<std::unique_ptr<ChildProcess>> PluginHarness::Start(
    const std::vector<std::string>& env,
    const std::vector<std::string>& args) const {
  return ChildProcess::Spawn(TF_PLUGIN_TESTBIN, args, env);
}

absl::StatusOr<std::unique_ptr<ChildProcess>> PluginHarness::StartFramework(
    const std::vector<std::string>& env) const {
  return ChildProcess::Spawn(TF_FRAMEWORK_TESTBIN, {}, env);
}

std::optional<Handshake> PluginHarness::ReadHandshake(
    ChildProcess& child) const {
  std::optional<std::string> line = child.ReadStdoutLine(kWait);
  if (!line.has_value()) return std::nullopt;
  return ParseHandshake(*line);
}

std::shared_ptr<grpc::Channel> PluginHarness::MtlsChannel(
    const Handshake& hs, const KeyAndCert* client) {
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = DerToPem(hs.cert_der);
  if (client != nullptr) {
    ssl.pem_private_key = client->key_pem;
    ssl.pem_cert_chain = client->cert_pem;
  }
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride("localhost");
  return grpc::CreateCustomChannel("unix:" + hs.socket_path,
                                   grpc::SslCredentials(ssl), args);
}

std::shared_ptr<grpc::Channel> PluginHarness::PlainChannel(
    const std::string& socket_path) {
  return grpc::CreateChannel("unix:" + socket_path,
                             grpc::InsecureChannelCredentials());
}

std::chrono::system_clock::time_point Deadline() {
  return std::chrono::system_clock::now() + kWait;
}

}  // namespace tfpu::testing
