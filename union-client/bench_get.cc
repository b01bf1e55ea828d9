// union_client_bench: ApiKeys::Get throughput against the in-process fake
// over one reused channel (sequential and 8 threads). Not a test.
//
//   build-client/union-client/union_client_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <memory>

#include "fake_union.h"
#include "union/api_key.h"
#include "union/client.h"
#include "union/config.h"

namespace {

struct Env {
  unionc::testing::FakeUnion fake;
  std::unique_ptr<unionc::ApiKeys> keys;
  Env() {
    unionc::ConfigInputs in;
    in.api_key = fake.api_key();
    in.insecure = true;
    auto cfg = unionc::ResolveConfig(in, [](std::string_view) { return std::nullopt; });
    auto client = unionc::Client::Create(*cfg);
    keys = std::make_unique<unionc::ApiKeys>(*client);
    if (!keys->Create("bench").ok()) std::abort();
  }
};

Env& GetEnv() {
  static Env env;
  return env;
}

void BM_Get(benchmark::State& state) {
  const unionc::ApiKeys& keys = *GetEnv().keys;
  for (auto _ : state) {
    auto key = keys.Get("bench");
    if (!key.ok()) state.SkipWithError("get failed");
    benchmark::DoNotOptimize(key);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Get)->Iterations(5000)->UseRealTime();
BENCHMARK(BM_Get)->Threads(8)->Iterations(1000)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
