// GetProviderSchema: convert, call server::ProviderServer::GetProviderSchema,
// convert back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"
#include "provider/framework/proto6/schema.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::GetProviderSchema(
    grpc::ServerContext*, const tfplugin6::GetProviderSchema::Request*,
    tfplugin6::GetProviderSchema::Response* resp) {
  return Serve("GetProviderSchema", "", resp, [&](Diagnostics& diags) {
    server::GetProviderSchemaResponse s = server_.GetProviderSchema();
    SchemaToProto(s.provider, resp->mutable_provider());  // non-null if empty
    for (const auto& [name, schema] : s.resources) {
      SchemaToProto(schema, &(*resp->mutable_resource_schemas())[name]);
    }
    for (const auto& [name, schema] : s.data_sources) {
      SchemaToProto(schema, &(*resp->mutable_data_source_schemas())[name]);
    }
    for (const auto& [name, schema] : s.ephemeral_resources) {
      SchemaToProto(schema,
                    &(*resp->mutable_ephemeral_resource_schemas())[name]);
    }
    for (const auto& [name, def] : s.functions) {
      FunctionToProto(def, &(*resp->mutable_functions())[name]);
    }
    SetCapabilities(resp->mutable_server_capabilities());
    diags.Append(s.diagnostics);
  });
}

}  // namespace tf::proto6::internal
