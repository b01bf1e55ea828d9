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
#include <string>
#include <vector>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/types/path.h"
#include "provider/framework/types/value.h"

namespace tf::server {

struct GetProviderSchemaResponse {
  Schema provider{};
  std::map<std::string, Schema> resources{};
  std::map<std::string, Schema> data_sources{};
  Diagnostics diagnostics{};
};

struct ValidateProviderConfigRequest {
  Value config{};
};
struct ValidateProviderConfigResponse {
  Diagnostics diagnostics{};
};

struct ValidateResourceConfigRequest {
  std::string type_name{};
  Value config{};
  bool write_only_allowed = false;  // client_capabilities
};
struct ValidateResourceConfigResponse {
  Diagnostics diagnostics{};
};

struct ValidateDataResourceConfigRequest {
  std::string type_name{};
  Value config{};
};
struct ValidateDataResourceConfigResponse {
  Diagnostics diagnostics{};
};

struct ConfigureProviderRequest {
  Value config{};
  std::string terraform_version{};
};
struct ConfigureProviderResponse {
  Diagnostics diagnostics{};
};

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

struct ReadResourceRequest {
  std::string type_name{};
  Value current_state{};
  std::string private_data{};
};
struct ReadResourceResponse {
  Value new_state{};
  std::string private_data{};
  Diagnostics diagnostics{};
};

struct PlanResourceChangeRequest {
  std::string type_name{};
  Value prior_state{};         // null on create
  Value proposed_new_state{};  // null on destroy
  Value config{};              // null on destroy
  std::string prior_private{};
};
struct PlanResourceChangeResponse {
  Value planned_state{};
  std::vector<Path> requires_replace{};
  std::string planned_private{};
  Diagnostics diagnostics{};
};

struct ApplyResourceChangeRequest {
  std::string type_name{};
  Value prior_state{};    // null on create
  Value planned_state{};  // null on delete
  Value config{};
  std::string planned_private{};
};
struct ApplyResourceChangeResponse {
  Value new_state{};
  std::string private_data{};
  Diagnostics diagnostics{};
};

struct ImportResourceStateRequest {
  std::string type_name{};
  std::string id{};
};
struct ImportedResource {
  std::string type_name{};
  Value state{};
  std::string private_data{};
};
struct ImportResourceStateResponse {
  std::vector<ImportedResource> imported_resources{};
  Diagnostics diagnostics{};
};

struct ReadDataSourceRequest {
  std::string type_name{};
  Value config{};
};
struct ReadDataSourceResponse {
  Value state{};
  Diagnostics diagnostics{};
};

}  // namespace tf::server
