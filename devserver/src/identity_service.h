// IdentityServiceImpl: flyteidl.service.IdentityService.UserInfo for the
// caller's bearer token. With a serverless user handle configured, it is
// returned as additional_claims["userhandle"] (what Union's serverless SDK
// reads as the organization).
#pragma once

#include <string>

#include "devserver/src/logger.h"
#include "devserver/src/token_issuer.h"
#include "flyteidl/service/identity.grpc.pb.h"

namespace devserver {

class IdentityServiceImpl final
    : public flyteidl::service::IdentityService::Service {
 public:
  // `userhandle` may be empty (no claim). `tokens` and `log` must outlive this.
  IdentityServiceImpl(TokenIssuer& tokens, Logger& log, std::string userhandle)
      : tokens_(tokens), log_(log), userhandle_(std::move(userhandle)) {}

  grpc::Status UserInfo(grpc::ServerContext* context,
                        const flyteidl::service::UserInfoRequest* request,
                        flyteidl::service::UserInfoResponse* response) override;

 private:
  TokenIssuer& tokens_;
  Logger& log_;
  const std::string userhandle_;
};

}  // namespace devserver
