#include "fuzz/fuzz_schemas.h"

#include <array>
#include <string>

namespace fuzz {
namespace {

using tf::Attribute;
using tf::Block;
using tf::NestedBlock;
using tf::Nesting;
using tf::Presence;
using tf::Schema;
using tf::Type;

Schema MakeFlat() {
  return Schema{
      .version = 2,
      .block = {.attributes = {
                    {.name = "id", .type = Type::String(),
                     .presence = Presence::kComputed},
                    {.name = "name", .type = Type::String(),
                     .presence = Presence::kRequired},
                    {.name = "count", .type = Type::Number()},
                    {.name = "enabled", .type = Type::Bool()},
                    {.name = "redirect_uris", .type = Type::List(Type::String())},
                    {.name = "scopes", .type = Type::Set(Type::String())},
                    {.name = "ports", .type = Type::Set(Type::Number())},
                    {.name = "tags", .type = Type::Map(Type::String())},
                    {.name = "any", .type = Type::Dynamic()},
                    {.name = "secret", .type = Type::String(),
                     .presence = Presence::kComputed, .sensitive = true},
                }}};
}

Schema MakeNested() {
  Block member{.attributes = {{.name = "name", .type = Type::String(),
                               .presence = Presence::kRequired}}};
  Block single{
      .attributes = {{.name = "x", .type = Type::Number()},
                     {.name = "y", .type = Type::Dynamic()}},
      .blocks = {{.type_name = "member", .block = member,
                  .nesting = Nesting::kSet}}};
  Block rule{.attributes = {
                 {.name = "name", .type = Type::String(),
                  .presence = Presence::kRequired},
                 {.name = "weight", .type = Type::Number()},
                 {.name = "tags", .type = Type::Map(Type::String())},
             }};
  return Schema{
      .version = 2,
      .block = {
          .attributes =
              {
                  {.name = "id", .type = Type::String(),
                   .presence = Presence::kComputed},
                  {.name = "pair",
                   .type = Type::Tuple({Type::String(), Type::Number()})},
                  {.name = "matrix",
                   .type = Type::List(Type::List(Type::Number()))},
                  {.name = "labels", .type = Type::Map(Type::Set(Type::String()))},
                  {.name = "obj",
                   .type = Type::Object({{"a", Type::String()},
                                         {"b", Type::List(Type::Bool())},
                                         {"c", Type::Dynamic()}})},
                  {.name = "password", .type = Type::String(),
                   .sensitive = true, .write_only = true},
              },
          .blocks = {
              {.type_name = "rule", .block = rule, .nesting = Nesting::kList},
              {.type_name = "single", .block = single,
               .nesting = Nesting::kSingle},
              {.type_name = "member_set", .block = member,
               .nesting = Nesting::kSet},
          }}};
}

}  // namespace

const Schema& FlatSchema() {
  static const Schema schema = MakeFlat();
  return schema;
}

const Schema& NestedSchema() {
  static const Schema schema = MakeNested();
  return schema;
}

const Type& PickType(uint8_t selector) {
  static const std::array<Type, kTypeCount> types = {
      FlatSchema().ValueType(),
      NestedSchema().ValueType(),
      Type::Dynamic(),
      Type::Map(Type::List(Type::Object({{"k", Type::String()},
                                          {"v", Type::Dynamic()},
                                          {"n", Type::Set(Type::Number())}}))),
  };
  return types[selector % kTypeCount];
}

}  // namespace fuzz
