// Minting an OAuth2 access token for some credentials, for callers that
// hand a token to something else (e.g. a provider's ephemeral resource).
//
//   absl::StatusOr<AccessToken> token = MintAccessToken(*client);
//   // token->access_token is sensitive: never log it.
//
// Both forms go through the client's TokenSource (discovery, then the
// client-credentials grant), so the token is the one the client's own calls
// use and is cached only in that process-wide in-memory cache; nothing is
// logged but its expiry.
#pragma once

#include <chrono>
#include <string_view>

#include "absl/status/statusor.h"
#include "union/client.h"
#include "union/config.h"
#include "union/token_source.h"

namespace unionc {

// A valid access token of `client`'s credentials (fetched or refreshed when
// due). With a configuration that carries an access token, that token
// (expires_at = absl::InfiniteFuture(), since its expiry is unknown).
// Errors as for TokenSource::Token; bounded by the client's timeout.
[[nodiscard]] absl::StatusOr<AccessToken> MintAccessToken(const Client& client);

// The same for an encoded API key (decode, discovery, client-credentials
// grant): `options` supplies everything but the key (endpoint, insecure,
// ca_cert_file, timeout...; its api_key and access_token must be unset).
// InvalidArgument for a malformed key, as ResolveConfig.
[[nodiscard]] absl::StatusOr<AccessToken> MintAccessToken(
    std::string_view api_key, const ConfigInputs& options = {},
    const EnvLookup& env = SystemEnv);

}  // namespace unionc
