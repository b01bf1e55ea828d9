// handshake_timing.cc: measures exec -> handshake line for tf_plugin_testbin
// with AutoMTLS (the CLI's environment). Prints median and p95; asserts
// nothing. Usage: protocol_handshake_timing [runs=50]
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "tests/protocol/plugin_harness.h"

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::atoi(argv[1]) : 50;
  tfpu::testing::PluginHarness harness;
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto child = harness.Start(harness.CliEnv());
    if (!child.ok()) return 1;
    auto hs = harness.ReadHandshake(**child);
    auto stop = std::chrono::steady_clock::now();
    if (!hs.has_value()) {
      std::fprintf(stderr, "run %d: no handshake\n", i);
      return 1;
    }
    ms.push_back(
        std::chrono::duration<double, std::milli>(stop - start).count());
    (*child)->Signal(SIGTERM);
    (*child)->WaitForExit(tfpu::testing::kWait);
  }
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) {
    return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))];
  };
  std::printf("runs=%d min=%.2fms median=%.2fms p95=%.2fms max=%.2fms\n", runs,
              ms.front(), pct(0.5), pct(0.95), ms.back());
  return 0;
}
