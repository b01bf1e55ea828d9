// capabilities.h: the opt-in interfaces a Resource, DataSource or Provider
// may also implement. The server layer discovers them with dynamic_cast
// (server/capabilities.h), so an author only inherits what is needed:
//   class Thing final : public Resource, public WithImportState,
//                       public WithConfigure { ... };
// Why mixins rather than default virtual methods: the schema of what a type
// supports is visible in its class declaration, and the server can tell
// "not implemented" (e.g. import) apart from "implemented, did nothing".
#pragma once

#include <any>
#include <string>
#include <vector>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/sdk/context.h"
#include "provider/framework/types/path.h"
#include "provider/framework/types/value.h"

namespace tf {

// Receives the provider's data (ConfigureProviderResponse::provider_data)
// before each operation; skipped while the provider is not configured
// (e.g. during `terraform validate`).
class WithConfigure {
 public:
  virtual ~WithConfigure() = default;
  virtual void Configure(const std::any& provider_data, Diagnostics&) = 0;
};

struct ValidateConfigRequest {
  Value config{};  // may contain unknowns anywhere
};
struct ValidateConfigResponse {
  Diagnostics diagnostics{};
};
// Whole-config validation, after the attribute validators.
class WithValidateConfig {
 public:
  virtual ~WithValidateConfig() = default;
  virtual void ValidateConfig(const Context&, const ValidateConfigRequest&,
                              ValidateConfigResponse&) = 0;
};

struct ImportStateRequest {
  // What the user passed to `terraform import` / import { id = ... }; empty
  // when importing by identity.
  std::string id{};
  // Import by identity (import { identity = {...} }, resources with
  // WithIdentity only): the identity object, every required_for_import
  // attribute non-null. Null when importing by id.
  Value identity{};
};
struct ImportStateResponse {
  Value state{};  // pre-filled: object of all-null attributes
  std::string private_data{};
  Diagnostics diagnostics{};
  // WithIdentity only: pre-filled with the request's identity (null when
  // importing by id); may be left null for Read to set.
  Value identity{};
};
// `terraform import`: fill enough of the state for Read to find the object.
class WithImportState {
 public:
  virtual ~WithImportState() = default;
  virtual void ImportState(const Context&, const ImportStateRequest&,
                           ImportStateResponse&) = 0;
};
// The usual ImportState body: sets the string attribute at `attribute` to
// the import id.
void ImportStatePassthroughID(const Path& attribute,
                              const ImportStateRequest& req,
                              ImportStateResponse& resp);
// The same for a resource with an identity: by id, sets `state_attribute`
// to the id; by identity, copies the identity's top-level
// `identity_attribute` (which must be a string) into `state_attribute`.
void ImportStatePassthroughWithIdentity(const Path& state_attribute,
                                        const std::string& identity_attribute,
                                        const ImportStateRequest& req,
                                        ImportStateResponse& resp);

struct ModifyPlanRequest {
  Value config{};
  Value state{};  // null on create
  Value plan{};   // null on destroy
};
struct ModifyPlanResponse {
  Value plan{};  // pre-filled with the plan after attribute modifiers
  std::vector<Path> requires_replace{};
  Diagnostics diagnostics{};
};
// Resource-level plan changes, after the attribute plan modifiers. Also
// called on destroy (plan null), where the plan must stay null.
class WithModifyPlan {
 public:
  virtual ~WithModifyPlan() = default;
  virtual void ModifyPlan(const Context&, const ModifyPlanRequest&,
                          ModifyPlanResponse&) = 0;
};

}  // namespace tf
