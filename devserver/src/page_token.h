// Page tokens of AppsService.List: an opaque encoding of the last client_id
// seen (keyset pagination, so pages stay correct under inserts and deletes),
// bound to the listing it came from.
//
//   const std::string listing = ListingKey(org, filter.canonical());
//   std::string token = EncodePageToken(listing, "key-099");
//   absl::StatusOr<std::string> after = DecodePageToken(token, listing);
//
// The listing (organization and filters) is part of the token as a digest,
// so a token handed back with other filters or for another organization is
// refused (InvalidArgument) instead of silently resuming a different list.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace devserver {

// What a listing is over: its organization and its filters' canonical text.
[[nodiscard]] std::string ListingKey(absl::string_view organization,
                                     absl::string_view canonical_filters);

// The token resuming `listing` after `last_client_id`.
[[nodiscard]] std::string EncodePageToken(absl::string_view listing,
                                          absl::string_view last_client_id);

// The client_id a token resumes after; "" for an empty token.
// InvalidArgument (naming the field) when the token is not one of ours or
// belongs to another listing.
[[nodiscard]] absl::StatusOr<std::string> DecodePageToken(
    absl::string_view token, absl::string_view listing);

}  // namespace devserver
