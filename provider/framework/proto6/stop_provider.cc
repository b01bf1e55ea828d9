// StopProvider: sets the stop flag every Context reports (Context::Stopped).
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::StopProvider(
    grpc::ServerContext*, const tfplugin6::StopProvider::Request*,
    tfplugin6::StopProvider::Response*) {
  LogRequest("StopProvider");
  server_.StopProvider();
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
