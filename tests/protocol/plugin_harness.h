// plugin_harness.h: start tf_plugin_testbin (or tf_framework_testbin) as
// terraform would and talk to it.
//
// Usage:
//   PluginHarness h;                       // fresh socket dir + CLI cert
//   auto child = h.Start(h.CliEnv());      // spawn with the CLI environment
//   auto hs = h.ReadHandshake(*child);     // parse "1|6|unix|...|grpc|..."
//   auto channel = h.MtlsChannel(*hs, h.client());
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/protocol/child_process.h"
#include "tests/protocol/test_certs.h"

namespace tfpu::testing {

inline constexpr std::chrono::seconds kWait(10);
inline constexpr char kCookie[] =
    "TF_PLUGIN_MAGIC_COOKIE="
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

struct Handshake {
  std::string line;
  std::string socket_path;
  std::string cert_der;  // empty for plaintext
};

// Parses and validates a handshake line; nullopt if it is malformed.
std::optional<Handshake> ParseHandshake(const std::string& line);

class PluginHarness {
 public:
  PluginHarness();  // makes a private socket directory and a client cert
  ~PluginHarness();

  const std::string& socket_dir() const { return socket_dir_; }
  const KeyAndCert& client() const { return client_; }

  // The environment terraform gives a provider (cookie, "6,5", client cert,
  // our socket directory).
  std::vector<std::string> CliEnv() const;

  absl::StatusOr<std::unique_ptr<ChildProcess>> Start(
      const std::vector<std::string>& env,
      const std::vector<std::string>& args = {}) const;
  // The same for tf_framework_testbin (a provider built on tf::Serve).
  absl::StatusOr<std::unique_ptr<ChildProcess>> StartFramework(
      const std::vector<std::string>& env) const;

  // Reads and parses the first stdout line (bounded by kWait).
  std::optional<Handshake> ReadHandshake(ChildProcess& child) const;

  // A channel pinned to the server certificate of `hs`, presenting `client`
  // (or no certificate when null).
  static std::shared_ptr<grpc::Channel> MtlsChannel(const Handshake& hs,
                                                    const KeyAndCert* client);
  static std::shared_ptr<grpc::Channel> PlainChannel(
      const std::string& socket_path);

 private:
  std::string socket_dir_;
  KeyAndCert client_;
};

// A deadline for one RPC.
std::chrono::system_clock::time_point Deadline();

}  // namespace tfpu::testing
