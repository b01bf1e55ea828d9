// Exit codes and names of error kinds.
#include "union/errors.h"

namespace unionc {

int ExitCodeFor(const absl::Status& status) {
  if (status.ok()) return 0;
  if (absl::IsNotFound(status)) return 2;
  return 1;
}

std::string_view ErrorKindName(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk: return "ok";
    case absl::StatusCode::kNotFound: return "not found";
    case absl::StatusCode::kAlreadyExists: return "already exists";
    case absl::StatusCode::kInvalidArgument: return "invalid argument";
    case absl::StatusCode::kUnauthenticated: return "unauthenticated";
    case absl::StatusCode::kPermissionDenied: return "permission denied";
    case absl::StatusCode::kUnavailable: return "unavailable";
    case absl::StatusCode::kDeadlineExceeded: return "deadline exceeded";
    case absl::StatusCode::kResourceExhausted: return "resource exhausted";
    case absl::StatusCode::kFailedPrecondition: return "failed precondition";
    case absl::StatusCode::kInternal: return "internal error";
    default: return "error";
  }
}

}  // namespace unionc
