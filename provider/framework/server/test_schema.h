// test_schema.h: the schema and value builders shared by the server tests
// (and the proto6 service tests), and a diagnostics check.
#pragma once

#include <map>
#include <string>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/sdk/identity.h"
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

// An ephemeral secret: name: required, 1 to 10 characters; value: computed,
// sensitive.
inline Schema SecretSchema() {
  return Schema{.block = {.attributes = {
                              {.name = "name",
                               .type = Type::String(),
                               .presence = Presence::kRequired,
                               .validators = {StringLengthBetween(1, 10)}},
                              {.name = "value",
                               .type = Type::String(),
                               .presence = Presence::kComputed,
                               .sensitive = true},
                          }}};
}

// A secret's configuration: `name`, and the computed value null.
inline Value SecretConfig(const std::string& name) {
  return Value::Object({{"name", S(name)}, {"value", NullS()}});
}

// A thing's identity: key, required for import.
inline IdentitySchema KeyIdentity() {
  return {.version = 1,
          .attributes = {{.name = "key",
                          .type = Type::String(),
                          .required_for_import = true,
                          .description = "The thing's id."}}};
}
inline Value Key(const std::string& k) {
  return Value::Object({{"key", S(k)}});
}

// A thing as stored after a create: name "a", mode "fast", id "1",
// summary "s".
inline Value StoredThing() {
  return Thing({{"name", S("a")},
                {"mode", S("fast")},
                {"id", S("1")},
                {"summary", S("s")}});
}

// The summary of the first diagnostic of `d` when `d` has an error; empty
// otherwise.
inline std::string ErrorSummary(const Diagnostics& d) {
  return d.HasError() ? d.items()[0].summary : "";
}

}  // namespace tf::server::test
