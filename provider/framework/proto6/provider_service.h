// provider_service.h: the tfplugin6.Provider gRPC service for a Provider,
// as an opaque grpc::Service (no protobuf in this header).
//   std::unique_ptr<grpc::Service> service =
//       tf::proto6::NewProviderService(std::make_unique<MyProvider>());
//   tf::plugin::ServePlugin(options, service.get());
#pragma once

#include <memory>

#include "provider/framework/sdk/provider.h"

namespace grpc {
class Service;
}  // namespace grpc

namespace tf::proto6 {

std::unique_ptr<grpc::Service> NewProviderService(
    std::unique_ptr<Provider> provider);

}  // namespace tf::proto6
