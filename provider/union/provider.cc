// provider.cc: the union provider.
#include "provider/union/provider.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "union/credentials.h"
#include "provider/union/api_key_data_source.h"
#include "provider/union/api_key_resource.h"
#include "provider/union/api_keys_data_source.h"
#include "provider/union/client_log.h"
#include "provider/union/ephemeral_access_token.h"
#include "provider/union/ephemeral_api_key.h"
#include "provider/union/functions.h"
#include "provider/union/provider_data.h"
#include "provider/union/status_diagnostic.h"
#include "provider/union/union_backend.h"
#include "provider/union/union_token_minter.h"

namespace union_provider {

UnionProvider::UnionProvider(BackendFactory factory, EnvLookup env,
                             MinterFactory minter_factory)
    : factory_(std::move(factory)),
      env_(std::move(env)),
      minter_factory_(std::move(minter_factory)) {}

tf::Schema UnionProvider::GetSchema() const { return ProviderSchema(); }

void UnionProvider::ValidateConfig(const tf::Context&,
                                   const tf::ValidateConfigRequest& req,
                                   tf::ValidateConfigResponse& resp) {
  ValidateProviderConfig(req.config, resp.diagnostics);
}

void UnionProvider::Configure(const tf::Context&,
                              const tf::ConfigureProviderRequest& req,
                              tf::ConfigureProviderResponse& resp) {
  ProviderSettings settings =
      ResolveProviderSettings(req.config, env_, resp.diagnostics);
  if (resp.diagnostics.HasError()) return;
  std::vector<std::string> secrets = {settings.api_key, settings.access_token};
  // Decode first, so a malformed key is one error on api_key. (With an
  // access_token there is no key.)
  absl::StatusOr<unionc::ApiKeyCredentials> creds =
      settings.access_token.empty()
          ? unionc::ApiKeyCredentials::Decode(settings.api_key)
          : unionc::ApiKeyCredentials{};
  if (creds.ok()) secrets.push_back(creds->client_secret);
  if (!creds.ok()) {
    resp.diagnostics.AddAttributeError(
        tf::Path::Root("api_key"), "Invalid Union API key",
        absl::StrCat(
            "The API key from ",
            settings.api_key_source == "api_key"
                ? std::string("the provider's api_key attribute")
                : absl::StrCat("the environment variable ",
                               settings.api_key_source),
            " cannot be decoded: ",
            SafeMessage(creds.status(), {settings.api_key}),
            ".\n\nAn API key is the base64 encoding of "
            "\"endpoint:client_id:client_secret:organization\", as printed "
            "when the key was created. (The value is not shown.)"));
    return;
  }
  // The client's log lines (forwarded to hclog) must not show these either.
  RegisterClientLogSecrets({settings.api_key, creds->client_secret});
  absl::StatusOr<std::shared_ptr<ApiKeyBackend>> backend = factory_(settings);
  if (!backend.ok()) {
    std::optional<tf::Path> path;
    if (absl::IsInvalidArgument(backend.status()) &&
        !settings.ca_cert_file.empty()) {
      path = tf::Path::Root("ca_cert_file");
    }
    resp.diagnostics.Add(StatusToDiagnostic(
        backend.status(),
        {.operation = "configure the Union client",
         .path = path,
         .secrets = secrets}));
    return;
  }
  std::shared_ptr<AccessTokenMinter> minter;
  if (minter_factory_) {
    absl::StatusOr<std::shared_ptr<AccessTokenMinter>> m =
        minter_factory_(settings);
    if (!m.ok()) {
      resp.diagnostics.Add(StatusToDiagnostic(
          m.status(), {.operation = "configure the Union token minter",
                       .secrets = secrets}));
      return;
    }
    minter = *std::move(m);
  }
  resp.provider_data = std::make_shared<ProviderData>(
      ProviderData{std::move(*backend), std::move(minter)});
}

std::vector<std::function<std::unique_ptr<tf::Resource>()>>
UnionProvider::Resources() {
  return {[] { return std::make_unique<ApiKeyResource>(); }};
}

std::vector<std::function<std::unique_ptr<tf::DataSource>()>>
UnionProvider::DataSources() {
  return {[] { return std::make_unique<ApiKeyDataSource>(); },
          [] { return std::make_unique<ApiKeysDataSource>(); }};
}

std::vector<std::function<std::unique_ptr<tf::Function>()>>
UnionProvider::Functions() {
  return {[] { return std::make_unique<DecodeApiKeyFunction>(); },
          [] { return std::make_unique<EncodeApiKeyFunction>(); }};
}

std::vector<std::function<std::unique_ptr<tf::EphemeralResource>()>>
UnionProvider::EphemeralResources() {
  return {[] { return std::make_unique<EphemeralApiKey>(); },
          [] { return std::make_unique<EphemeralAccessToken>(); }};
}

std::unique_ptr<tf::Provider> NewProvider() {
  ForwardClientLogs();
  return std::make_unique<UnionProvider>(MakeUnionBackend, SystemEnv(),
                                         MakeUnionMinter);
}

}  // namespace union_provider
