// msgpack.h: the cty msgpack codec of DynamicValue.msgpack.
//
//   absl::StatusOr<Value> v = DecodeMsgpack(bytes, schema.ValueType());
//   absl::StatusOr<std::string> b = EncodeMsgpack(*v, schema.ValueType());
// Every form the plugin protocol uses is handled:
// null c0 (and empty input), objects as maps with every attribute, numbers
// as any int width, float32/64 or decimal string, dynamic as [type, value],
// unknowns as any extension (type 12 carries refinements).
// Decoding never crashes: malformed input returns InvalidArgument naming
// the path, e.g. "at redirect_uris[2]: expected string, got integer".
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/framework/types/type.h"
#include "provider/framework/types/value.h"

namespace tf {

// Maximum nesting of values accepted by the decoders.
inline constexpr int kMaxValueDepth = 64;

// Decodes `bytes` as a value of schema type `type`.
[[nodiscard]] absl::StatusOr<Value> DecodeMsgpack(std::string_view bytes,
                                                  const Type& type);
// Encodes `value` against schema type `type` (Dynamic parts are written as
// [type JSON, value]). InvalidArgument when the value does not fit the type.
[[nodiscard]] absl::StatusOr<std::string> EncodeMsgpack(const Value& value,
                                                        const Type& type);

}  // namespace tf
