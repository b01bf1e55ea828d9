// Error vocabulary of union-client: absl::Status with the most specific code
// and a message that says what the user can do. Never contains secrets.
//
//   absl::StatusOr<ApiKey> key = keys.Get("ci");
//   if (absl::IsNotFound(key.status())) { ... }  // "... check the client_id ..."
//
// Codes used: NotFound, AlreadyExists, InvalidArgument, Unauthenticated,
// PermissionDenied, Unavailable, DeadlineExceeded, ResourceExhausted,
// FailedPrecondition, Internal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace unionc {

// Exit code convention of `union-apikey`: 0 ok, 2 not found, 1 otherwise.
[[nodiscard]] int ExitCodeFor(const absl::Status& status);

// How many bytes of a user-supplied value an error message echoes.
inline constexpr size_t kMaxEchoedLength = 64;

// The one way to echo a user-supplied value (a name, client_id, URI, path)
// in an error message: short values unchanged; longer ones cut to
// `max_length` bytes (never inside a UTF-8 sequence) and marked
// "...(10000 bytes)". Control characters become '?', so a value cannot forge
// lines of output. Never pass a secret: secrets go through redact.h.
//
//   absl::StrCat("API key \"", TruncateForMessage(client_id), "\" ...")
[[nodiscard]] std::string TruncateForMessage(
    std::string_view value, size_t max_length = kMaxEchoedLength);

// A short lower-case name of the code ("not found", "unavailable", ...).
[[nodiscard]] std::string_view ErrorKindName(absl::StatusCode code);

// True when `status` says the request never reached the server: an
// UNAVAILABLE whose message carries gRPC's wording for a channel that never
// connected ("failed to connect", "connection refused", "dns resolution
// failed", "empty address list"). Nothing was sent, so nothing happened on
// the server and even a non-idempotent call (Create) is safe to retry. Any
// other failure of a Create is ambiguous: the key may exist now.
//
//   absl::StatusOr<CreatedKey> made = keys.Create(spec);
//   if (!made.ok() && !unionc::RequestNeverSent(made.status())) { /* check */ }
[[nodiscard]] bool RequestNeverSent(const absl::Status& status);

}  // namespace unionc
