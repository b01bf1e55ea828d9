// serve_plugin.cc: the go-plugin serving sequence, in one visible order:
// check env, install stop handlers, pick the socket, make credentials,
// build and start the server, print the handshake, wait, tear down.
#include "provider/framework/plugin/serve_plugin.h"

#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <malloc.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "provider/framework/log/log.h"
#include "provider/framework/plugin/internal/auto_mtls.h"
#include "provider/framework/plugin/internal/controller_service.h"
#include "provider/framework/plugin/internal/handshake.h"
#include "provider/framework/plugin/internal/socket_path.h"
#include "provider/framework/plugin/internal/stop_signal.h"

namespace tf::plugin {
namespace {

using internal::StopReason;

constexpr int kMaxMessageBytes = 256 * 1024 * 1024;
constexpr int kMallocArenas = 2;
// The most threads gRPC's sync server keeps polling for calls. A thread that
// finishes a call while this many are already polling exits, and a new one is
// created when the last poller takes a call; at terraform's default
// parallelism of 10, a bound below that means a thread created and destroyed
// for nearly every call (docs/benchmarks.md). Threads above it are still
// created under a heavier load; the bound only decides which ones stay.
constexpr int kMaxPollers = 10;
// How long in-flight calls may run on after a stop request before they are
// cancelled. gRPC's graceful shutdown also waits for every client connection
// to close, and an idle C++ client only notices the GOAWAY on its next call,
// so this bound matters. After GRPCController.Shutdown the CLI has nothing in
// flight (it calls Shutdown last and closes its connection): only the reply
// to Shutdown itself needs to flush. A signal may interrupt real work.
constexpr auto kControllerGrace = std::chrono::milliseconds(250);
constexpr auto kSignalGrace = std::chrono::seconds(2);
// The health-service name go-plugin clients ask about.
constexpr char kHealthServiceName[] = "plugin";

void WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
}

// A short human message on stderr for a user who ran the binary by hand
// (plain text: nothing reads it as a log).
int Refuse(absl::string_view message) {
  WriteAll(STDERR_FILENO, absl::StrCat(message, "\n"));
  return 1;
}

std::string DebugInstructions(const PluginOptions& options,
                              const std::string& socket_path) {
  std::string json = internal::ReattachJson(
      options.address, static_cast<long>(::getpid()), socket_path);
  return absl::StrCat(
      "Provider ", options.address, " is running in debug mode.\n",
      "Attach the terraform CLI to it by exporting this variable in the shell "
      "where you run terraform:\n\n",
      "\tTF_REATTACH_PROVIDERS='", json, "'\n\n",
      "Stop the provider with Ctrl-C (SIGINT) or SIGTERM.\n");
}

}  // namespace

int ServePlugin(const PluginOptions& options, grpc::Service* provider_service) {
  if (provider_service == nullptr)
    return Refuse("no provider service to serve");
  // glibc gives each thread that allocates an arena of its own, up to 8 per
  // core; gRPC's sync server runs every call on a pool thread, so an apply
  // at terraform's parallelism of 10 spreads the heap over many arenas. Two
  // keep the peak RSS about 1 MB lower (docs/benchmarks.md). Set
  // before any thread starts.
  mallopt(M_ARENA_MAX, kMallocArenas);
  // Abseil built without NDEBUG (as Debian builds it) records every Mutex
  // acquisition order in a global graph to detect lock-order cycles; gRPC
  // takes absl Mutexes on every call, so that bookkeeping costs CPU on every
  // call (docs/benchmarks.md). Our own Debug builds keep the check.
#ifdef NDEBUG
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
#endif
  // 1. The handshake environment.
  if (!options.debug) {
    if (absl::Status s =
            internal::CheckMagicCookie(std::getenv(internal::kMagicCookieKey));
        !s.ok()) {
      return Refuse(s.message());
    }
  }
  if (absl::Status s = internal::CheckProtocolVersions(
          std::getenv(internal::kProtocolVersionsKey));
      !s.ok()) {
    return Refuse(s.message());
  }

  // 2. Stop requests: controller, SIGTERM, and SIGINT in debug mode only.
  absl::StatusOr<std::unique_ptr<internal::StopSignal>> stop =
      internal::StopSignal::Install(/*stop_on_sigint=*/options.debug);
  if (!stop.ok()) return Refuse(stop.status().message());

  // 3. Where to listen.
  absl::StatusOr<internal::SocketPath> socket = internal::SocketPath::Create();
  if (!socket.ok()) return Refuse(socket.status().message());

  // 4. Credentials: AutoMTLS pinned to the CLI's certificate, or plaintext
  //    when the CLI sent none (TF_DISABLE_PLUGIN_TLS) or in debug mode.
  std::shared_ptr<grpc::ServerCredentials> credentials;
  std::string cert_der;
  const char* client_cert = std::getenv(internal::kClientCertKey);
  if (!options.debug && client_cert != nullptr && *client_cert != '\0') {
    if (absl::Status s = internal::CheckCertificatePem(client_cert); !s.ok()) {
      return Refuse(s.message());
    }
    absl::StatusOr<internal::ServerIdentity> identity =
        internal::GenerateServerIdentity();
    if (!identity.ok()) return Refuse(identity.status().message());
    grpc::SslServerCredentialsOptions ssl(
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    ssl.pem_root_certs = client_cert;
    ssl.pem_key_cert_pairs.push_back(
        {identity->private_key_pem, identity->certificate_pem});
    credentials = grpc::SslServerCredentials(ssl);
    cert_der = std::move(identity->certificate_der);
  } else {
    credentials = grpc::InsecureServerCredentials();
  }

  // 5. Builder, port, services, start.
  internal::ControllerService controller(stop->get());
  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  builder.AddListeningPort(absl::StrCat("unix:", socket->path()), credentials);
  builder.SetMaxReceiveMessageSize(kMaxMessageBytes);
  builder.SetMaxSendMessageSize(kMaxMessageBytes);
  builder.SetSyncServerOption(grpc::ServerBuilder::MAX_POLLERS, kMaxPollers);
  builder.RegisterService(provider_service);
  builder.RegisterService(&controller);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr) {
    return Refuse(absl::StrCat("cannot serve on unix socket ", socket->path()));
  }
  if (grpc::HealthCheckServiceInterface* health =
          server->GetHealthCheckService()) {
    health->SetServingStatus(kHealthServiceName, true);
  }

  // 6. Tell the host (or the human) where we are.
  tf::log::Info("plugin serving",
                {{"network", "unix"},
                 {"address", socket->path()},
                 {"tls", cert_der.empty() ? "false" : "true"},
                 {"debug", options.debug ? "true" : "false"}});
  if (options.debug) {
    WriteAll(STDOUT_FILENO, DebugInstructions(options, socket->path()));
  } else {
    WriteAll(STDOUT_FILENO, internal::HandshakeLine(socket->path(), cert_der));
  }

  // 7. Serve until told to stop, then tear down.
  StopReason reason = (*stop)->Wait();
  tf::log::Info("plugin stopping",
                {{"reason", std::string(internal::StopReasonName(reason))}});
  if (options.on_shutdown) options.on_shutdown();
  server->Shutdown(
      std::chrono::system_clock::now() +
      (reason == StopReason::kController ? kControllerGrace : kSignalGrace));
  server->Wait();
  socket->Remove();
  return 0;
}

}  // namespace tf::plugin
