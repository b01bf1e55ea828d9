// AppsServiceImpl: cloudidl.identity.AppsService over the AppStore.
//
// Every call: injected latency, injected failure, bearer token check, then the
// operation; one JSON log line per call (method, code, client_id, duration).
// Secrets are generated here, returned only by Create and stored as hashes.
#pragma once

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "cloudidl/identity/app_service.grpc.pb.h"
#include "devserver/src/app_store.h"
#include "devserver/src/fault_injector.h"
#include "devserver/src/logger.h"
#include "devserver/src/token_issuer.h"

namespace devserver {

// List page sizes: 0 asks for the default; larger than the cap is capped.
inline constexpr std::size_t kDefaultPageSize = 100;
inline constexpr std::size_t kMaxPageSize = 1000;

class AppsServiceImpl final : public cloudidl::identity::AppsService::Service {
 public:
  // All references must outlive the service.
  AppsServiceImpl(AppStore& store, TokenIssuer& tokens, FaultInjector& faults,
                  Logger& log)
      : store_(store), tokens_(tokens), faults_(faults), log_(log) {}

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
  // Runs the cross-cutting steps around `operation` and logs the outcome.
  grpc::Status Run(grpc::ServerContext& context, absl::string_view method,
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
};

}  // namespace devserver
