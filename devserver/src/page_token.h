// Page tokens of AppsService.List: an opaque encoding of the last client_id
// seen (keyset pagination, so pages stay correct under inserts and deletes).
//
//   std::string token = EncodePageToken("key-099");
//   absl::StatusOr<std::string> after = DecodePageToken(token);  // "key-099"
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace devserver {

// The token resuming a listing after `last_client_id`.
[[nodiscard]] std::string EncodePageToken(absl::string_view last_client_id);

// The client_id a token resumes after; "" for an empty token.
// InvalidArgument (naming the field) when the token is not one of ours.
[[nodiscard]] absl::StatusOr<std::string> DecodePageToken(
    absl::string_view token);

}  // namespace devserver
