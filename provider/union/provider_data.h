// provider_data.h: what ConfigureProvider hands every resource and data
// source: the one ApiKeyBackend (and so the one union-client Client, its
// channel and token cache) shared by all of them.
//
//   void Configure(const std::any& data, tf::Diagnostics& d) override {
//     backend_ = BackendFromProviderData(data, d);
//   }
#pragma once

#include <any>
#include <memory>

#include "provider/framework/diag/diagnostics.h"
#include "provider/union/access_token_minter.h"
#include "provider/union/api_key_backend.h"

namespace union_provider {

// The value stored in ConfigureProviderResponse::provider_data.
struct ProviderData {
  std::shared_ptr<ApiKeyBackend> backend{};
  // Mints access tokens for the ephemeral union_access_token.
  std::shared_ptr<AccessTokenMinter> minter{};
};

// The backend inside `data`; null (with an error) when `data` holds
// something else. An empty `data` (provider not configured) gives null and no
// error: the framework skips Configure then, and handlers check for null.
inline std::shared_ptr<ApiKeyBackend> BackendFromProviderData(
    const std::any& data, tf::Diagnostics& diags) {
  if (!data.has_value()) return nullptr;
  if (const auto* p = std::any_cast<std::shared_ptr<ProviderData>>(&data)) {
    if (*p) return (*p)->backend;
  }
  diags.AddError("Unexpected provider data",
                 "The union provider received configuration data of an "
                 "unexpected type. This is a bug in the provider.");
  return nullptr;
}

// The token minter inside `data`, like BackendFromProviderData.
inline std::shared_ptr<AccessTokenMinter> MinterFromProviderData(
    const std::any& data, tf::Diagnostics& diags) {
  if (!data.has_value()) return nullptr;
  if (const auto* p = std::any_cast<std::shared_ptr<ProviderData>>(&data)) {
    if (*p) return (*p)->minter;
  }
  diags.AddError("Unexpected provider data",
                 "The union provider received configuration data of an "
                 "unexpected type. This is a bug in the provider.");
  return nullptr;
}

// The error a handler records when it runs without a configured provider.
inline void AddNotConfiguredError(tf::Diagnostics& diags) {
  diags.AddError("Union provider not configured",
                 "The union provider was not configured before use. This "
                 "is a bug in the provider or in Terraform.");
}

}  // namespace union_provider
