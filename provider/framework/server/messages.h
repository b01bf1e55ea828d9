// messages.h: the protocol-free request/response pair of every RPC the
// server layer answers. proto6/ converts tfplugin6 messages to and from
// these (decoding DynamicValues with the schema the server holds); tests
// drive ProviderServer with them directly.
//   server::PlanResourceChangeRequest req{.type_name = "tftest_thing",
//       .prior_state = prior, .proposed_new_state = proposed, .config = cfg};
//   server::PlanResourceChangeResponse resp = srv.PlanResourceChange(req);
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/sdk/ephemeral_resource.h"
#include "provider/framework/sdk/function.h"
#include "provider/framework/sdk/identity.h"
#include "provider/framework/sdk/provider.h"
#include "provider/framework/types/path.h"
#include "provider/framework/types/value.h"

namespace tf::server {

// The shapes several RPCs share; each RPC keeps its own name below.
// The answer of an RPC that answers only diagnostics.
struct DiagnosticsResponse {
  Diagnostics diagnostics{};
};
// A request about one type that carries its configuration.
struct TypeConfigRequest {
  std::string type_name{};
  Value config{};
};
// A request about one open ephemeral resource: its type and private data.
struct TypePrivateDataRequest {
  std::string type_name{};
  std::string private_data{};
};

struct GetProviderSchemaResponse {
  Schema provider{};
  std::map<std::string, Schema> resources{};
  std::map<std::string, Schema> data_sources{};
  Diagnostics diagnostics{};
  std::map<std::string, FunctionDefinition> functions{};
  std::map<std::string, Schema> ephemeral_resources{};
};

struct GetResourceIdentitySchemasResponse {
  // Only the resource types with an identity.
  std::map<std::string, IdentitySchema> identity_schemas{};
  Diagnostics diagnostics{};
};

struct UpgradeResourceIdentityRequest {
  std::string type_name{};
  int64_t version = 0;              // identity version it was stored with
  std::string raw_identity_json{};  // the stored identity object
};
struct UpgradeResourceIdentityResponse {
  Value upgraded_identity{};
  Diagnostics diagnostics{};
};

struct GetFunctionsResponse {
  std::map<std::string, FunctionDefinition> functions{};
  Diagnostics diagnostics{};
};

struct CallFunctionRequest {
  std::string name{};
  // Every argument in order (fixed parameters, then variadic ones), each
  // decoded with its parameter's type.
  std::vector<Value> arguments{};
};
struct CallFunctionResponse {
  Value result{};                        // of the return type, on success
  std::optional<FunctionError> error{};  // set: the call failed
};

using ValidateEphemeralResourceConfigRequest = TypeConfigRequest;
using ValidateEphemeralResourceConfigResponse = DiagnosticsResponse;

// Open and Renew answer what the ephemeral resource answered (Open's result
// after the server's checks).
using OpenEphemeralResourceRequest = TypeConfigRequest;
using OpenEphemeralResourceResponse = OpenEphemeralResponse;

using RenewEphemeralResourceRequest = TypePrivateDataRequest;
using RenewEphemeralResourceResponse = RenewEphemeralResponse;

using CloseEphemeralResourceRequest = TypePrivateDataRequest;
using CloseEphemeralResourceResponse = DiagnosticsResponse;

struct ValidateProviderConfigRequest {
  Value config{};
};
using ValidateProviderConfigResponse = DiagnosticsResponse;

struct ValidateResourceConfigRequest {
  std::string type_name{};
  Value config{};
  bool write_only_allowed = false;  // client_capabilities
};
using ValidateResourceConfigResponse = DiagnosticsResponse;

using ValidateDataResourceConfigRequest = TypeConfigRequest;
using ValidateDataResourceConfigResponse = DiagnosticsResponse;

// The provider's Configure gets the request as it is.
using ConfigureProviderRequest = tf::ConfigureProviderRequest;
using ConfigureProviderResponse = DiagnosticsResponse;

struct UpgradeResourceStateRequest {
  std::string type_name{};
  int64_t version = 0;           // schema version the state was written with
  std::string raw_state_json{};  // the attributes object from the state file
  bool has_flatmap = false;      // legacy SDKv1 state (unsupported)
};
struct UpgradeResourceStateResponse {
  Value upgraded_state{};
  Diagnostics diagnostics{};
};

// Identity fields (current_identity, new_identity, ...) are used only by
// resources with an identity; they are null objects of the identity type
// when Terraform holds none, and null Values for other resources.
struct ReadResourceRequest {
  std::string type_name{};
  Value current_state{};
  std::string private_data{};
  Value current_identity{};
};
// The answer of ReadResource and ApplyResourceChange: the new state, its
// private data and identity.
struct NewStateResponse {
  Value new_state{};
  std::string private_data{};
  Diagnostics diagnostics{};
  Value new_identity{};
};
using ReadResourceResponse = NewStateResponse;

struct PlanResourceChangeRequest {
  std::string type_name{};
  Value prior_state{};         // null on create
  Value proposed_new_state{};  // null on destroy
  Value config{};              // null on destroy
  std::string prior_private{};
  Value prior_identity{};
};
struct PlanResourceChangeResponse {
  Value planned_state{};
  std::vector<Path> requires_replace{};
  std::string planned_private{};
  Diagnostics diagnostics{};
  Value planned_identity{};
};

struct ApplyResourceChangeRequest {
  std::string type_name{};
  Value prior_state{};    // null on create
  Value planned_state{};  // null on delete
  Value config{};
  std::string planned_private{};
  Value planned_identity{};
};
using ApplyResourceChangeResponse = NewStateResponse;

struct ImportResourceStateRequest {
  std::string type_name{};
  std::string id{};  // empty when importing by identity
  Value identity{};  // null when importing by id
};
struct ImportedResource {
  std::string type_name{};
  Value state{};
  std::string private_data{};
  Value identity{};
};
struct ImportResourceStateResponse {
  std::vector<ImportedResource> imported_resources{};
  Diagnostics diagnostics{};
};

using ReadDataSourceRequest = TypeConfigRequest;
struct ReadDataSourceResponse {
  Value state{};
  Diagnostics diagnostics{};
};

}  // namespace tf::server
