// schema.h: the schema model of a provider, resource or data source.
//
// A schema is data: flags, defaults, validators and plan modifiers are all
// declared in it, with designated initializers:
//   Schema s{.version = 0, .block = {.attributes = {
//       {.name = "name", .type = Type::String(),
//        .presence = Presence::kRequired,
//        .plan_modifiers = {RequiresReplace()}},
//       {.name = "id", .type = Type::String(),
//        .presence = Presence::kComputed,
//        .plan_modifiers = {UseStateForUnknown()}}}}};
// Protobuf never appears here: proto6/ converts a Schema for the wire.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "provider/framework/schema/plan_modifier.h"
#include "provider/framework/schema/validator.h"
#include "provider/framework/types/type.h"
#include "provider/framework/types/value.h"

namespace tf {

// Who sets an attribute. Makes illegal required/optional/computed
// combinations unwritable.
enum class Presence {
  kRequired,          // the user must set it
  kOptional,          // the user may set it; null otherwise
  kOptionalComputed,  // the user may set it; the provider fills it otherwise
  kComputed,          // only the provider sets it
};

bool IsComputed(Presence p);  // kOptionalComputed or kComputed

struct Attribute {
  std::string name{};
  Type type{};
  Presence presence = Presence::kOptional;
  bool sensitive = false;
  bool write_only = false;            // 6.8+: never stored in state
  std::string description{};          // markdown; used for docs
  std::string deprecation_message{};  // non-empty = deprecated
  std::optional<Value>
      default_value{};  // kOptionalComputed only: used when config is null
  std::vector<std::shared_ptr<const PlanModifier>> plan_modifiers{};
  std::vector<std::shared_ptr<const Validator>> validators{};
};

// How a nested block repeats.
enum class Nesting { kSingle, kList, kSet };

// Block and NestedBlock contain each other, and both must stay aggregates
// whose every member has a default member initializer (g++ -Wextra flags
// designated initializers that omit a member without one). Clang checks a
// class's default member initializers at the end of the outermost enclosing
// class, and `blocks{}` needs NestedBlock complete, so both are defined
// inside this scope struct and used through the aliases below.
struct BlockDefinitions {
  struct NestedBlock;

  struct Block {
    std::vector<Attribute> attributes{};
    std::vector<NestedBlock> blocks{};
    std::string description{};
    std::string deprecation_message{};  // non-empty = deprecated

    // The object type of a value of this block.
    Type ValueType() const;
    const Attribute* FindAttribute(std::string_view name) const;
    const NestedBlock* FindBlock(std::string_view type_name) const;
  };

  struct NestedBlock {
    std::string type_name{};
    Block block{};
    Nesting nesting = Nesting::kSingle;
    int64_t min_items = 0, max_items = 0;  // 0 = no limit

    // object (kSingle), list of object (kList) or set of object (kSet).
    Type ValueType() const;
  };
};

using Block = BlockDefinitions::Block;
using NestedBlock = BlockDefinitions::NestedBlock;

struct Schema {
  int64_t version = 0;
  Block block{};

  // The object type of the whole block (what DynamicValues decode to).
  Type ValueType() const { return block.ValueType(); }
  const Attribute* FindAttribute(std::string_view name) const {
    return block.FindAttribute(name);
  }
  // Names ^[a-z0-9_]+$, no duplicates, legal flag combinations, defaults of
  // the right type on kOptionalComputed attributes only, write-only
  // attributes neither computed nor inside set blocks, no null modifiers or
  // validators. InvalidArgument
  // naming the offending attribute path otherwise.
  [[nodiscard]] absl::Status Validate() const;
};

}  // namespace tf
