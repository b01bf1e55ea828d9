// union-devserver: a local Union-compatible control plane. See README.md.
//
// stdout carries exactly two lines, then nothing:
//   UNION_API_KEY=<encoded admin key>
//   UNION_DEVSERVER_READY grpc=<host:port> http=<host:port>
//   endpoint=<host:port>
// Logs are JSON lines on stderr. SIGTERM or SIGINT shut down with exit 0.
#include <pthread.h>
#include <signal.h>

#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "devserver/src/dev_server.h"
#include "devserver/src/library_logs.h"
#include "devserver/src/logger.h"
#include "devserver/src/options.h"

int main(int argc, char** argv) {
  devserver::ParsedCommandLine parsed = devserver::ParseCommandLine(
      std::vector<std::string>(argv + 1, argv + argc));
  if (!parsed.options.has_value()) {
    std::fputs(parsed.output.c_str(), parsed.exit_code == 0 ? stdout : stderr);
    return parsed.exit_code;
  }
  const devserver::Options& options = *parsed.options;

  // Block the shutdown signals in every thread; main waits for them below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  devserver::Logger log(options.log_level);
  devserver::RouteLibraryLogs(&log);
  auto server = devserver::DevServer::Start(options, log);
  if (!server.ok()) {
    log.Error("start failed",
              {{"error", std::string(server.status().message())}});
    return 1;
  }
  std::printf("UNION_API_KEY=%s\n", (*server)->admin_api_key().c_str());
  std::printf("UNION_DEVSERVER_READY grpc=%s http=%s endpoint=%s\n",
              (*server)->endpoint().c_str(), (*server)->http_address().c_str(),
              (*server)->endpoint().c_str());
  std::fflush(stdout);

  int received = 0;
  sigwait(&signals, &received);
  log.Info("shutting down",
           {{"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});
  (*server)->Shutdown();
  server->reset();
  log.Info("stopped");
  devserver::RouteLibraryLogs(nullptr);
  return 0;
}
