// devserver_bench: start-up time to the READY line and creates/s with 8
// parallel client threads against a spawned union-devserver. Prints figures;
// asserts nothing. Usage: devserver_bench [creates_per_thread]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "devserver/tests/test_client.h"

namespace dt = devserver::testing;
namespace pb = ::cloudidl::identity;

namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Creates/s with `threads` threads; shared channel or one per thread.
double CreatesPerSecond(const dt::DevServerProcess& server,
                        const std::string& token, int threads, int per_thread,
                        bool shared, const std::string& org) {
  auto shared_channel = dt::Channel(server.endpoint());
  std::vector<std::thread> workers;
  std::vector<int> failures(threads);
  const absl::Time start = absl::Now();
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      auto channel = shared ? shared_channel : dt::Channel(server.endpoint());
      auto stub = pb::AppsService::NewStub(channel);
      for (int i = 0; i < per_thread; ++i) {
        pb::CreateAppRequest request;
        request.set_organization(org);
        request.set_client_id(absl::StrFormat("bench-%s-%02d-%05d", org, t, i));
        request.set_client_name(request.client_id());
        pb::CreateAppResponse response;
        grpc::ClientContext ctx;
        dt::Prepare(ctx, token);
        if (!stub->Create(&ctx, request, &response).ok()) ++failures[t];
      }
    });
  }
  for (auto& w : workers) w.join();
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  int failed = 0;
  for (int f : failures) failed += f;
  if (failed > 0) std::fprintf(stderr, "%d creates failed\n", failed);
  return threads * per_thread / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const int per_thread = argc > 1 ? std::atoi(argv[1]) : 250;
  dt::TempDir dir;
  std::vector<double> startups;
  for (int i = 0; i < 5; ++i) {
    auto server = dt::DevServerProcess::Start({"--db", ":memory:"}, dir.path());
    if (!server.ok()) {
      std::fprintf(stderr, "start failed\n");
      return 1;
    }
    startups.push_back(absl::ToDoubleMilliseconds((*server)->startup_time()));
  }
  std::printf("startup to READY (median of 5, :memory:): %.1f ms\n",
              Median(startups));

  // ":memory:", then a file database with each --sync mode.
  for (const char* sync : {"", "normal", "full"}) {
    const bool file_db = sync[0] != '\0';
    const std::string key_file = absl::StrFormat("%s/admin-%s.key", dir.path(),
                                                 file_db ? sync : "memory");
    std::vector<std::string> args = {
        "--db",
        file_db ? absl::StrFormat("%s/bench-%s.db", dir.path(), sync)
                : std::string(":memory:"),
        "--admin-key-file",
        key_file,
        "--log-level",
        "warn"};
    if (file_db) args.insert(args.end(), {"--sync", sync});
    auto server = dt::DevServerProcess::Start(args, dir.path());
    if (!server.ok()) return 1;
    auto admin = dt::ReadAdminKey(key_file);
    auto token =
        dt::FetchToken((*server)->http_port(), admin->client_id, admin->secret);
    if (!token.ok()) return 1;
    const double shared =
        CreatesPerSecond(**server, *token, 8, per_thread, true, "shared");
    const double separate =
        CreatesPerSecond(**server, *token, 8, per_thread, false, "separate");
    std::printf(
        "%s db: creates/s with 8 threads: shared channel %.0f, channel per "
        "thread %.0f (%d creates each)\n",
        file_db ? absl::StrFormat("file (WAL, --sync=%s)", sync).c_str()
                : ":memory:",
        shared, separate, 8 * per_thread);
  }
  return 0;
}
