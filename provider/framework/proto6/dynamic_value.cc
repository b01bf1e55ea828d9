#include "provider/framework/proto6/dynamic_value.h"

#include <string>

#include "provider/framework/types/json.h"
#include "provider/framework/types/msgpack.h"

namespace tf::proto6 {

absl::StatusOr<Value> DynamicValueFromProto(
    const tfplugin6::DynamicValue& proto, const Type& type) {
  if (!proto.msgpack().empty()) return DecodeMsgpack(proto.msgpack(), type);
  if (!proto.json().empty()) return DecodeJson(proto.json(), type);
  return Value::Null(type);
}

absl::Status DynamicValueToProto(const Value& value, const Type& type,
                                 tfplugin6::DynamicValue* out) {
  absl::StatusOr<std::string> bytes = EncodeMsgpack(value, type);
  if (!bytes.ok()) return bytes.status();
  out->Clear();
  out->set_msgpack(std::move(*bytes));
  return absl::OkStatus();
}

}  // namespace tf::proto6
