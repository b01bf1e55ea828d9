// NewProviderService: the tfplugin6.Provider service for a Provider. The
// RPCs live in files named after them (plan_resource_change.cc, ...).
#include "provider/framework/proto6/provider_service.h"

#include <utility>

#include "provider/framework/proto6/internal/provider_service.h"

namespace tf::proto6 {

std::unique_ptr<grpc::Service> NewProviderService(
    std::unique_ptr<Provider> provider) {
  return std::make_unique<internal::ProviderService>(std::move(provider));
}

}  // namespace tf::proto6
