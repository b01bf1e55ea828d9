// fuzz_json_state: the JSON state path (raw_state.json of
// UpgradeResourceState). Input: one selector byte, then the JSON.
//   bits 0-1: the type (fuzz_schemas.h);
// Two things are fuzzed with the same JSON:
//  1. tf::DecodeJson against the type. On success: wholly known; EncodeJson
//     accepts it; EncodeJson -> DecodeJson gives an equal value and a stable
//     encoding; the msgpack codec round-trips it too.
//  2. For the two block kinds (flat, nested), ProviderServer::
//     UpgradeResourceState of a fake resource with that schema (version 2),
//     once with the stored version equal to the schema's (strict decode) and
//     once older (lenient: unknown keys dropped). Each success must be
//     wholly known, write-only attributes null, and encodable both ways;
//     whenever the strict upgrade succeeds, the lenient one must succeed
//     with the same value (dropping nothing must change nothing).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/fuzz_schemas.h"
#include "provider/framework/server/messages.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/testing/fakes.h"
#include "provider/framework/types/json.h"
#include "provider/framework/types/msgpack.h"

namespace {

constexpr char kFlatType[] = "fuzz_flat";
constexpr char kNestedType[] = "fuzz_nested";

// A provider offering one fake resource per block kind.
const tf::server::ProviderServer& Server() {
  static const tf::server::ProviderServer server = [] {
    auto flat = std::make_shared<tf::testing::FakeResourceScript>();
    flat->type_name = kFlatType;
    flat->schema = fuzz::FlatSchema();
    auto nested = std::make_shared<tf::testing::FakeResourceScript>();
    nested->type_name = kNestedType;
    nested->schema = fuzz::NestedSchema();
    tf::testing::FakeProviderScript script;
    script.type_name = "fuzz";
    script.resources = {flat, nested};
    return tf::server::ProviderServer(
        std::make_unique<tf::testing::FakeProvider>(script));
  }();
  return server;
}

// The codec properties of a value that came out of JSON.
void CheckJsonValue(const tf::Value& value, const tf::Type& type,
                    const char* where) {
  if (!value.IsWhollyKnown()) {
    fuzz::Fail(absl::StrCat(where, ": a JSON value holds an unknown"),
               value.DebugString());
  }
  absl::StatusOr<std::string> json = tf::EncodeJson(value, type);
  if (!json.ok()) {
    fuzz::Fail(absl::StrCat(where, ": a decoded value does not encode again"),
               absl::StrCat(json.status().ToString(), "\n", value.DebugString()));
  }
  absl::StatusOr<tf::Value> again = tf::DecodeJson(*json, type);
  if (!again.ok() || *again != value) {
    fuzz::Fail(absl::StrCat(where, ": JSON round trip changed the value"),
               absl::StrCat("value: ", value.DebugString(), " of type ",
                            value.type().ToJson(), "\njson: ", *json,
                            "\nagain: ",
                            again.ok() ? absl::StrCat(again->DebugString(),
                                                      " of type ",
                                                      again->type().ToJson())
                                       : again.status().ToString()));
  }
  absl::StatusOr<std::string> json2 = tf::EncodeJson(*again, type);
  if (!json2.ok() || *json2 != *json) {
    fuzz::Fail(absl::StrCat(where, ": JSON encoding is not stable"), *json);
  }
  absl::StatusOr<std::string> mp = tf::EncodeMsgpack(value, type);
  if (!mp.ok()) {
    fuzz::Fail(absl::StrCat(where, ": a JSON value does not encode as msgpack"),
               absl::StrCat(mp.status().ToString(), "\n", value.DebugString()));
  }
  absl::StatusOr<tf::Value> from_mp = tf::DecodeMsgpack(*mp, type);
  if (!from_mp.ok() || *from_mp != value) {
    fuzz::Fail(absl::StrCat(where, ": JSON -> msgpack -> value changed it"),
               absl::StrCat("value: ", value.DebugString(), "\nstatus: ",
                            from_mp.status().ToString()));
  }
}

// UpgradeResourceState of `type_name` with `json`, stored at `version`.
tf::server::UpgradeResourceStateResponse Upgrade(const char* type_name,
                                                 int64_t version,
                                                 std::string_view json) {
  return Server().UpgradeResourceState({.type_name = type_name,
                                        .version = version,
                                        .raw_state_json = std::string(json)});
}

void CheckUpgraded(const tf::server::UpgradeResourceStateResponse& resp,
                   const tf::Schema& schema, const char* where) {
  CheckJsonValue(resp.upgraded_state, schema.ValueType(), where);
  if (resp.upgraded_state.IsNull()) return;
  for (const tf::Attribute& a : schema.block.attributes) {
    if (a.write_only && !resp.upgraded_state.Attr(a.name).IsNull()) {
      fuzz::Fail(absl::StrCat(where, ": write-only attribute kept: ", a.name));
    }
  }
}

void FuzzUpgrade(const char* type_name, const tf::Schema& schema,
                 std::string_view json) {
  tf::server::UpgradeResourceStateResponse strict =
      Upgrade(type_name, schema.version, json);
  if (!strict.diagnostics.HasError()) CheckUpgraded(strict, schema, "strict");
  tf::server::UpgradeResourceStateResponse lenient =
      Upgrade(type_name, schema.version - 1, json);
  if (!lenient.diagnostics.HasError()) {
    CheckUpgraded(lenient, schema, "lenient");
  }
  if (!strict.diagnostics.HasError()) {
    if (lenient.diagnostics.HasError()) {
      fuzz::Fail("the lenient upgrade fails where the strict one succeeds",
                 absl::StrCat(lenient.diagnostics.items()[0].detail, "\n",
                              strict.upgraded_state.DebugString()));
    }
    if (lenient.upgraded_state != strict.upgraded_state) {
      fuzz::Fail("the lenient upgrade changed a value the strict one kept",
                 absl::StrCat("strict:  ", strict.upgraded_state.DebugString(),
                              "\nlenient: ",
                              lenient.upgraded_state.DebugString()));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t selector = data[0];
  const std::string_view json(reinterpret_cast<const char*>(data) + 1,
                              size - 1);
  const tf::Type& type = fuzz::PickType(selector);

  absl::StatusOr<tf::Value> value = tf::DecodeJson(json, type);
  if (value.ok()) CheckJsonValue(*value, type, "DecodeJson");

  switch (selector % fuzz::kTypeCount) {
    case 0:
      FuzzUpgrade(kFlatType, fuzz::FlatSchema(), json);
      break;
    case 1:
      FuzzUpgrade(kNestedType, fuzz::NestedSchema(), json);
      break;
    default:
      break;
  }
  return 0;
}
