// AppsServiceImpl: cloudidl.identity.AppsService over the AppStore.
//
// Every call: injected latency, injected failure, bearer token check,
// authorization (Authorizer: the caller's organization, the admin app), then
// the operation; one JSON log line per call (method, code, client_id,
// organization, caller, duration).
// Secrets are generated here, returned only by Create and stored as hashes;
// with a secret ttl they expire at issue time + ttl (client_secret_expires_at).
#pragma once

#include <string>
#include <utility>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cloudidl/identity/app_service.grpc.pb.h"
#include "devserver/src/app_store.h"
#include "devserver/src/authorization.h"
#include "devserver/src/fault_injector.h"
#include "devserver/src/logger.h"
#include "devserver/src/token_issuer.h"

namespace devserver {

// List page sizes: 0 asks for the default; larger than the cap is capped.
inline constexpr std::size_t kDefaultPageSize = 100;
inline constexpr std::size_t kMaxPageSize = 1000;

// What the service needs to know beyond its collaborators.
struct AppsServiceConfig {
  // client_id of the admin app (organization ""), which may act on every
  // organization.
  std::string admin_client_id;
  // Lifetime of the secrets of created keys; zero = they never expire.
  absl::Duration secret_ttl = absl::ZeroDuration();
};

class AppsServiceImpl final : public cloudidl::identity::AppsService::Service {
 public:
  // All references must outlive the service.
  AppsServiceImpl(AppStore& store, TokenIssuer& tokens, FaultInjector& faults,
                  Logger& log, AppsServiceConfig config)
      : store_(store),
        tokens_(tokens),
        faults_(faults),
        log_(log),
        config_(std::move(config)),
        authorizer_(config_.admin_client_id) {}

  grpc::Status Create(grpc::ServerContext* context,
                      const cloudidl::identity::CreateAppRequest* request,
                      cloudidl::identity::CreateAppResponse* response) override;
  grpc::Status Get(grpc::ServerContext* context,
                   const cloudidl::identity::GetAppRequest* request,
                   cloudidl::identity::GetAppResponse* response) override;
  grpc::Status Update(grpc::ServerContext* context,
                      const cloudidl::identity::UpdateAppRequest* request,
                      cloudidl::identity::UpdateAppResponse* response) override;
  grpc::Status Delete(grpc::ServerContext* context,
                      const cloudidl::identity::DeleteAppRequest* request,
                      cloudidl::identity::DeleteAppResponse* response) override;
  grpc::Status List(grpc::ServerContext* context,
                    const cloudidl::identity::ListAppsRequest* request,
                    cloudidl::identity::ListAppsResponse* response) override;

 private:
  // Runs the cross-cutting steps around `operation` (faults, authentication,
  // authorization of `action` on `client_id` in `organization`) and logs the
  // outcome.
  grpc::Status Run(grpc::ServerContext& context, absl::string_view method,
                   AppAction action, absl::string_view organization,
                   absl::string_view client_id,
                   absl::FunctionRef<absl::Status()> operation);

  absl::Status DoCreate(const cloudidl::identity::CreateAppRequest& request,
                        cloudidl::identity::CreateAppResponse& response);
  absl::Status DoList(const cloudidl::identity::ListAppsRequest& request,
                      cloudidl::identity::ListAppsResponse& response);

  AppStore& store_;
  TokenIssuer& tokens_;
  FaultInjector& faults_;
  Logger& log_;
  const AppsServiceConfig config_;
  const Authorizer authorizer_;
};

}  // namespace devserver
