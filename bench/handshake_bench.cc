// handshake_bench: exec -> handshake line latency of a go-plugin provider.
//
// Spawns the provider binary the way terraform does (magic cookie, protocol
// versions, a client certificate for AutoMTLS), times from just before fork()
// until the handshake line's newline arrives on its stdout, then stops it with
// SIGTERM. Prints min / median / p95 / max over N runs.
//
//   handshake_bench --binary build/provider/terraform-provider-union \
//                   --client-cert client.pem --runs 200
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace {

constexpr char kCookie[] =
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

// Returns the time to the first newline in microseconds, or -1 on failure.
double RunOnce(const std::string& binary, const std::string& cert_pem) {
  int out[2];
  if (pipe(out) != 0) return -1;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    setenv("TF_PLUGIN_MAGIC_COOKIE", kCookie, 1);
    setenv("PLUGIN_PROTOCOL_VERSIONS", "6,5", 1);
    if (!cert_pem.empty()) setenv("PLUGIN_CLIENT_CERT", cert_pem.c_str(), 1);
    unsetenv("TF_LOG");
    unsetenv("TF_LOG_PROVIDER");
    execl(binary.c_str(), binary.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  double micros = -1;
  char buf[4096];
  pollfd pfd{out[0], POLLIN, 0};
  while (poll(&pfd, 1, 60000) > 0) {
    ssize_t n = read(out[0], buf, sizeof(buf));
    if (n <= 0) break;
    if (std::find(buf, buf + n, '\n') != buf + n) {
      micros = std::chrono::duration<double, std::micro>(
                   std::chrono::steady_clock::now() - start)
                   .count();
      break;
    }
  }
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  close(out[0]);
  return micros;
}

double Percentile(const std::vector<double>& sorted, double p) {
  size_t i = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(i, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"exec -> handshake line latency of a plugin binary"};
  std::string binary, cert_file;
  int runs = 200;
  app.add_option("--binary", binary, "provider binary")->required();
  app.add_option("--client-cert", cert_file, "PEM client certificate (AutoMTLS); omit for plaintext");
  app.add_option("--runs", runs, "number of runs")->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  std::string cert;
  if (!cert_file.empty()) {
    std::ifstream in(cert_file);
    cert.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::vector<double> samples;
  RunOnce(binary, cert);  // warm the page cache
  for (int i = 0; i < runs; ++i) {
    double us = RunOnce(binary, cert);
    if (us < 0) {
      std::fprintf(stderr, "run %d: no handshake line\n", i);
      return 1;
    }
    samples.push_back(us);
  }
  std::sort(samples.begin(), samples.end());
  std::printf("runs=%d min_ms=%.2f median_ms=%.2f p95_ms=%.2f max_ms=%.2f\n",
              runs, samples.front() / 1000, Percentile(samples, 0.5) / 1000,
              Percentile(samples, 0.95) / 1000, samples.back() / 1000);
  return 0;
}
