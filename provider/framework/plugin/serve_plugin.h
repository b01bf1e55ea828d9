// serve_plugin.h: serve a tfplugin6 gRPC service the way go-plugin does.
//
// This is what turns a provider binary into something the terraform CLI can
// launch: it checks the magic cookie and protocol versions, generates an
// AutoMTLS key and certificate, listens on a fresh unix socket, registers the
// provider service next to go-plugin's GRPCController and the gRPC health
// service, prints the one handshake line on stdout and serves until the CLI
// calls GRPCController.Shutdown or the process gets SIGTERM.
//
// Usage (normally through tf::Serve, which builds the provider service):
//   tf::plugin::PluginOptions options{.address = "registry.terraform.io/x/y"};
//   return tf::plugin::ServePlugin(options, &provider_service);
//
// Protobuf never appears here: the service is passed as a grpc::Service.
#pragma once

#include <functional>
#include <string>

namespace grpc {
class Service;
}  // namespace grpc

namespace tf::plugin {

struct PluginOptions {
  // Registry source address ("registry.terraform.io/ns/name"); the key of the
  // TF_REATTACH_PROVIDERS line printed in debug mode.
  std::string address;
  // Debug mode: started by a human, not by the CLI. No magic cookie needed,
  // plaintext, prints a TF_REATTACH_PROVIDERS line, stops on SIGINT/SIGTERM.
  bool debug = false;
  // Called once, on the serving thread, when GRPCController.Shutdown arrives
  // or a stop signal is received, before the server is torn down.
  std::function<void()> on_shutdown;
};

// Serves `provider_service` (implementing tfplugin6.Provider; not owned, must
// outlive the call) until told to stop. Returns the process exit code: 0
// after a clean stop, 1 when the handshake environment is wrong (missing or
// wrong TF_PLUGIN_MAGIC_COOKIE, protocol 6 not offered) or serving failed.
//
// Call it before starting other threads: it installs the process's SIGTERM
// (and, in debug mode, SIGINT) handlers and ignores SIGINT and SIGPIPE
// otherwise. It writes only the handshake (or, in debug mode, the reattach
// instructions) to stdout and never reads stdin.
[[nodiscard]] int ServePlugin(const PluginOptions& options,
                              grpc::Service* provider_service);

}  // namespace tf::plugin
