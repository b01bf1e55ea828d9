#include "provider/framework/proto6/internal/rpc_helpers.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "provider/framework/log/log.h"
#include "provider/framework/proto6/dynamic_value.h"

namespace tf::proto6::internal {

void LogRequest(const char* rpc, const std::string& type_name) {
  if (!tf::log::Enabled(tf::log::Level::kTrace)) return;
  tf::log::Fields fields = {{"tf_rpc", rpc}};
  if (!type_name.empty()) fields.emplace_back("tf_type_name", type_name);
  tf::log::Trace("Received request", fields);
}

void LogResponse(const char* rpc, const Diagnostics& diags,
                 const std::string& type_name) {
  if (!tf::log::Enabled(tf::log::Level::kTrace)) return;
  tf::log::Fields fields = {{"tf_rpc", rpc}};
  if (!type_name.empty()) fields.emplace_back("tf_type_name", type_name);
  fields.emplace_back("diagnostic_count", std::to_string(diags.size()));
  fields.emplace_back("has_error", diags.HasError() ? "true" : "false");
  tf::log::Trace("Served request", fields);
}

bool Decode(const tfplugin6::DynamicValue& proto, const Type& type,
            const char* what, Value& out, Diagnostics& diags) {
  absl::StatusOr<Value> v = DynamicValueFromProto(proto, type);
  if (!v.ok()) {
    diags.AddError("Invalid request value",
                   absl::StrCat("Unable to decode the ", what, ": ",
                                std::string(v.status().message())));
    return false;
  }
  out = std::move(*v);
  return true;
}

void Encode(const Value& value, const Type& type, const char* what,
            tfplugin6::DynamicValue* out, Diagnostics& diags) {
  absl::Status s = DynamicValueToProto(value, type, out);
  if (!s.ok()) {
    diags.AddError("Invalid response value",
                   absl::StrCat("Unable to encode the ", what, ": ",
                                std::string(s.message()),
                                ". This is a bug in the provider."));
  }
}

bool DecodeAll(std::initializer_list<DecodeField> fields, const Type& type,
               Diagnostics& diags) {
  for (const DecodeField& f : fields) {
    if (!Decode(f.proto, type, f.what, f.out, diags)) return false;
  }
  return true;
}

bool DecodeIdentity(bool present, const tfplugin6::ResourceIdentityData& proto,
                    const server::TypeSchemas& types, const char* what,
                    Value& out, Diagnostics& diags) {
  if (types.Identity() == nullptr) {
    out = Value();
    return true;
  }
  if (!present) {
    out = Value::Null(types.identity_type);
    return true;
  }
  return Decode(proto.identity_data(), types.identity_type, what, out, diags);
}

google::protobuf::Timestamp ToTimestamp(
    std::chrono::system_clock::time_point t) {
  const auto ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch())
          .count();
  int64_t seconds = ns / 1'000'000'000;
  int64_t nanos = ns % 1'000'000'000;
  if (nanos < 0) {  // Timestamp nanos are always non-negative
    nanos += 1'000'000'000;
    seconds -= 1;
  }
  google::protobuf::Timestamp out;
  out.set_seconds(seconds);
  out.set_nanos(static_cast<int32_t>(nanos));
  return out;
}

void SetCapabilities(tfplugin6::ServerCapabilities* caps) {
  caps->set_plan_destroy(true);  // PlanResourceChange handles destroy
  caps->set_get_provider_schema_optional(false);
}

}  // namespace tf::proto6::internal
