// names.h: how an API key's name becomes its client_id, and what a valid
// client_id is.
//
// The reference SDK (flyteplugins-union ApiKey.create) lower-cases the name and
// turns every run of characters outside [0-9a-zA-Z] into one '-':
//   NormaliseKeyName("CI Pipeline #1") == "ci-pipeline-1"
//   NormaliseKeyName("Deploy!")        == "deploy-"
// The provider derives client_id from `name` the same way, so the plan can
// show the client_id before the key exists.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace union_provider {

// The longest client_id the provider accepts.
inline constexpr size_t kMaxClientIdLength = 128;

// Lower-cases `name` and replaces each run of characters outside
// [0-9a-zA-Z] (non-ASCII bytes included) with a single '-'.
[[nodiscard]] std::string NormaliseKeyName(std::string_view name);

// OK when `client_id` is usable: 1..kMaxClientIdLength characters of
// [0-9a-z-] with at least one letter or digit. InvalidArgument otherwise,
// with a message that can be shown to the user (it names the client_id,
// which is not a secret).
[[nodiscard]] absl::Status ValidateClientId(std::string_view client_id);

}  // namespace union_provider
