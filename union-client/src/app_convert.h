// Internal: the one place where cloudidl.identity.App meets the ApiKey model.
#pragma once

#include <string>

#include "cloudidl/identity/app_definition.pb.h"
#include "union/api_key.h"

namespace unionc::client_internal {

// The key as the model sees it; `org` is used when the App has none.
// The secret is copied only when present in the App (Create responses).
[[nodiscard]] ApiKey ApiKeyFromApp(const cloudidl::identity::App& app,
                                   const std::string& org);

// "2024-05-01T12:00:00Z".
[[nodiscard]] std::string FormatRfc3339(int64_t unix_seconds);

}  // namespace unionc::client_internal
