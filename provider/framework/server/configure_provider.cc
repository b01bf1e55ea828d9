// ConfigureProvider: calls Provider::Configure (serialised; it may arrive
// more than once in debug mode) and keeps its provider_data for the
// resources and data sources made afterwards.
#include "provider/framework/server/provider_server.h"

namespace tf::server {

ConfigureProviderResponse ProviderServer::ConfigureProvider(
    const ConfigureProviderRequest& req) {
  ConfigureProviderResponse resp;
  absl::MutexLock configure_lock(&configure_mu_);
  tf::ConfigureProviderResponse presp;
  provider_->Configure(MakeContext(), req, presp);
  resp.diagnostics.Append(presp.diagnostics);
  if (presp.diagnostics.HasError()) return resp;
  absl::MutexLock lock(&data_mu_);
  provider_data_ = std::move(presp.provider_data);
  return resp;
}

}  // namespace tf::server
