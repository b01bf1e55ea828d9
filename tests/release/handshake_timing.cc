// handshake_timing.cc: exec -> handshake line of the linux_arm64 release
// binary under qemu-user, with AutoMTLS (the CLI's environment). Prints min,
// median, p95 and max; asserts nothing (figures go to docs/benchmarks.md).
// Usage: release_arm64_handshake_timing [runs=20]
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/protocol/plugin_harness.h"
#include "tests/release/arm64_binary.h"

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
  std::string error;
  auto runner = tfpu::release_testing::Arm64Runner::Find(&error);
  if (!runner.has_value()) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  tfpu::testing::PluginHarness harness;
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto child = runner->Start(harness.CliEnv());
    if (!child.ok()) return 1;
    auto line = (*child)->ReadStdoutLine(std::chrono::seconds(90));
    auto stop = std::chrono::steady_clock::now();
    if (!line.has_value() || !tfpu::testing::ParseHandshake(*line)) {
      std::fprintf(stderr, "run %d: no handshake\n", i);
      return 1;
    }
    ms.push_back(
        std::chrono::duration<double, std::milli>(stop - start).count());
    (*child)->Signal(SIGTERM);
    (*child)->WaitForExit(std::chrono::seconds(30));
  }
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) {
    return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))];
  };
  std::printf("%s under %s: runs=%d min=%.1fms median=%.1fms p95=%.1fms "
              "max=%.1fms\n",
              runner->binary().c_str(), runner->qemu().c_str(), runs,
              ms.front(), pct(0.5), pct(0.95), ms.back());
  return 0;
}
