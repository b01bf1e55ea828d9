// union_token_minter.cc: AccessTokenMinter over unionc::MintAccessToken.
#include "provider/union/union_token_minter.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "provider/union/union_backend.h"
#include "union/access_token.h"
#include "union/client.h"
#include "union/config.h"

namespace union_provider {
namespace {

// The provider already applied its precedence: no second look at the
// environment.
std::optional<std::string> NoEnv(std::string_view) { return std::nullopt; }

AccessToken FromUnion(unionc::AccessToken t) {
  return AccessToken{.access_token = std::move(t.access_token),
                     .token_type = std::move(t.token_type),
                     .expires_at = t.expires_at};
}

class UnionTokenMinter final : public AccessTokenMinter {
 public:
  // `client` is null when the provider has no API key of its own.
  UnionTokenMinter(std::shared_ptr<unionc::Client> client,
                   unionc::ConfigInputs connection)
      : client_(std::move(client)), connection_(std::move(connection)) {}

  absl::StatusOr<AccessToken> Mint(const std::string& api_key) override {
    if (api_key.empty()) {
      if (!client_) {
        return absl::FailedPreconditionError(
            "the provider is configured with an access_token, not an API "
            "key");
      }
      absl::StatusOr<unionc::AccessToken> t = unionc::MintAccessToken(*client_);
      if (!t.ok()) return t.status();
      return FromUnion(*std::move(t));
    }
    absl::StatusOr<unionc::AccessToken> t =
        unionc::MintAccessToken(api_key, connection_, NoEnv);
    if (!t.ok()) return t.status();
    return FromUnion(*std::move(t));
  }

 private:
  std::shared_ptr<unionc::Client> client_;
  unionc::ConfigInputs connection_;
};

}  // namespace

absl::StatusOr<std::shared_ptr<AccessTokenMinter>> MakeUnionMinter(
    const ProviderSettings& settings) {
  unionc::ConfigInputs connection =
      ClientInputs(settings, /*credentials=*/false);
  std::shared_ptr<unionc::Client> client;
  if (settings.access_token.empty()) {
    // A client of its own (channel and token cache), configured like the
    // backend's.
    absl::StatusOr<std::shared_ptr<unionc::Client>> c =
        MakeUnionClient(ClientInputs(settings));
    if (!c.ok()) return c.status();
    client = *std::move(c);
  }
  return std::shared_ptr<AccessTokenMinter>(
      std::make_shared<UnionTokenMinter>(std::move(client),
                                         std::move(connection)));
}

}  // namespace union_provider
