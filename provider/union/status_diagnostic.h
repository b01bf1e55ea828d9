// status_diagnostic.h: the one bridge from union-client's absl::Status to a
// Terraform diagnostic.
//
//   absl::Status s = backend.Delete(id);
//   if (!s.ok()) {
//     resp.diagnostics.Add(StatusToDiagnostic(s, {.operation = "delete",
//                                                 .client_id = id}));
//   }
// The summary says what went wrong in words a Terraform user understands, the
// detail says what the provider was doing and what to try, and the attribute
// path (when given) lets Terraform point at the offending line. Status
// messages pass through the redaction helper, so a secret never reaches the
// user's screen. NotFound in a resource's Read is not an error: the caller
// removes the resource from state instead (see IsGone).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/types/path.h"

namespace union_provider {

// What the provider was doing when the call failed.
struct StatusContext {
  std::string operation{};   // a verb: "create", "read", "update", "delete", "list"
  std::string client_id{};   // the key concerned, if any
  std::optional<tf::Path> path{};  // the attribute the failure is about, if any
  // Secrets to scrub from the status message (union-client's messages carry
  // none, but a server's might echo what it was sent).
  std::vector<std::string> secrets{};
};

// An error diagnostic for a non-OK `status` (a warning is never produced).
[[nodiscard]] tf::Diagnostic StatusToDiagnostic(const absl::Status& status,
                                                const StatusContext& context);

// The status message with the context's secrets redacted.
[[nodiscard]] std::string SafeMessage(const absl::Status& status,
                                      const std::vector<std::string>& secrets);

// True for the codes that mean "the key does not exist".
[[nodiscard]] inline bool IsGone(const absl::Status& status) {
  return absl::IsNotFound(status);
}

// True when a failed call may nevertheless have taken effect on the server
// (the request may have been sent before the failure). A request that
// unionc::RequestNeverSent says never left is not ambiguous.
[[nodiscard]] bool IsAmbiguous(const absl::Status& status);

}  // namespace union_provider
