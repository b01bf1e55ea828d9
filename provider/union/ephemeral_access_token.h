// ephemeral_access_token.h: ephemeral "union_access_token": an OAuth2
// access token minted for one Terraform run, never stored.
//
//   ephemeral "union_access_token" "t" {}
//   provider "union" {
//     alias        = "t"
//     access_token = ephemeral.union_access_token.t.access_token
//   }
// Open mints a token from the provider's API key (or from `api_key` when
// given) and asks Terraform to renew before it expires; Renew mints a fresh
// one. Nothing is revoked at Close: the token expires on its own. See
// docs/ephemeral-resources/access_token.md.
#pragma once

#include <any>
#include <chrono>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "provider/framework/sdk/capabilities.h"
#include "provider/framework/sdk/ephemeral_resource.h"
#include "provider/union/access_token_minter.h"

namespace union_provider {

// When Terraform should renew a token issued at `now` that expires at
// `expires_at`: a tenth of its lifetime (at most a minute) before it
// expires, and never after now + lifetime.
[[nodiscard]] absl::Time RenewTime(absl::Time now, absl::Time expires_at);

class EphemeralAccessToken final : public tf::EphemeralResource,
                                   public tf::WithConfigure,
                                   public tf::WithValidateConfig,
                                   public tf::WithEphemeralRenew {
 public:
  EphemeralAccessToken() = default;
  // For tests: already configured with `minter`.
  explicit EphemeralAccessToken(std::shared_ptr<AccessTokenMinter> minter)
      : minter_(std::move(minter)) {}

  std::string TypeName() const override { return "union_access_token"; }
  tf::Schema GetSchema() const override;

  void Configure(const std::any& provider_data,
                 tf::Diagnostics& diags) override;
  void ValidateConfig(const tf::Context& ctx,
                      const tf::ValidateConfigRequest& req,
                      tf::ValidateConfigResponse& resp) override;
  void Open(const tf::Context& ctx, const tf::OpenEphemeralRequest& req,
            tf::OpenEphemeralResponse& resp) override;
  void Renew(const tf::Context& ctx, const tf::RenewEphemeralRequest& req,
             tf::RenewEphemeralResponse& resp) override;

 private:
  std::shared_ptr<AccessTokenMinter> minter_;
};

}  // namespace union_provider
