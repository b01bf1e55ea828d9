// controller_service.cc: GRPCController.Shutdown -> stop request.
#include "provider/framework/plugin/internal/controller_service.h"

#include "provider/framework/log/log.h"

namespace tf::plugin::internal {

::grpc::Status ControllerService::Shutdown(::grpc::ServerContext* /*context*/,
                                           const ::plugin::Empty* /*request*/,
                                           ::plugin::Empty* /*response*/) {
  tf::log::Debug("plugin shutdown requested by the host");
  stop_->Request(StopReason::kController);
  return ::grpc::Status::OK;
}

}  // namespace tf::plugin::internal
