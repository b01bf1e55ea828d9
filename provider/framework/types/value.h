// value.h: cty values: known, null or unknown (with refinements).
//
// A Value is immutable and cheap to copy (it shares its representation).
//   Value v = Value::Object({{"name", Value::String("alpha")},
//                            {"id", Value::Null(Type::String())}});
//   v.Attr("name").AsString();   // "alpha"
//   Value u = Value::Unknown(Type::String(), {.not_null = true});
// A value typed Dynamic in a schema carries its concrete type when known.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "provider/framework/types/number.h"
#include "provider/framework/types/type.h"

namespace tf {

// What is known about an unknown value (cty msgpack extension type 12).
struct Refinements {
  // (Members have default initializers so that designated initializers such
  // as {.not_null = true} compile cleanly under -Wextra.)
  bool not_null = false;                                  // definitely not null
  std::optional<std::string> string_prefix = std::nullopt;  // strings
  std::optional<std::pair<Number, bool>> number_lower = std::nullopt,
                                         number_upper = std::nullopt;  // bound, inclusive
  std::optional<int64_t> length_lower = std::nullopt,
                         length_upper = std::nullopt;  // collections
  bool empty() const;
  bool operator==(const Refinements& other) const;
};

class Value {
 public:
  Value();  // null of Dynamic

  static Value Null(Type type);
  static Value Unknown(Type type, Refinements refinements = {});
  static Value String(std::string s);
  static Value Bool(bool b);
  static Value Num(Number n);
  static Value Int(int64_t i);
  static Value Float(double d);
  static Value List(Type element_type, std::vector<Value> elements);
  // De-duplicated (wholly known elements) and kept in canonical order.
  static Value Set(Type element_type, std::vector<Value> elements);
  static Value Map(Type element_type, std::map<std::string, Value> elements);
  // The type is derived from the attributes.
  static Value Object(std::map<std::string, Value> attributes);
  // The same value as Object(attributes), cheaper when `type_hint` is
  // already the object type derived from them (a schema's type, or the
  // type of an object being rebuilt): it is then shared, not built again.
  // Any other hint is ignored.
  static Value Object(std::map<std::string, Value> attributes,
                      const Type& type_hint);
  static Value Tuple(std::vector<Value> elements);

  // Concrete unless a null/unknown of Dynamic. Lists/sets/maps keep the
  // element type they were built with.
  const Type& type() const;
  bool IsNull() const;
  bool IsKnown() const;        // false for unknown
  bool IsUnknown() const { return !IsKnown(); }
  bool IsWhollyKnown() const;  // no unknown anywhere inside
  const Refinements& refinements() const;  // empty unless unknown

  // Accessors; precondition: known, non-null, matching kind (otherwise a
  // static empty value is returned).
  const std::string& AsString() const;
  bool AsBool() const;
  const Number& AsNumber() const;
  const std::vector<Value>& Elements() const;           // list, set, tuple
  const std::map<std::string, Value>& Entries() const;  // map, object
  // Object attribute; a null of Dynamic when there is no such attribute.
  const Value& Attr(std::string_view name) const;
  // Copy with one attribute replaced (added, if the object lacks it).
  Value WithAttr(std::string_view name, Value v) const;

  // Same type, same null/unknown state (and refinements), same content.
  bool operator==(const Value& other) const;
  bool operator!=(const Value& other) const { return !(*this == other); }
  // A total order consistent with ==; used for canonical set order.
  static int Compare(const Value& a, const Value& b);

  // Tests only: may contain secrets, never log it.
  std::string DebugString() const;

  struct Rep;  // implementation detail

 private:
  explicit Value(std::shared_ptr<const Rep> rep) : rep_(std::move(rep)) {}
  std::shared_ptr<const Rep> rep_;
};

// An object of `object_type` whose attributes are all null (each typed as in
// `object_type`). A null of Dynamic when `object_type` is not an object.
Value NullAttributes(const Type& object_type);

}  // namespace tf
