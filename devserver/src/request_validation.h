// Validation of AppsService requests, answering INVALID_ARGUMENT the way Union
// does: the message names the field, e.g. "client_name: must be at least 1
// character".
//
//   if (absl::Status s = ValidateCreate(request); !s.ok()) return s;
//
// Rules (devserver's choice where Union's are unknown):
//   client_id    1..128 bytes of [a-z0-9._-] on Create (Get/Update/Delete only
//                require 1..255 bytes, so a foreign id reads as NOT_FOUND)
//   client_name  1..1024 bytes on Create; on Update empty means "keep"
//   organization at most 255 bytes
//   redirect_uris, contacts  at most 64 entries, each 1..2048 bytes;
//                redirect URIs absolute (RFC 3986 scheme ":" rest), no spaces
//                or control characters, not javascript:, data: or file:
//                (case-insensitive); the message names the entry's index and
//                quotes it cut to 64 bytes
//   logo/client/policy/tos/jwks uri  at most 2048 bytes
//   response_types, grant_types  at most 16 entries of known enum values;
//   application_type, token_endpoint_auth_method, consent_method known values
#pragma once

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "cloudidl/identity/app_payload.pb.h"

namespace devserver {

inline constexpr std::size_t kMaxClientIdBytes = 128;
inline constexpr std::size_t kMaxLookupIdBytes = 255;
inline constexpr std::size_t kMaxClientNameBytes = 1024;
inline constexpr std::size_t kMaxOrganizationBytes = 255;
inline constexpr std::size_t kMaxListEntries = 64;
inline constexpr std::size_t kMaxUriBytes = 2048;
inline constexpr std::size_t kMaxEnumEntries = 16;

[[nodiscard]] absl::Status ValidateCreate(
    const cloudidl::identity::CreateAppRequest& r);
[[nodiscard]] absl::Status ValidateUpdate(
    const cloudidl::identity::UpdateAppRequest& r);

// Organization and client_id of Get and Delete.
[[nodiscard]] absl::Status ValidateLookup(absl::string_view organization,
                                          absl::string_view client_id);

// Organization of List.
[[nodiscard]] absl::Status ValidateOrganization(absl::string_view organization);

}  // namespace devserver
