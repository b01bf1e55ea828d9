// controller_service.h: go-plugin's plugin.GRPCController.
//
// The CLI calls Shutdown when it is done with the provider; without this
// service it waits about two seconds and then kills the process. The handler
// only requests the stop: the serving thread tears the server down after the
// reply has been sent.
#pragma once

#include "grpc_controller.grpc.pb.h"
#include "provider/framework/plugin/internal/stop_signal.h"

namespace tf::plugin::internal {

class ControllerService final : public ::plugin::GRPCController::Service {
 public:
  explicit ControllerService(StopSignal* stop) : stop_(stop) {}

  ::grpc::Status Shutdown(::grpc::ServerContext* context,
                          const ::plugin::Empty* request,
                          ::plugin::Empty* response) override;

 private:
  StopSignal* stop_;  // not owned; outlives the server
};

}  // namespace tf::plugin::internal
