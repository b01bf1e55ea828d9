// json.h: the cty JSON codec (raw_state.json in UpgradeResourceState, and
// any DynamicValue.json). JSON has no unknowns.
//
//   absl::StatusOr<Value> v = DecodeJson(R"({"id":"x"})", schema_type);
//   absl::StatusOr<std::string> j = EncodeJson(*v, schema_type);
// Numbers keep their exact decimal text (big integers, 0.1). Dynamic parts
// are {"value":...,"type":...}. On decode an object attribute missing from
// the JSON is null; an attribute the type lacks is an error naming it.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/framework/types/type.h"
#include "provider/framework/types/value.h"

namespace tf {

[[nodiscard]] absl::StatusOr<Value> DecodeJson(std::string_view json,
                                               const Type& type);
// InvalidArgument for unknown values or values not fitting `type`.
[[nodiscard]] absl::StatusOr<std::string> EncodeJson(const Value& value,
                                                     const Type& type);

}  // namespace tf
