// provider_data.h: what ConfigureProvider hands every resource and data
// source: the one ApiKeyBackend (and so the one union-client Client, its
// channel and token cache) shared by all of them.
//
//   class ApiKeysDataSource final : public tf::DataSource, public WithBackend
//   ... configured_->List(...)
#pragma once

#include <any>
#include <memory>
#include <type_traits>
#include <utility>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/sdk/capabilities.h"
#include "provider/union/access_token_minter.h"
#include "provider/union/api_key_backend.h"

namespace union_provider {

// The value stored in ConfigureProviderResponse::provider_data.
struct ProviderData {
  std::shared_ptr<ApiKeyBackend> backend{};
  // Mints access tokens for the ephemeral union_access_token.
  std::shared_ptr<AccessTokenMinter> minter{};
};

// The member `Field` of the ProviderData inside `data`; null (with an error)
// when `data` holds something else. An empty `data` (provider not
// configured) gives null and no error: the framework skips Configure then,
// and handlers check for null.
template <auto Field>
auto FromProviderData(const std::any& data, tf::Diagnostics& diags)
    -> std::remove_cvref_t<decltype(ProviderData{}.*Field)> {
  if (!data.has_value()) return nullptr;
  if (const auto* p = std::any_cast<std::shared_ptr<ProviderData>>(&data)) {
    if (*p) return (**p).*Field;
  }
  diags.AddError("Unexpected provider data",
                 "The union provider received configuration data of an "
                 "unexpected type. This is a bug in the provider.");
  return nullptr;
}

// The Configure every union type shares: it keeps the ProviderData member
// `Field` (the backend or the token minter) as `configured_`. Construct with
// a value to get a type already configured (tests).
//   class ApiKeyDataSource final : public tf::DataSource,
//                                  public ConfiguredWith<&ProviderData::backend>
template <auto Field>
class ConfiguredWith : public tf::WithConfigure {
 public:
  using Configured = std::remove_cvref_t<decltype(ProviderData{}.*Field)>;

  ConfiguredWith() = default;
  explicit ConfiguredWith(Configured configured)
      : configured_(std::move(configured)) {}

  void Configure(const std::any& provider_data,
                 tf::Diagnostics& diags) final {
    configured_ = FromProviderData<Field>(provider_data, diags);
  }

 protected:
  Configured configured_;
};

using WithBackend = ConfiguredWith<&ProviderData::backend>;
using WithMinter = ConfiguredWith<&ProviderData::minter>;

// The error a handler records when it runs without a configured provider.
inline void AddNotConfiguredError(tf::Diagnostics& diags) {
  diags.AddError("Union provider not configured",
                 "The union provider was not configured before use. This "
                 "is a bug in the provider or in Terraform.");
}

}  // namespace union_provider
