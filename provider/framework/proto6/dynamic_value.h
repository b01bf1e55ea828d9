// dynamic_value.h: tfplugin6.DynamicValue <-> tf::Value, given the schema
// type. Decoding accepts msgpack, JSON, or neither (= null); encoding always
// writes msgpack.
//   absl::StatusOr<Value> v = DynamicValueFromProto(req.config(), type);
//   absl::Status s = DynamicValueToProto(state, type,
//   resp.mutable_new_state());
#pragma once

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "provider/framework/types/type.h"
#include "provider/framework/types/value.h"
#include "tfplugin6.pb.h"

namespace tf::proto6 {

[[nodiscard]] absl::StatusOr<Value> DynamicValueFromProto(
    const tfplugin6::DynamicValue& proto, const Type& type);

[[nodiscard]] absl::Status DynamicValueToProto(const Value& value,
                                               const Type& type,
                                               tfplugin6::DynamicValue* out);

}  // namespace tf::proto6
