// An in-process fake of Union for tests and benchmarks: gRPC AppsService,
// AuthMetadataService and IdentityService on 127.0.0.1:0 (plaintext), and an
// OAuth2 token endpoint (cpp-httplib) on 127.0.0.1:0. In-memory, with knobs
// for fault injection. Every AppsService call checks the bearer token.
#pragma once

#include <httplib.h>
#include <grpcpp/grpcpp.h>

#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "cloudidl/identity/app_service.grpc.pb.h"
#include "flyteidl/service/auth.grpc.pb.h"
#include "flyteidl/service/identity.grpc.pb.h"

namespace unionc::testing {

// What the token endpoint does.
enum class TokenMode { kOk, k401, k500, kGarbage };

// State shared by the services and the token endpoint.
struct FakeState {
  absl::Mutex mu;
  std::map<std::string, cloudidl::identity::App> apps ABSL_GUARDED_BY(mu);
  std::set<std::string> valid_tokens ABSL_GUARDED_BY(mu);
  std::vector<std::string> seen_tokens ABSL_GUARDED_BY(mu);
  cloudidl::identity::CreateAppRequest last_create ABSL_GUARDED_BY(mu);
  std::vector<uint32_t> list_limits ABSL_GUARDED_BY(mu);
  // Filters of each List request, as "FUNCTION field=value,value".
  std::vector<std::string> list_filters ABSL_GUARDED_BY(mu);
  std::string last_token_form ABSL_GUARDED_BY(mu);
  int next_token = 0 ABSL_GUARDED_BY(mu);
  int next_secret = 0 ABSL_GUARDED_BY(mu);

  // Knobs (set before or between calls).
  std::string client_id = "admin";
  std::string client_secret = "fake-admin-secret-0123456789";
  std::string metadata_key = "authorization";  // served by discovery
  int expires_in = 3600;
  std::atomic<TokenMode> token_mode{TokenMode::kOk};
  std::atomic<int> fail_get{0};              // next N Gets: UNAVAILABLE
  std::atomic<int> fail_create_after_commit{0};  // store, then UNAVAILABLE
  std::atomic<bool> reject_all_tokens{false};
  // List ignores its filters (a server without filter support); otherwise
  // CONTAINS on client_id is honoured.
  std::atomic<bool> ignore_list_filters{false};

  // Counters.
  std::atomic<int> create_calls{0}, get_calls{0}, list_calls{0},
      update_calls{0}, delete_calls{0}, token_requests{0}, unauthenticated{0};

  // Drops every issued token (the next call gets UNAUTHENTICATED).
  void RevokeAllTokens() {
    absl::MutexLock l(&mu);
    valid_tokens.clear();
  }
};

class FakeUnion {
 public:
  FakeUnion();
  ~FakeUnion();
  FakeUnion(const FakeUnion&) = delete;
  FakeUnion& operator=(const FakeUnion&) = delete;

  // "127.0.0.1:<port>" of the gRPC server.
  std::string endpoint() const;
  // "127.0.0.1:<port>" of the HTTP server (token endpoint and the well-known
  // discovery documents /.well-known/oauth-authorization-server and
  // /config/v1/flyte_client).
  std::string http_endpoint() const;
  // The encoded API key of the admin app for endpoint() (org "None").
  std::string api_key() const;
  FakeState& state() { return *state_; }
  // Stops the gRPC server (the token endpoint keeps running).
  void StopGrpc();

 private:
  std::unique_ptr<FakeState> state_;
  std::unique_ptr<grpc::Service> apps_, auth_, identity_;
  std::unique_ptr<grpc::Server> server_;
  int grpc_port_ = 0;
  httplib::Server http_;
  int http_port_ = 0;
  std::thread http_thread_;
};

}  // namespace unionc::testing
