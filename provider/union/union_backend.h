// union_backend.h: the production ApiKeyBackend, on union-client.
//
//   absl::StatusOr<std::shared_ptr<ApiKeyBackend>> b = MakeUnionBackend(s);
// Builds one unionc::Client (one gRPC channel, one token cache) from the
// resolved provider settings. The client connects lazily, so an unreachable
// endpoint surfaces on the first call, within request_timeout per attempt.
#pragma once

#include <memory>

#include "absl/status/statusor.h"
#include "provider/union/api_key_backend.h"
#include "provider/union/provider_config.h"

namespace unionc {
struct ConfigInputs;
class Client;
}  // namespace unionc

namespace union_provider {

// union-client's configuration inputs for the resolved provider settings:
// endpoint, organization, TLS, timeout and retries, and, when `credentials`,
// the access token if one is set, else the API key.
[[nodiscard]] unionc::ConfigInputs ClientInputs(const ProviderSettings& settings,
                                                bool credentials = true);

// Resolves `in` without reading the environment: the provider has already
// applied its own precedence of attributes over environment variables.
[[nodiscard]] absl::StatusOr<std::shared_ptr<unionc::Client>> MakeUnionClient(
    const unionc::ConfigInputs& in);

// InvalidArgument when the key cannot be decoded or the CA file is unreadable.
[[nodiscard]] absl::StatusOr<std::shared_ptr<ApiKeyBackend>> MakeUnionBackend(
    const ProviderSettings& settings);

}  // namespace union_provider
