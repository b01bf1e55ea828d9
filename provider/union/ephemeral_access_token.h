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

#include <string>

#include "absl/time/time.h"
#include "provider/framework/sdk/capabilities.h"
#include "provider/framework/sdk/ephemeral_resource.h"
#include "provider/union/provider_data.h"

namespace union_provider {

// When Terraform should renew a token issued at `now` that expires at
// `expires_at`: a tenth of its lifetime (at most a minute) before it
// expires, and never after now + lifetime.
[[nodiscard]] absl::Time RenewTime(absl::Time now, absl::Time expires_at);

class EphemeralAccessToken final : public tf::EphemeralResource,
                                   public WithMinter,
                                   public tf::WithEphemeralRenew {
 public:
  using WithMinter::WithMinter;

  std::string TypeName() const override { return "union_access_token"; }
  tf::Schema GetSchema() const override;

  void Open(const tf::Context& ctx, const tf::OpenEphemeralRequest& req,
            tf::OpenEphemeralResponse& resp) override;
  void Renew(const tf::Context& ctx, const tf::RenewEphemeralRequest& req,
             tf::RenewEphemeralResponse& resp) override;
};

}  // namespace union_provider
