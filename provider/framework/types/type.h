// type.h: cty types (the shape of a Terraform value).
//
// A Type is immutable and cheap to copy (it shares its representation).
//   Type t = Type::Object({{"name", Type::String()},
//                          {"tags", Type::Map(Type::String())}});
//   t.ToJson();        // ["object",{"name":"string","tags":["map","string"]}]
//   t.FriendlyName();  // "object"
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace tf {

// The kinds of cty type. kDynamic is cty's DynamicPseudoType ("any type").
enum class TypeKind {
  kString,
  kNumber,
  kBool,
  kDynamic,
  kList,
  kSet,
  kMap,
  kObject,
  kTuple
};

// A cty type. Default-constructed: Dynamic.
class Type {
 public:
  Type();  // Dynamic

  static Type String();
  static Type Number();
  static Type Bool();
  static Type Dynamic();
  static Type List(Type element);
  static Type Set(Type element);
  static Type Map(Type element);
  static Type Object(std::map<std::string, Type> attributes);
  static Type Tuple(std::vector<Type> elements);

  TypeKind kind() const;
  // Element type of a list, set or map (Dynamic for other kinds).
  const Type& element_type() const;
  // Attribute types of an object (empty for other kinds).
  const std::map<std::string, Type>& attribute_types() const;
  // Element types of a tuple (empty for other kinds).
  const std::vector<Type>& tuple_types() const;

  bool IsPrimitive() const;   // string, number or bool
  bool IsCollection() const;  // list, set or map

  bool operator==(const Type& other) const;
  bool operator!=(const Type& other) const { return !(*this == other); }

  // cty type JSON: "string", ["list","string"], ["object",{"a":"bool"}].
  std::string ToJson() const;
  // Parses cty type JSON; InvalidArgument on anything else (including
  // nesting deeper than 64 levels).
  [[nodiscard]] static absl::StatusOr<Type> FromJson(std::string_view json);
  // Human name as Terraform prints it: "string", "list of string", "object".
  std::string FriendlyName() const;

  struct Rep;  // implementation detail

 private:
  explicit Type(std::shared_ptr<const Rep> rep) : rep_(std::move(rep)) {}
  std::shared_ptr<const Rep> rep_;
};

}  // namespace tf
