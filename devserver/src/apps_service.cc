#include "devserver/src/apps_service.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "devserver/src/app_convert.h"
#include "devserver/src/bearer_auth.h"
#include "devserver/src/grpc_status.h"
#include "devserver/src/list_filter.h"
#include "devserver/src/message_text.h"
#include "devserver/src/page_token.h"
#include "devserver/src/request_validation.h"
#include "devserver/src/secret_hash.h"
#include "support/status_macros.h"

namespace devserver {

namespace pb = ::cloudidl::identity;

grpc::Status AppsServiceImpl::Run(grpc::ServerContext& context,
                                  absl::string_view method, AppAction action,
                                  absl::string_view organization,
                                  absl::string_view client_id,
                                  absl::FunctionRef<absl::Status()> operation) {
  const absl::Time start = absl::Now();
  faults_.Delay();
  absl::Status status = faults_.BeforeCall();
  std::optional<TokenInfo> caller;
  if (status.ok()) {
    absl::StatusOr<TokenInfo> who = AuthenticateCall(context, tokens_);
    if (who.ok()) {
      caller = *std::move(who);
      status = authorizer_.Check(*caller, action, organization, client_id);
      if (status.ok()) status = operation();
    } else {
      status = who.status();
    }
  }
  nlohmann::json fields = {
      {"rpc", absl::StrCat("cloudidl.identity.AppsService/", method)},
      {"code", absl::StatusCodeToString(status.code())},
      {"duration_ms", absl::ToDoubleMilliseconds(absl::Now() - start)},
  };
  if (!client_id.empty()) fields["client_id"] = TruncateForMessage(client_id);
  if (!organization.empty())
    fields["organization"] = TruncateForMessage(organization);
  if (caller.has_value()) {
    fields["caller"] = caller->client_id;
    if (!caller->organization.empty())
      fields["caller_organization"] = caller->organization;
  }
  if (!status.ok()) fields["error"] = std::string(status.message());
  log_.Log(status.ok() ? LogLevel::kInfo : LogLevel::kWarn, "rpc",
           std::move(fields));
  return ToGrpcStatus(status);
}

grpc::Status AppsServiceImpl::Create(grpc::ServerContext* context,
                                     const pb::CreateAppRequest* request,
                                     pb::CreateAppResponse* response) {
  return Run(*context, "Create", AppAction::kCreate, request->organization(),
             request->client_id(),
             [&] { return DoCreate(*request, *response); });
}

absl::Status AppsServiceImpl::DoCreate(const pb::CreateAppRequest& request,
                                       pb::CreateAppResponse& response) {
  TFPU_RETURN_IF_ERROR(ValidateCreate(request));
  const absl::Time now = absl::Now();
  AppRecord record = RecordFromCreate(request, now);
  if (config_.secret_ttl > absl::ZeroDuration()) {
    record.secret_expires_at_unix_nanos =
        absl::ToUnixNanos(now + config_.secret_ttl);
  }
  TFPU_ASSIGN_OR_RETURN(const std::string secret, GenerateClientSecret());
  TFPU_ASSIGN_OR_RETURN(const std::string secret_hash, HashSecret(secret));
  TFPU_RETURN_IF_ERROR(store_.Insert(record, secret_hash));
  if (faults_.FailAfterCommit()) {
    return absl::UnavailableError(
        "injected fault after commit (--fail-after-commit)");
  }
  RecordToProto(record, response.mutable_app());
  response.mutable_app()->set_client_secret(secret);
  return absl::OkStatus();
}

grpc::Status AppsServiceImpl::Get(grpc::ServerContext* context,
                                  const pb::GetAppRequest* request,
                                  pb::GetAppResponse* response) {
  return Run(*context, "Get", AppAction::kGet, request->organization(),
             request->client_id(), [&]() -> absl::Status {
    TFPU_RETURN_IF_ERROR(
        ValidateLookup(request->organization(), request->client_id()));
    TFPU_ASSIGN_OR_RETURN(
        const AppRecord record,
        store_.Get(request->organization(), request->client_id()));
    RecordToProto(record, response->mutable_app());
    return absl::OkStatus();
  });
}

grpc::Status AppsServiceImpl::Update(grpc::ServerContext* context,
                                     const pb::UpdateAppRequest* request,
                                     pb::UpdateAppResponse* response) {
  return Run(*context, "Update", AppAction::kUpdate, request->organization(),
             request->client_id(), [&]() -> absl::Status {
    TFPU_RETURN_IF_ERROR(ValidateUpdate(*request));
    TFPU_ASSIGN_OR_RETURN(
        const AppRecord record,
        store_.Update(
            request->organization(), request->client_id(),
            [&](AppRecord& stored) { ApplyUpdate(*request, stored); }));
    RecordToProto(record, response->mutable_app());
    return absl::OkStatus();
  });
}

grpc::Status AppsServiceImpl::Delete(grpc::ServerContext* context,
                                     const pb::DeleteAppRequest* request,
                                     pb::DeleteAppResponse* /*response*/) {
  return Run(*context, "Delete", AppAction::kDelete, request->organization(),
             request->client_id(), [&]() -> absl::Status {
    TFPU_RETURN_IF_ERROR(
        ValidateLookup(request->organization(), request->client_id()));
    TFPU_RETURN_IF_ERROR(
        store_.Delete(request->organization(), request->client_id()));
    tokens_.RevokeClient(request->client_id());
    return absl::OkStatus();
  });
}

grpc::Status AppsServiceImpl::List(grpc::ServerContext* context,
                                   const pb::ListAppsRequest* request,
                                   pb::ListAppsResponse* response) {
  return Run(*context, "List", AppAction::kList, request->organization(), "",
             [&] { return DoList(*request, *response); });
}

absl::Status AppsServiceImpl::DoList(const pb::ListAppsRequest& request,
                                     pb::ListAppsResponse& response) {
  TFPU_RETURN_IF_ERROR(ValidateOrganization(request.organization()));
  TFPU_ASSIGN_OR_RETURN(const ListFilter filter,
                      ListFilter::Parse(request.request()));
  std::size_t limit = request.request().limit();
  if (limit == 0) limit = kDefaultPageSize;
  limit = std::min(limit, kMaxPageSize);
  const std::string listing =
      ListingKey(request.organization(), filter.canonical());
  TFPU_ASSIGN_OR_RETURN(const std::string after,
                      DecodePageToken(request.request().token(), listing));
  TFPU_ASSIGN_OR_RETURN(
      AppPage page,
      store_.List(request.organization(), after, limit,
                  [&](absl::string_view id) { return filter.Matches(id); }));
  for (const AppRecord& record : page.apps)
    RecordToProto(record, response.add_apps());
  if (page.has_more && !page.apps.empty()) {
    response.set_token(EncodePageToken(listing, page.apps.back().client_id));
  }
  return absl::OkStatus();
}

}  // namespace devserver
