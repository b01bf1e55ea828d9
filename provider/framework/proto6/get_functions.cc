// GetFunctions: convert, call server::ProviderServer::GetFunctions, convert
// back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"
#include "provider/framework/proto6/schema.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::GetFunctions(
    grpc::ServerContext*, const tfplugin6::GetFunctions::Request*,
    tfplugin6::GetFunctions::Response* resp) {
  return Serve("GetFunctions", "", resp, [&](Diagnostics& diags) {
    server::GetFunctionsResponse s = server_.GetFunctions();
    for (const auto& [name, def] : s.functions) {
      FunctionToProto(def, &(*resp->mutable_functions())[name]);
    }
    diags.Append(s.diagnostics);
  });
}

}  // namespace tf::proto6::internal
