// handshake_bench: exec -> handshake line latency of a go-plugin provider.
//
// Spawns the provider binary the way terraform does (magic cookie, protocol
// versions, a client certificate for AutoMTLS), times from just before fork()
// until the handshake line's newline arrives on its stdout, then stops it with
// SIGTERM. Prints min / median / p95 / max over N runs of the wall time, and
// the median CPU time (user + sys) of a whole run (start, handshake, SIGTERM,
// exit), which a loaded machine inflates far less than the wall time, and
// the largest peak RSS of the idle provider.
//
//   handshake_bench --binary build/provider/terraform-provider-union
//                   --client-cert client.pem --runs 200
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
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

struct Sample {
  double wall_us = -1;  // exec -> handshake newline; -1 = no line
  double cpu_us = 0;    // user + sys of the whole child process
  long max_rss_kb = 0;  // peak resident set of the child
};

double Micros(const timeval& tv) {
  return static_cast<double>(tv.tv_sec) * 1e6 + static_cast<double>(tv.tv_usec);
}

Sample RunOnce(const std::string& binary, const std::string& cert_pem) {
  Sample sample;
  int out[2];
  if (pipe(out) != 0) return sample;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) return sample;
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    // The provider's logs (stderr) are not part of the measurement.
    int null_fd = open("/dev/null", O_WRONLY);
    if (null_fd >= 0) {
      dup2(null_fd, STDERR_FILENO);
      if (null_fd != STDERR_FILENO) close(null_fd);
    }
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
  char buf[4096];
  pollfd pfd{out[0], POLLIN, 0};
  while (poll(&pfd, 1, 60000) > 0) {
    ssize_t n = read(out[0], buf, sizeof(buf));
    if (n <= 0) break;
    if (std::find(buf, buf + n, '\n') != buf + n) {
      sample.wall_us = std::chrono::duration<double, std::micro>(
                   std::chrono::steady_clock::now() - start)
                   .count();
      break;
    }
  }
  kill(pid, SIGTERM);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  close(out[0]);
  sample.cpu_us = Micros(usage.ru_utime) + Micros(usage.ru_stime);
  sample.max_rss_kb = usage.ru_maxrss;
  return sample;
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
  std::vector<double> wall, cpu;
  long max_rss_kb = 0;
  RunOnce(binary, cert);  // warm the page cache
  for (int i = 0; i < runs; ++i) {
    Sample s = RunOnce(binary, cert);
    if (s.wall_us < 0) {
      std::fprintf(stderr, "run %d: no handshake line\n", i);
      return 1;
    }
    wall.push_back(s.wall_us);
    cpu.push_back(s.cpu_us);
    max_rss_kb = std::max(max_rss_kb, s.max_rss_kb);
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf(
      "runs=%d min_ms=%.2f median_ms=%.2f p95_ms=%.2f max_ms=%.2f "
      "cpu_median_ms=%.2f max_rss_kb=%ld\n",
      runs, wall.front() / 1000, Percentile(wall, 0.5) / 1000,
      Percentile(wall, 0.95) / 1000, wall.back() / 1000,
      Percentile(cpu, 0.5) / 1000, max_rss_kb);
  return 0;
}
