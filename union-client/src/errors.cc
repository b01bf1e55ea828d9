// Exit codes and names of error kinds.
#include "union/errors.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace unionc {

int ExitCodeFor(const absl::Status& status) {
  if (status.ok()) return 0;
  if (absl::IsNotFound(status)) return 2;
  return 1;
}

std::string TruncateForMessage(std::string_view value, size_t max_length) {
  size_t keep = value.size();
  if (keep > max_length) {
    keep = max_length;
    // Back up to the start of a UTF-8 sequence (continuation bytes are
    // 10xxxxxx).
    while (keep > 0 &&
           (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80) {
      --keep;
    }
  }
  std::string out(value.substr(0, keep));
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) c = '?';
  }
  if (keep < value.size()) absl::StrAppend(&out, "...(", value.size(), " bytes)");
  return out;
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

bool RequestNeverSent(const absl::Status& status) {
  if (!absl::IsUnavailable(status)) return false;
  const std::string msg = absl::AsciiStrToLower(std::string(status.message()));
  for (const char* text : {"failed to connect", "connection refused",
                           "dns resolution failed", "empty address list"}) {
    if (absl::StrContains(msg, text)) return true;
  }
  return false;
}

}  // namespace unionc
