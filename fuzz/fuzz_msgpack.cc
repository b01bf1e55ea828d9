// fuzz_msgpack: tf::DecodeMsgpack against the schema types of
// fuzz_schemas.h. Input: one selector byte (the type), then the msgpack.
//
// Properties checked on every input that decodes:
//   - the decoded value encodes again against the same type;
//   - the re-encoding decodes to an equal value, and encoding is stable
//     (encode(decode(encode(v))) == encode(v));
//   - a wholly known value also survives the JSON codec, when the JSON
//     encoder accepts it (it may refuse e.g. an infinite number).
// Any crash, sanitizer report or property violation is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/fuzz_schemas.h"
#include "provider/framework/types/json.h"
#include "provider/framework/types/msgpack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const tf::Type& type = fuzz::PickType(data[0]);
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1,
                               size - 1);

  absl::StatusOr<tf::Value> first = tf::DecodeMsgpack(bytes, type);
  if (!first.ok()) return 0;

  absl::StatusOr<std::string> encoded = tf::EncodeMsgpack(*first, type);
  if (!encoded.ok()) {
    fuzz::Fail("a decoded value does not encode again",
               absl::StrCat(encoded.status().ToString(), "\n",
                            first->DebugString()));
  }
  absl::StatusOr<tf::Value> second = tf::DecodeMsgpack(*encoded, type);
  if (!second.ok()) {
    fuzz::Fail("the re-encoding does not decode",
               absl::StrCat(second.status().ToString(), "\n",
                            first->DebugString()));
  }
  if (*second != *first) {
    fuzz::Fail("msgpack round trip changed the value",
               absl::StrCat("first:  ", first->DebugString(), " of type ",
                            first->type().ToJson(), "\nsecond: ",
                            second->DebugString(), " of type ",
                            second->type().ToJson()));
  }
  absl::StatusOr<std::string> again = tf::EncodeMsgpack(*second, type);
  if (!again.ok() || *again != *encoded) {
    fuzz::Fail("msgpack encoding is not stable", first->DebugString());
  }

  if (first->IsWhollyKnown()) {
    absl::StatusOr<std::string> json = tf::EncodeJson(*first, type);
    if (json.ok()) {
      absl::StatusOr<tf::Value> from_json = tf::DecodeJson(*json, type);
      if (!from_json.ok() || *from_json != *first) {
        fuzz::Fail("msgpack -> JSON -> value changed the value",
                   absl::StrCat("value: ", first->DebugString(), "\njson: ",
                                *json, "\nstatus: ",
                                from_json.status().ToString()));
      }
    }
  }
  return 0;
}
