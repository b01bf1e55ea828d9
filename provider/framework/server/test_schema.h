// test_schema.h: the schema and value builders shared by the server tests.
#pragma once

#include <map>
#include <string>

#include "provider/framework/schema/schema.h"
#include "provider/framework/types/value.h"

namespace tf::server::test {

// name: required, RequiresReplace; size: optional number; mode: optional
// computed with default "fast"; id: computed, UseStateForUnknown; summary:
// computed; secret: optional write-only.
inline Schema ThingSchema() {
  return Schema{.version = 2,
                .block = {.attributes = {
                              {.name = "name",
                               .type = Type::String(),
                               .presence = Presence::kRequired,
                               .plan_modifiers = {RequiresReplace()}},
                              {.name = "size",
                               .type = Type::Number(),
                               .presence = Presence::kOptional},
                              {.name = "mode",
                               .type = Type::String(),
                               .presence = Presence::kOptionalComputed,
                               .default_value = Value::String("fast")},
                              {.name = "id",
                               .type = Type::String(),
                               .presence = Presence::kComputed,
                               .plan_modifiers = {UseStateForUnknown()}},
                              {.name = "summary",
                               .type = Type::String(),
                               .presence = Presence::kComputed},
                              {.name = "secret",
                               .type = Type::String(),
                               .presence = Presence::kOptional,
                               .sensitive = true,
                               .write_only = true},
                          }}};
}

inline Value S(const std::string& s) { return Value::String(s); }
inline Value NullS() { return Value::Null(Type::String()); }
inline Value UnkS() { return Value::Unknown(Type::String()); }
inline Value NullN() { return Value::Null(Type::Number()); }

// A thing value; unspecified attributes are null.
inline Value Thing(std::map<std::string, Value> set) {
  std::map<std::string, Value> attrs = {
      {"name", NullS()}, {"size", NullN()},    {"mode", NullS()},
      {"id", NullS()},   {"summary", NullS()}, {"secret", NullS()}};
  for (auto& [k, v] : set) attrs[k] = v;
  return Value::Object(std::move(attrs));
}

// A thing as stored after a create: name "a", mode "fast", id "1",
// summary "s".
inline Value StoredThing() {
  return Thing({{"name", S("a")},
                {"mode", S("fast")},
                {"id", S("1")},
                {"summary", S("s")}});
}

}  // namespace tf::server::test
