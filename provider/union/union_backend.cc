// union_backend.cc: ApiKeyBackend over unionc::ApiKeys.
#include "provider/union/union_backend.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/time/time.h"
#include "union/api_key.h"
#include "union/client.h"
#include "union/config.h"

namespace union_provider {

namespace {

class UnionBackend final : public ApiKeyBackend {
 public:
  explicit UnionBackend(std::shared_ptr<unionc::Client> client)
      : keys_(std::move(client)) {}

  std::optional<std::string> ClientIdFor(
      const std::string& name) const override {
    if (unionc::IsServerlessEndpoint(keys_.client()->config().endpoint)) {
      return std::nullopt;  // "{tenant}-{userhandle}-{name}": server knows
    }
    return unionc::NormalizeKeyName(name);
  }

  std::string Organization() const override {
    return keys_.client()->config().org;
  }

  int MaxCreateAttempts() const override {
    return 1 + std::max(0, keys_.client()->config().max_retries);
  }

  absl::Duration CreateRetryDelay(int attempt) const override {
    // Attempt 2 is the first retry.
    return absl::FromChrono(
        unionc::RetryBackoff(keys_.client()->config(), attempt - 2));
  }

  absl::StatusOr<unionc::ApiKey> Create(
      const CreateKeyParams& params) override {
    unionc::CreateOptions options;
    options.skip_default_policy_assignments =
        params.skip_default_policy_assignments;
    if (!params.client_name.empty()) options.client_name = params.client_name;
    return keys_.Create(params.name, params.redirect_uris, options);
  }

  absl::StatusOr<unionc::ApiKey> Get(const std::string& client_id) override {
    return keys_.Get(client_id);
  }

  absl::StatusOr<unionc::ApiKey> Update(
      const UpdateKeyParams& params) override {
    unionc::UpdateOptions options;
    if (!params.client_name.empty()) options.client_name = params.client_name;
    if (!params.redirect_uris.empty()) {
      options.redirect_uris = params.redirect_uris;
    }
    return keys_.Update(params.client_id, options);
  }

  absl::Status Delete(const std::string& client_id) override {
    return keys_.Delete(client_id);
  }

  absl::StatusOr<std::vector<unionc::ApiKey>> List(
      int64_t limit, const std::string& client_id_prefix) override {
    // union-client sends the prefix as a server-side filter and applies it
    // again to what comes back, so `limit` counts matching keys.
    return keys_.ListAll(
        static_cast<uint32_t>(limit),
        unionc::ListFilter{.client_id_prefix = client_id_prefix});
  }

 private:
  unionc::ApiKeys keys_;
};

}  // namespace

unionc::ConfigInputs ClientInputs(const ProviderSettings& settings,
                                  bool credentials) {
  unionc::ConfigInputs in;
  if (credentials) {
    if (settings.access_token.empty()) {
      in.api_key = settings.api_key;
    } else {
      in.access_token = settings.access_token;  // used as is: no key
    }
  }
  if (!settings.endpoint.empty()) in.endpoint = settings.endpoint;
  if (!settings.organization.empty()) in.org = settings.organization;
  in.insecure = settings.insecure;
  if (!settings.ca_cert_file.empty()) in.ca_cert_file = settings.ca_cert_file;
  in.timeout = std::chrono::milliseconds(
      absl::ToInt64Milliseconds(settings.request_timeout));
  in.max_retries = settings.max_retries;
  return in;
}

absl::StatusOr<std::shared_ptr<unionc::Client>> MakeUnionClient(
    const unionc::ConfigInputs& in) {
  absl::StatusOr<unionc::ClientConfig> config = unionc::ResolveConfig(
      in, [](std::string_view) -> std::optional<std::string> {
        return std::nullopt;
      });
  if (!config.ok()) return config.status();
  return unionc::Client::Create(*std::move(config));
}

absl::StatusOr<std::shared_ptr<ApiKeyBackend>> MakeUnionBackend(
    const ProviderSettings& settings) {
  absl::StatusOr<std::shared_ptr<unionc::Client>> client =
      MakeUnionClient(ClientInputs(settings));
  if (!client.ok()) return client.status();
  return std::shared_ptr<ApiKeyBackend>(
      std::make_shared<UnionBackend>(*std::move(client)));
}

}  // namespace union_provider
