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

}  // namespace unionc::client_internal
