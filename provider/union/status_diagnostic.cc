// status_diagnostic.cc: absl::Status -> tf::Diagnostic.
#include "provider/union/status_diagnostic.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "union/config.h"
#include "union/errors.h"
#include "union/redact.h"

namespace union_provider {
namespace {

struct Wording {
  std::string summary;
  std::string advice;
};

Wording WordingFor(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kNotFound:
      return {"Union API key not found",
              "The key does not exist (it may have been deleted outside "
              "Terraform). Check the client_id."};
    case absl::StatusCode::kAlreadyExists:
      return {"Union API key already exists",
              "A key with this client_id already exists."};
    case absl::StatusCode::kUnauthenticated:
      return {"Union rejected the provider's credentials",
              absl::StrCat("Check the provider's api_key (or the ",
                           unionc::ApiKeyEnvVarList(),
                           " environment variables): the key may be "
                           "malformed, deleted, or meant for another "
                           "endpoint.")};
    case absl::StatusCode::kPermissionDenied:
      return {"Permission denied by Union",
              "The API key the provider uses is not allowed to manage API "
              "keys in this organization."};
    case absl::StatusCode::kInvalidArgument:
      return {"Union rejected the request as invalid",
              "Check the arguments of the resource."};
    case absl::StatusCode::kUnavailable:
      return {"Union endpoint unreachable",
              "Check the provider's endpoint, network access, and TLS "
              "settings (insecure = true is only for a local dev server)."};
    case absl::StatusCode::kDeadlineExceeded:
      return {"Union request timed out",
              "The call did not finish within the provider's "
              "request_timeout. Raise request_timeout or check the "
              "endpoint."};
    case absl::StatusCode::kResourceExhausted:
      return {"Union rate limit or quota exceeded",
              "Wait and try again, or lower Terraform's -parallelism."};
    case absl::StatusCode::kCancelled:
      return {"Union request cancelled", "The operation was interrupted."};
    default:
      return {"Union API error", "The call to Union failed."};
  }
}

}  // namespace

std::string SafeMessage(const absl::Status& status,
                        const std::vector<std::string>& secrets) {
  return unionc::RedactSecrets(std::string(status.message()), secrets);
}

bool IsAmbiguous(const absl::Status& status) {
  if (unionc::RequestNeverSent(status)) return false;
  return absl::IsUnavailable(status) || absl::IsDeadlineExceeded(status) ||
         absl::IsCancelled(status) || absl::IsUnknown(status) ||
         absl::IsInternal(status);
}

tf::Diagnostic StatusToDiagnostic(const absl::Status& status,
                                  const StatusContext& context) {
  Wording w = WordingFor(status.code());
  std::string what = context.operation.empty() ? "call Union" : context.operation;
  std::string target =
      context.client_id.empty()
          ? std::string()
          : absl::StrCat(" API key \"", context.client_id, "\"");
  std::string message = SafeMessage(status, context.secrets);
  // union-client's messages usually end with what to check; add ours only
  // when they do not, so the user does not read the same advice twice.
  const bool has_advice = absl::StrContains(message, "; check") ||
                          absl::StrContains(message, "; choose");
  std::string detail = absl::StrCat(
      "Could not ", what, target, ": ", absl::StatusCodeToString(status.code()),
      message.empty() ? "" : ": ", message, ".",
      has_advice ? "" : absl::StrCat("\n\n", w.advice));
  return tf::Diagnostic{.severity = tf::Severity::kError,
                        .summary = std::move(w.summary),
                        .detail = std::move(detail),
                        .attribute = context.path};
}

}  // namespace union_provider
