// ConfigureProvider: convert, call server::ProviderServer::ConfigureProvider,
// convert back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ConfigureProvider(
    grpc::ServerContext*, const tfplugin6::ConfigureProvider::Request* req,
    tfplugin6::ConfigureProvider::Response* resp) {
  return Serve("ConfigureProvider", "", resp, [&](Diagnostics& diags) {
    server::ConfigureProviderRequest sreq{.terraform_version =
                                              req->terraform_version()};
    if (Decode(req->config(), server_.ProviderType(), "provider configuration",
               sreq.config, diags)) {
      diags.Append(server_.ConfigureProvider(sreq).diagnostics);
    }
  });
}

}  // namespace tf::proto6::internal
