// capabilities.h: the one place that discovers which opt-in interfaces
// (sdk/capabilities.h) a resource, data source or provider implements.
//   Capabilities caps = DetectCapabilities(*resource);
//   if (caps.import_state == nullptr) { ... "Resource Import Not Implemented" }
#pragma once

#include "provider/framework/sdk/capabilities.h"
#include "provider/framework/sdk/data_source.h"
#include "provider/framework/sdk/ephemeral_resource.h"
#include "provider/framework/sdk/identity.h"
#include "provider/framework/sdk/provider.h"
#include "provider/framework/sdk/resource.h"

namespace tf::server {

// Non-owning views of the object as each capability; null when absent.
struct Capabilities {
  WithConfigure* configure = nullptr;
  WithValidateConfig* validate_config = nullptr;
  WithImportState* import_state = nullptr;
  WithModifyPlan* modify_plan = nullptr;
  WithIdentity* identity = nullptr;
  WithUpgradeIdentity* upgrade_identity = nullptr;
  WithEphemeralRenew* ephemeral_renew = nullptr;
  WithEphemeralClose* ephemeral_close = nullptr;
};

template <typename T>
Capabilities DetectCapabilities(T& object) {
  return Capabilities{
      .configure = dynamic_cast<WithConfigure*>(&object),
      .validate_config = dynamic_cast<WithValidateConfig*>(&object),
      .import_state = dynamic_cast<WithImportState*>(&object),
      .modify_plan = dynamic_cast<WithModifyPlan*>(&object),
      .identity = dynamic_cast<WithIdentity*>(&object),
      .upgrade_identity = dynamic_cast<WithUpgradeIdentity*>(&object),
      .ephemeral_renew = dynamic_cast<WithEphemeralRenew*>(&object),
      .ephemeral_close = dynamic_cast<WithEphemeralClose*>(&object),
  };
}

}  // namespace tf::server
