// grpc_server_model_bench: server CPU per unary call, gRPC's sync server
// against its callback API.
//
// The server runs in a forked child, listening on a unix socket with the
// options the provider's plugin server uses (message size limits,
// MAX_POLLERS 10, two malloc arenas, no absl deadlock graph). The parent
// drives one channel from several client threads, each making blocking
// unary calls with a ~300 byte request; the server answers ~600 bytes. The
// child's CPU (getrusage RUSAGE_SELF) and the threads it created are
// sampled over a control pipe just before and just after the timed calls,
// so connection set-up and the TLS handshake are outside the figures.
//
//   grpc_server_model_bench --model sync|callback [--tls] [--calls N]
//                           [--threads T]
//
// --tls: mutual TLS with one self-signed P-256 certificate on both ends
// (the provider's AutoMTLS shape); without it, insecure credentials.
#include <dlfcn.h>
#include <grpcpp/grpcpp.h>
#include <malloc.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "server_model_bench.grpc.pb.h"
#include "support/self_signed_cert.h"

namespace {

std::atomic<long> threads_created{0};

}  // namespace

// Counts every thread the process starts (gRPC's included: the executable's
// definition comes first in symbol lookup), then starts it with libc's.
extern "C" int pthread_create(pthread_t* thread, const pthread_attr_t* attr,
                              void* (*start)(void*), void* arg) noexcept {
  using Fn = int (*)(pthread_t*, const pthread_attr_t*, void* (*)(void*),
                     void*);
  static Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "pthread_create"));
  threads_created.fetch_add(1, std::memory_order_relaxed);
  return real(thread, attr, start, arg);
}

namespace {

using tfpu::bench::ModelBench;
using tfpu::bench::ReadReply;
using tfpu::bench::ReadRequest;

constexpr int kMaxMessageBytes = 256 * 1024 * 1024;
constexpr int kMaxPollers = 10;
constexpr size_t kRequestBytes = 300;
constexpr size_t kReplyBytes = 600;
constexpr int kWarmUpCalls = 500;

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "grpc_server_model_bench: %s\n", what);
  std::exit(2);
}

// The reply's bytes: derived from the request so that each call does the
// same small amount of work under both models.
void Answer(const ReadRequest& request, ReadReply* reply) {
  std::string* state = reply->mutable_state();
  state->reserve(kReplyBytes);
  while (state->size() < kReplyBytes) state->append(request.state());
  state->resize(kReplyBytes);
}

class SyncService final : public ModelBench::Service {
  grpc::Status Read(grpc::ServerContext*, const ReadRequest* request,
                    ReadReply* reply) override {
    Answer(*request, reply);
    return grpc::Status::OK;
  }
};

class CallbackService final : public ModelBench::CallbackService {
  grpc::ServerUnaryReactor* Read(grpc::CallbackServerContext* context,
                                 const ReadRequest* request,
                                 ReadReply* reply) override {
    Answer(*request, reply);
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};

struct Options {
  bool callback = false;
  bool tls = false;
  int calls = 20000;
  int threads = 10;
};

Options Parse(int argc, char** argv) {
  Options o;
  bool model_given = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> int {
      if (i + 1 >= argc) Die("missing value");
      return std::atoi(argv[++i]);
    };
    if (arg == "--model" && i + 1 < argc) {
      std::string m = argv[++i];
      if (m != "sync" && m != "callback") Die("--model is sync or callback");
      o.callback = m == "callback";
      model_given = true;
    } else if (arg == "--tls") {
      o.tls = true;
    } else if (arg == "--calls") {
      o.calls = next();
    } else if (arg == "--threads") {
      o.threads = next();
    } else {
      Die("usage: --model sync|callback [--tls] [--calls N] [--threads T]");
    }
  }
  if (!model_given || o.calls <= 0 || o.threads <= 0) Die("bad arguments");
  return o;
}

// What the child reports for one snapshot request.
struct Sample {
  long cpu_us;  // user + system
  long threads_created;
};

long Micros(const timeval& tv) { return tv.tv_sec * 1000000L + tv.tv_usec; }

bool ReadFull(int fd, void* buf, size_t n) {
  char* p = static_cast<char*>(buf);
  while (n > 0) {
    ssize_t r = ::read(fd, p, n);
    if (r <= 0) return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

// The child: serve, answer each byte on `control` with a Sample on
// `report`, stop when `control` closes.
[[noreturn]] void Serve(const Options& o, const std::string& address,
                        const tfpu::SelfSignedPem& id, int control, int report) {
  mallopt(M_ARENA_MAX, 2);
#ifdef NDEBUG
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
#endif
  std::shared_ptr<grpc::ServerCredentials> credentials;
  if (o.tls) {
    grpc::SslServerCredentialsOptions ssl(
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    ssl.pem_root_certs = id.cert_pem;
    ssl.pem_key_cert_pairs.push_back({id.key_pem, id.cert_pem});
    credentials = grpc::SslServerCredentials(ssl);
  } else {
    credentials = grpc::InsecureServerCredentials();
  }
  SyncService sync_service;
  CallbackService callback_service;
  grpc::ServerBuilder builder;
  builder.AddListeningPort(address, credentials);
  builder.SetMaxReceiveMessageSize(kMaxMessageBytes);
  builder.SetMaxSendMessageSize(kMaxMessageBytes);
  builder.SetSyncServerOption(grpc::ServerBuilder::MAX_POLLERS, kMaxPollers);
  if (o.callback) {
    builder.RegisterService(&callback_service);
  } else {
    builder.RegisterService(&sync_service);
  }
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr) Die("server did not start");
  char byte;
  while (::read(control, &byte, 1) == 1) {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    Sample s{Micros(ru.ru_utime) + Micros(ru.ru_stime),
             threads_created.load()};
    if (::write(report, &s, sizeof s) != static_cast<ssize_t>(sizeof s)) {
      Die("report");
    }
  }
  server->Shutdown(std::chrono::system_clock::now());
  server->Wait();
  std::_Exit(0);
}

// Makes `count` calls over `threads` threads sharing `stub`; returns the
// number that failed.
int Drive(ModelBench::Stub* stub, int count, int threads) {
  std::atomic<int> next{0};
  std::atomic<int> failed{0};
  ReadRequest request;
  request.set_state(std::string(kRequestBytes, 'r'));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      while (next.fetch_add(1) < count) {
        grpc::ClientContext context;
        ReadReply reply;
        grpc::Status s = stub->Read(&context, request, &reply);
        if (!s.ok() || reply.state().size() != kReplyBytes) failed++;
      }
    });
  }
  for (std::thread& t : pool) t.join();
  return failed.load();
}

}  // namespace

int main(int argc, char** argv) {
  Options o = Parse(argc, argv);
  tfpu::SelfSignedPem id;
  if (o.tls) {
    std::optional<tfpu::SelfSignedPem> made = tfpu::MakeSelfSignedCert();
    if (!made) Die("self-signed certificate");
    id = *std::move(made);
  }
  std::string path = "/tmp/grpc_server_model_bench." + std::to_string(getpid());
  std::string address = "unix:" + path;
  int control[2], report[2];
  if (pipe(control) != 0 || pipe(report) != 0) Die("pipe");
  // Fork before any gRPC object exists in this process.
  pid_t child = fork();
  if (child < 0) Die("fork");
  if (child == 0) {
    close(control[1]);
    close(report[0]);
    Serve(o, address, id, control[0], report[1]);
  }
  close(control[0]);
  close(report[1]);
  auto snapshot = [&] {
    Sample s{};
    if (::write(control[1], "s", 1) != 1 || !ReadFull(report[0], &s, sizeof s))
      Die("server snapshot");
    return s;
  };

  std::shared_ptr<grpc::ChannelCredentials> credentials;
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(kMaxMessageBytes);
  if (o.tls) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = id.cert_pem;
    ssl.pem_private_key = id.key_pem;
    ssl.pem_cert_chain = id.cert_pem;
    credentials = grpc::SslCredentials(ssl);
    args.SetSslTargetNameOverride("localhost");
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  snapshot();  // the server is up once it answers
  std::shared_ptr<grpc::Channel> channel =
      grpc::CreateCustomChannel(address, credentials, args);
  if (!channel->WaitForConnected(std::chrono::system_clock::now() +
                                 std::chrono::seconds(10))) {
    Die("no connection to the server");
  }
  std::unique_ptr<ModelBench::Stub> stub = ModelBench::NewStub(channel);
  if (Drive(stub.get(), kWarmUpCalls, o.threads) != 0) Die("warm-up failed");

  Sample before = snapshot();
  rusage client_before{};
  getrusage(RUSAGE_SELF, &client_before);
  auto start = std::chrono::steady_clock::now();
  int failed = Drive(stub.get(), o.calls, o.threads);
  auto wall = std::chrono::steady_clock::now() - start;
  rusage client_after{};
  getrusage(RUSAGE_SELF, &client_after);
  Sample after = snapshot();

  close(control[1]);
  int status = 0;
  waitpid(child, &status, 0);
  unlink(path.c_str());

  double wall_ms =
      std::chrono::duration<double, std::milli>(wall).count();
  long server_us = after.cpu_us - before.cpu_us;
  long client_us = Micros(client_after.ru_utime) +
                   Micros(client_after.ru_stime) -
                   Micros(client_before.ru_utime) -
                   Micros(client_before.ru_stime);
  std::printf(
      "model=%s tls=%s calls=%d client_threads=%d failed=%d wall_ms=%.0f "
      "server_cpu_ms=%.0f server_cpu_us_per_call=%.1f "
      "client_cpu_us_per_call=%.1f server_threads_created=%ld "
      "(before warm-up and during it: %ld)\n",
      o.callback ? "callback" : "sync", o.tls ? "mtls" : "insecure", o.calls,
      o.threads, failed, wall_ms, server_us / 1000.0,
      static_cast<double>(server_us) / o.calls,
      static_cast<double>(client_us) / o.calls,
      after.threads_created - before.threads_created, before.threads_created);
  return failed == 0 ? 0 : 1;
}
