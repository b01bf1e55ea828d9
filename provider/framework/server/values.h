// values.h: schema-aware value transformations shared by the RPCs:
// nulling write-only attributes, unknowns to nulls, finding the first
// unknown, the all-null object an import starts from.
//   Value state = NullWriteOnly(schema.block, resp.state);
//   if (auto p = FirstUnknown(state)) { /* error at *p */ }
#pragma once

#include <optional>

#include "provider/framework/schema/schema.h"
#include "provider/framework/types/path.h"
#include "provider/framework/types/value.h"

namespace tf::server {

// `object` (a value of `block`) with every write-only attribute null,
// including inside nested blocks.
Value NullWriteOnly(const Block& block, const Value& object);

// `value` with every unknown (at any depth) replaced by a null of its type.
Value UnknownAsNull(const Value& value);

// Path of the first unknown inside `value` (depth first, `base` prefixed),
// nullopt when wholly known.
std::optional<Path> FirstUnknown(const Value& value, const Path& base = {});

// An object of `block` with null attributes, null single blocks and empty
// list/set blocks: the state ImportState starts from.
Value EmptyObject(const Block& block);

// True when `block` (at any depth) has a write-only attribute.
bool HasWriteOnly(const Block& block);

}  // namespace tf::server
