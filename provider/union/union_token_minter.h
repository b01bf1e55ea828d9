// union_token_minter.h: the production AccessTokenMinter, on union-client.
//
//   absl::StatusOr<std::shared_ptr<AccessTokenMinter>> m = MakeUnionMinter(s);
// Mint("") mints from the provider's API key through the provider's
// union-client Client (so it shares its token cache); Mint(key) mints from
// another key with the provider's endpoint and TLS settings.
#pragma once

#include <memory>

#include "absl/status/statusor.h"
#include "provider/union/access_token_minter.h"
#include "provider/union/provider_config.h"

namespace union_provider {

[[nodiscard]] absl::StatusOr<std::shared_ptr<AccessTokenMinter>>
MakeUnionMinter(const ProviderSettings& settings);

}  // namespace union_provider
