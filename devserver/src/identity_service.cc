#include "devserver/src/identity_service.h"

#include "absl/status/status.h"
#include "devserver/src/bearer_auth.h"
#include "devserver/src/grpc_status.h"

namespace devserver {

grpc::Status IdentityServiceImpl::UserInfo(
    grpc::ServerContext* context,
    const flyteidl::service::UserInfoRequest* /*request*/,
    flyteidl::service::UserInfoResponse* response) {
  // The answer describes the caller's own token and nothing else: the
  // request has no fields naming another identity.
  absl::StatusOr<TokenInfo> who = AuthenticateCall(*context, tokens_);
  nlohmann::json fields = {
      {"rpc", "flyteidl.service.IdentityService/UserInfo"},
      {"code", absl::StatusCodeToString(who.status().code())}};
  if (who.ok()) fields["caller"] = who->client_id;
  log_.Info("rpc", std::move(fields));
  if (!who.ok()) return ToGrpcStatus(who.status());
  response->set_subject(who->client_id);
  response->set_name(who->client_id);
  response->set_preferred_username(who->client_id);
  if (!userhandle_.empty()) {
    auto& fields = *response->mutable_additional_claims()->mutable_fields();
    fields["userhandle"].set_string_value(userhandle_);
  }
  return grpc::Status::OK;
}

}  // namespace devserver
