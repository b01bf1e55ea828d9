// names.h: the client_ids made from a `name_prefix`.
//
// A key's name becomes its client_id by union-client's rule
// (unionc::NormalizeKeyName, checked by unionc::ValidateKeyName):
//   unionc::NormalizeKeyName("CI Pipeline #1") == "ci-pipeline-1"
// so the plan can show the client_id before the key exists. A key with a
// `name_prefix` gets the normalised prefix followed by UniqueKeySuffix, made
// at create time.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "provider/framework/schema/validator.h"
#include "union/api_key.h"

namespace union_provider {

// The unique part of a client_id made from a `name_prefix`:
// "<yyyymmdd>t<hhmmss>-<10 of [a-z0-9]>" (UTC time of `now`, then random
// characters from the kernel's CSPRNG), e.g. "20261201t230512-k3j9x0p2qa".
// Sorts by creation second; 36^10 random values per second keep keys made
// in parallel pipelines apart. Internal error when no random bytes are
// available.
inline constexpr size_t kKeySuffixLength = 26;
[[nodiscard]] absl::StatusOr<std::string> UniqueKeySuffix(absl::Time now);

// OK when `prefix` can start a client_id: its normalisation has a letter or
// digit, and with a suffix it fits unionc::kMaxClientIdLength. InvalidArgument
// otherwise, with a message that can be shown to the user.
[[nodiscard]] absl::Status ValidateNamePrefix(std::string_view prefix);

// Declared validators (schema `validators`) for the key rules above, so
// ValidateResourceConfig reports them on their attribute:
// a `name` that unionc::ValidateKeyName refuses ("Invalid API key name"), and
// a `name_prefix` that ValidateNamePrefix refuses (`summary`, e.g. "Invalid
// API key name_prefix").
std::shared_ptr<const tf::Validator> KeyNameValidator();
std::shared_ptr<const tf::Validator> NamePrefixValidator(std::string summary);

}  // namespace union_provider
