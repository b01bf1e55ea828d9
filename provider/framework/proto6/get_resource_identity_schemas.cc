// GetResourceIdentitySchemas: empty; no resource advertises an identity.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::GetResourceIdentitySchemas(
    grpc::ServerContext*, const tfplugin6::GetResourceIdentitySchemas::Request*,
    tfplugin6::GetResourceIdentitySchemas::Response*) {
  LogRequest("GetResourceIdentitySchemas");
  return grpc::Status::OK;  // no resource advertises an identity
}

}  // namespace tf::proto6::internal
