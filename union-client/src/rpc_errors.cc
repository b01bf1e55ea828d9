// gRPC status -> user-facing absl::Status.
#include "rpc_errors.h"

#include "absl/strings/str_cat.h"
#include "union/errors.h"
#include "union/redact.h"

namespace unionc::client_internal {
namespace {

// The server's own text is shown up to this many bytes.
constexpr size_t kMaxServerTextLength = 512;

}  // namespace

bool IsConnectFailure(const grpc::Status& status) {
  return RequestNeverSent(
      absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                   status.error_message()));
}

absl::Status MapRpcError(const grpc::Status& status, const CallInfo& info_in,
                         const std::vector<std::string>& secrets) {
  // Values the user (or the server) supplied are echoed shortened.
  CallInfo info = info_in;
  info.endpoint = TruncateForMessage(info_in.endpoint);
  const std::string server = TruncateForMessage(
      RedactSecrets(status.error_message(), secrets), kMaxServerTextLength);
  const std::string key =
      info.client_id.empty()
          ? std::string("API keys")
          : absl::StrCat("API key \"", TruncateForMessage(info.client_id), "\"");
  const std::string org =
      absl::StrCat("organization \"", TruncateForMessage(info.org), "\"");
  switch (status.error_code()) {
    case grpc::StatusCode::NOT_FOUND:
      return absl::NotFoundError(absl::StrCat(
          key, " was not found in ", org,
          "; check the client_id with `union-apikey list`"));
    case grpc::StatusCode::ALREADY_EXISTS:
      return absl::AlreadyExistsError(absl::StrCat(
          key, " already exists in ", org,
          "; choose another name, or import or delete the existing key"));
    case grpc::StatusCode::INVALID_ARGUMENT:
      return absl::InvalidArgumentError(absl::StrCat(
          "Union rejected the request to ", info.operation, " ", key, ": ",
          server, "; check the name, client_id and redirect URIs"));
    case grpc::StatusCode::UNAUTHENTICATED:
      if (info.fixed_token) {
        return absl::UnauthenticatedError(absl::StrCat(
            "Union at ", info.endpoint, " did not accept the access token "
            "given in the configuration (", server, "); it may have expired: "
            "get a new one, or configure an API key instead"));
      }
      return absl::UnauthenticatedError(absl::StrCat(
          "Union did not accept the access token for ", info.endpoint, " (",
          server, "); check that the API key in use is valid and not deleted"));
    case grpc::StatusCode::PERMISSION_DENIED:
      return absl::PermissionDeniedError(absl::StrCat(
          "the API key in use may not ", info.operation, " ", key, " in ", org,
          " (", server, "); ask an admin for the permission or use another key"));
    case grpc::StatusCode::UNAVAILABLE:
      if (info.operation == "create" && !IsConnectFailure(status)) {
        return absl::UnavailableError(absl::StrCat(
            "Union at ", info.endpoint, " failed while creating ", key, " (",
            server, "); the key may or may not exist now: check with "
            "`union-apikey get` before retrying"));
      }
      return absl::UnavailableError(absl::StrCat(
          "Union at ", info.endpoint, " is unavailable (", server,
          "); check the endpoint, the network and the TLS settings, then "
          "retry"));
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return absl::DeadlineExceededError(absl::StrCat(
          "Union at ", info.endpoint, " did not answer the request to ",
          info.operation, " ", key, " within ", info.timeout.count(),
          " ms; retry or raise the timeout",
          info.operation == "create"
              ? " (check with `union-apikey get` first: the key may exist)"
              : ""));
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return absl::ResourceExhaustedError(absl::StrCat(
          "Union at ", info.endpoint, " is rate limiting requests (", server,
          "); retry later"));
    case grpc::StatusCode::FAILED_PRECONDITION:
      return absl::FailedPreconditionError(absl::StrCat(
          "Union refused to ", info.operation, " ", key, ": ", server));
    case grpc::StatusCode::UNIMPLEMENTED:
      return absl::UnimplementedError(absl::StrCat(
          "the server at ", info.endpoint, " does not implement the API keys "
          "service; check the endpoint"));
    default:
      return absl::Status(
          static_cast<absl::StatusCode>(status.error_code()),
          absl::StrCat("could not ", info.operation, " ", key, " at ",
                       info.endpoint, ": ", server));
  }
}

}  // namespace unionc::client_internal
