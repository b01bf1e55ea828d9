// GetMetadata: the resource, data source, ephemeral resource and function
// names and the server capabilities, from the server's schemas.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::GetMetadata(
    grpc::ServerContext*, const tfplugin6::ProviderMetadata::Request*,
    tfplugin6::ProviderMetadata::Response* resp) {
  return Serve("GetMetadata", "", resp, [&](Diagnostics& diags) {
    server::GetProviderSchemaResponse s = server_.GetProviderSchema();
    SetCapabilities(resp->mutable_server_capabilities());
    for (const auto& [name, schema] : s.resources) {
      resp->add_resources()->set_type_name(name);
    }
    for (const auto& [name, schema] : s.data_sources) {
      resp->add_data_sources()->set_type_name(name);
    }
    for (const auto& [name, schema] : s.ephemeral_resources) {
      resp->add_ephemeral_resources()->set_type_name(name);
    }
    for (const auto& [name, def] : s.functions) {
      resp->add_functions()->set_name(name);
    }
    diags.Append(s.diagnostics);
  });
}

}  // namespace tf::proto6::internal
