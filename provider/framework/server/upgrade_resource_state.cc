// UpgradeResourceState: the state file's JSON attributes -> a Value of the
// current schema. Called for every instance in every phase.
//  - stored version newer than the schema's: error (a newer provider wrote
//    it; downgrading is not supported);
//  - same version: decoded strictly with the current schema (an attribute
//    the schema lacks is an error);
//  - older version: decoded leniently: attributes (also inside nested
//    blocks) the schema no longer has are dropped, attributes it gained are
//    null. Resources needing real migrations would need an upgrader hook,
//    which the framework does not offer yet.
// Pretty and compact JSON are both accepted. Legacy flatmap state is not.
#include <string>

#include "absl/strings/str_cat.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/server/values.h"
#include "provider/framework/types/json.h"
#include "provider/framework/types/json_dom.h"
#include "provider/framework/types/msgpack.h"

namespace tf::server {
namespace {

using types_internal::JsonNode;

// Removes from `object` every key `block` does not declare, recursively.
// Works on types' exact-number DOM: numbers keep their decimal text (a DOM
// that parses big integers as double would round them).
void DropUnknownKeys(const Block& block, JsonNode& object) {
  if (object.kind != JsonNode::Kind::kObject) return;
  auto& members = object.members;
  for (auto it = members.begin(); it != members.end();) {
    const std::string& key = it->first;
    if (block.FindAttribute(key) != nullptr) {
      ++it;
      continue;
    }
    if (const NestedBlock* nb = block.FindBlock(key)) {
      if (it->second.kind == JsonNode::Kind::kArray) {
        for (JsonNode& e : it->second.items) DropUnknownKeys(nb->block, e);
      } else {
        DropUnknownKeys(nb->block, it->second);
      }
      ++it;
      continue;
    }
    it = members.erase(it);
  }
}

}  // namespace

UpgradeResourceStateResponse ProviderServer::UpgradeResourceState(
    const UpgradeResourceStateRequest& req) const {
  UpgradeResourceStateResponse resp;
  const TypeSchemas* types = FindType(Kind::kResource, req.type_name);
  if (types == nullptr) {
    AddTypeNotFound(Kind::kResource, req.type_name, resp.diagnostics);
    return resp;
  }
  const Schema* schema = &types->schema;
  const Type& type = types->type;
  if (req.version > schema->version) {
    resp.diagnostics.AddError(
        "Unable to upgrade resource state",
        absl::StrCat("The state of this ", req.type_name,
                     " was written with schema version ", req.version,
                     ", newer than this provider's version ", schema->version,
                     ". Use the provider version that wrote it, or newer."));
    return resp;
  }
  if (req.raw_state_json.empty()) {
    if (req.has_flatmap) {
      resp.diagnostics.AddError(
          "Unable to upgrade resource state",
          "The state uses the legacy flatmap format, which this provider "
          "does not read. Refresh it with an older provider first.");
      return resp;
    }
    resp.upgraded_state = Value::Null(type);
    return resp;
  }
  std::string json = req.raw_state_json;
  if (req.version < schema->version) {
    // The same nesting limit DecodeJson applies (a dynamic value may add a
    // {"value","type"} level per value level).
    absl::StatusOr<JsonNode> parsed =
        types_internal::ParseJson(json, 2 * kMaxValueDepth + 2);
    if (!parsed.ok()) {
      resp.diagnostics.AddError(
          "Unable to upgrade resource state",
          absl::StrCat("The stored state is not valid JSON: ",
                       parsed.status().message()));
      return resp;
    }
    DropUnknownKeys(schema->block, *parsed);
    json = types_internal::DumpJson(*parsed);
  }
  absl::StatusOr<Value> value = DecodeJson(json, type);
  if (!value.ok()) {
    resp.diagnostics.AddError(
        "Unable to upgrade resource state",
        absl::StrCat("The stored state of this ", req.type_name,
                     " does not match the provider's schema (version ",
                     schema->version,
                     "): ", std::string(value.status().message())));
    return resp;
  }
  resp.upgraded_state = NullWriteOnly(schema->block, *value);
  return resp;
}

}  // namespace tf::server
