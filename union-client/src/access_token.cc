// MintAccessToken: the client's token source, exposed.
#include "union/access_token.h"

#include <string>

#include "absl/status/status.h"
#include "connection.h"

namespace unionc {

absl::StatusOr<AccessToken> MintAccessToken(const Client& client) {
  const Deadline deadline =
      std::chrono::steady_clock::now() + client.config().timeout;
  return client.connection().tokens().Current(deadline);
}

absl::StatusOr<AccessToken> MintAccessToken(std::string_view api_key,
                                            const ConfigInputs& options,
                                            const EnvLookup& env) {
  if (options.access_token || options.api_key) {
    return absl::InvalidArgumentError(
        "MintAccessToken takes the API key as its own argument; leave "
        "api_key and access_token unset in the options");
  }
  if (api_key.empty()) {
    return absl::InvalidArgumentError(
        "the API key is empty; give the value exported as UNION_API_KEY");
  }
  ConfigInputs inputs = options;
  inputs.api_key = std::string(api_key);
  absl::StatusOr<ClientConfig> config = ResolveConfig(inputs, env);
  if (!config.ok()) return config.status();
  absl::StatusOr<std::shared_ptr<Client>> client =
      Client::Create(*std::move(config));
  if (!client.ok()) return client.status();
  return MintAccessToken(**client);
}

}  // namespace unionc
