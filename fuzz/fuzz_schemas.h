// fuzz_schemas.h: the schema types the codec fuzzers decode against.
//
//   const tf::Type& type = fuzz::PickType(data[0]);
//   absl::StatusOr<tf::Value> v = tf::DecodeMsgpack(rest, type);
//
// The kinds, chosen by `selector % kTypeCount`:
//   0 flat:        FlatSchema(): string/number/bool/list/set/map/dynamic attributes
//   1 nested:      NestedSchema(): tuples, nested collections, an object
//                  attribute, nested blocks (single, list, set) and a
//                  write-only attribute
//   2 dynamic:     a bare Dynamic
//   3 collection:  map of list of object {k string, v dynamic, n set(number)}
#pragma once

#include <cstdint>

#include "provider/framework/schema/schema.h"
#include "provider/framework/types/type.h"

namespace fuzz {

inline constexpr int kTypeCount = 4;

// The resource schema behind kind 0 (version 2).
const tf::Schema& FlatSchema();
// The resource schema behind kind 1 (version 2).
const tf::Schema& NestedSchema();

// The type of kind `selector % kTypeCount`.
const tf::Type& PickType(uint8_t selector);

}  // namespace fuzz
