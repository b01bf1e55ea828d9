// names.h: how an API key's name becomes its client_id, and what a valid
// client_id is.
//
// The reference SDK (flyteplugins-union ApiKey.create) lower-cases the name and
// turns every run of characters outside [0-9a-zA-Z] into one '-':
//   NormaliseKeyName("CI Pipeline #1") == "ci-pipeline-1"
//   NormaliseKeyName("Deploy!")        == "deploy-"
// The provider derives client_id from `name` the same way, so the plan can
// show the client_id before the key exists. A key with a `name_prefix` gets
// the normalised prefix followed by UniqueKeySuffix, made at create time.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "union/api_key.h"

namespace union_provider {

// The longest client_id the provider accepts: union-client's limit.
inline constexpr size_t kMaxClientIdLength = unionc::kMaxClientIdLength;

// Lower-cases `name` and replaces each run of characters outside
// [0-9a-zA-Z] (non-ASCII bytes included) with a single '-': union-client's
// NormalizeKeyName, the one implementation of the rule.
[[nodiscard]] std::string NormaliseKeyName(std::string_view name);

// OK when `client_id` is usable: 1..kMaxClientIdLength characters of
// [0-9a-z-] with at least one letter or digit. InvalidArgument otherwise,
// with a message that can be shown to the user (it names the client_id,
// which is not a secret).
[[nodiscard]] absl::Status ValidateClientId(std::string_view client_id);

// The unique part of a client_id made from a `name_prefix`:
// "<yyyymmdd>t<hhmmss>-<10 of [a-z0-9]>" (UTC time of `now`, then random
// characters from the kernel's CSPRNG), e.g. "20261201t230512-k3j9x0p2qa".
// Sorts by creation second; 36^10 random values per second keep keys made
// in parallel pipelines apart. Internal error when no random bytes are
// available.
inline constexpr size_t kKeySuffixLength = 26;
[[nodiscard]] absl::StatusOr<std::string> UniqueKeySuffix(absl::Time now);

// OK when `prefix` can start a client_id: its normalisation has a letter or
// digit, and with a suffix it fits kMaxClientIdLength. InvalidArgument
// otherwise, with a message that can be shown to the user.
[[nodiscard]] absl::Status ValidateNamePrefix(std::string_view prefix);

}  // namespace union_provider
