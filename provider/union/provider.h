// provider.h: the `union` provider: its configuration, and the list of its
// resources, data sources, functions and ephemeral resources.
//
//   return tf::Serve(argc, argv, union_provider::NewProvider,
//                    {.address = ..., .version = ...});
// Configure resolves the provider block against the environment
// (provider_config.h), builds one ApiKeyBackend on union-client, and hands it
// to every resource and data source as provider data.
#pragma once

#include <functional>
#include <memory>

#include "absl/status/statusor.h"
#include "provider/framework/sdk/provider.h"
#include "provider/union/access_token_minter.h"
#include "provider/union/api_key_backend.h"
#include "provider/union/provider_config.h"

namespace union_provider {

// Builds the backend from resolved settings. InvalidArgument means the API
// key could not be decoded.
using BackendFactory =
    std::function<absl::StatusOr<std::shared_ptr<ApiKeyBackend>>(
        const ProviderSettings&)>;

// Builds the access-token minter (ephemeral union_access_token) from
// resolved settings.
using MinterFactory =
    std::function<absl::StatusOr<std::shared_ptr<AccessTokenMinter>>(
        const ProviderSettings&)>;

class UnionProvider final : public tf::Provider,
                            public tf::WithValidateConfig,
                            public tf::WithFunctions,
                            public tf::WithEphemeralResources {
 public:
  // `factory` and `env` are injectable for tests.
  // Without `minter_factory`, union_access_token reports that the provider
  // cannot mint tokens.
  UnionProvider(BackendFactory factory, EnvLookup env,
                MinterFactory minter_factory = nullptr);

  std::string TypeName() const override { return "union"; }
  tf::Schema GetSchema() const override;
  void ValidateConfig(const tf::Context& ctx,
                      const tf::ValidateConfigRequest& req,
                      tf::ValidateConfigResponse& resp) override;
  void Configure(const tf::Context& ctx,
                 const tf::ConfigureProviderRequest& req,
                 tf::ConfigureProviderResponse& resp) override;
  std::vector<std::function<std::unique_ptr<tf::Resource>()>> Resources()
      override;
  std::vector<std::function<std::unique_ptr<tf::DataSource>()>> DataSources()
      override;
  std::vector<std::function<std::unique_ptr<tf::Function>()>> Functions()
      override;
  std::vector<std::function<std::unique_ptr<tf::EphemeralResource>()>>
  EphemeralResources() override;

 private:
  BackendFactory factory_;
  EnvLookup env_;
  MinterFactory minter_factory_;
};

// The production provider: union-client backend, process environment.
std::unique_ptr<tf::Provider> NewProvider();

}  // namespace union_provider
