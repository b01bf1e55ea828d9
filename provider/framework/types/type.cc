#include "provider/framework/types/type.h"

#include "absl/strings/str_cat.h"
#include "provider/framework/types/json_dom.h"
#include "provider/framework/types/msgpack.h"

namespace tf {

struct Type::Rep {
  TypeKind kind = TypeKind::kDynamic;
  std::vector<Type> element;  // one entry for list/set/map
  std::map<std::string, Type> attributes;
  std::vector<Type> tuple;
};

namespace {

std::shared_ptr<const Type::Rep> Primitive(TypeKind kind) {
  auto rep = std::make_shared<Type::Rep>();
  rep->kind = kind;
  return rep;
}

}  // namespace

Type::Type() : Type(Dynamic()) {}

Type Type::String() {
  static const std::shared_ptr<const Rep> rep = Primitive(TypeKind::kString);
  return Type(rep);
}
Type Type::Number() {
  static const std::shared_ptr<const Rep> rep = Primitive(TypeKind::kNumber);
  return Type(rep);
}
Type Type::Bool() {
  static const std::shared_ptr<const Rep> rep = Primitive(TypeKind::kBool);
  return Type(rep);
}
Type Type::Dynamic() {
  static const std::shared_ptr<const Rep> rep = Primitive(TypeKind::kDynamic);
  return Type(rep);
}

namespace {
std::shared_ptr<Type::Rep> Collection(TypeKind kind, Type element) {
  auto rep = std::make_shared<Type::Rep>();
  rep->kind = kind;
  rep->element.push_back(std::move(element));
  return rep;
}
}  // namespace

Type Type::List(Type element) { return Type(Collection(TypeKind::kList, std::move(element))); }
Type Type::Set(Type element) { return Type(Collection(TypeKind::kSet, std::move(element))); }
Type Type::Map(Type element) { return Type(Collection(TypeKind::kMap, std::move(element))); }

Type Type::Object(std::map<std::string, Type> attributes) {
  auto rep = std::make_shared<Rep>();
  rep->kind = TypeKind::kObject;
  rep->attributes = std::move(attributes);
  return Type(std::move(rep));
}

Type Type::Tuple(std::vector<Type> elements) {
  auto rep = std::make_shared<Rep>();
  rep->kind = TypeKind::kTuple;
  rep->tuple = std::move(elements);
  return Type(std::move(rep));
}

TypeKind Type::kind() const { return rep_->kind; }

const Type& Type::element_type() const {
  if (rep_->element.empty()) {
    static const Type dynamic = Dynamic();
    return dynamic;
  }
  return rep_->element.front();
}

const std::map<std::string, Type>& Type::attribute_types() const {
  return rep_->attributes;
}

const std::vector<Type>& Type::tuple_types() const { return rep_->tuple; }

bool Type::IsPrimitive() const {
  return kind() == TypeKind::kString || kind() == TypeKind::kNumber ||
         kind() == TypeKind::kBool;
}

bool Type::IsCollection() const {
  return kind() == TypeKind::kList || kind() == TypeKind::kSet ||
         kind() == TypeKind::kMap;
}

bool Type::operator==(const Type& other) const {
  if (rep_ == other.rep_) return true;
  if (kind() != other.kind()) return false;
  switch (kind()) {
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kMap:
      return element_type() == other.element_type();
    case TypeKind::kObject:
      return attribute_types() == other.attribute_types();
    case TypeKind::kTuple:
      return tuple_types() == other.tuple_types();
    default:
      return true;
  }
}

std::string Type::ToJson() const {
  switch (kind()) {
    case TypeKind::kString:
      return "\"string\"";
    case TypeKind::kNumber:
      return "\"number\"";
    case TypeKind::kBool:
      return "\"bool\"";
    case TypeKind::kDynamic:
      return "\"dynamic\"";
    case TypeKind::kList:
      return absl::StrCat("[\"list\",", element_type().ToJson(), "]");
    case TypeKind::kSet:
      return absl::StrCat("[\"set\",", element_type().ToJson(), "]");
    case TypeKind::kMap:
      return absl::StrCat("[\"map\",", element_type().ToJson(), "]");
    case TypeKind::kObject: {
      std::string out = "[\"object\",{";
      bool first = true;
      for (const auto& [name, t] : attribute_types()) {
        if (!first) out += ",";
        first = false;
        absl::StrAppend(&out, types_internal::QuoteJson(name), ":", t.ToJson());
      }
      return out + "}]";
    }
    case TypeKind::kTuple: {
      std::string out = "[\"tuple\",[";
      bool first = true;
      for (const Type& t : tuple_types()) {
        if (!first) out += ",";
        first = false;
        out += t.ToJson();
      }
      return out + "]]";
    }
  }
  return "\"dynamic\"";
}

namespace types_internal {

absl::StatusOr<Type> TypeFromJsonNode(const JsonNode& node) {
  using Kind = JsonNode::Kind;
  if (node.kind == Kind::kString) {
    if (node.text == "string") return Type::String();
    if (node.text == "number") return Type::Number();
    if (node.text == "bool") return Type::Bool();
    if (node.text == "dynamic") return Type::Dynamic();
    return absl::InvalidArgumentError(
        absl::StrCat("invalid type: unknown primitive type ",
                     QuoteJson(node.text)));
  }
  if (node.kind != Kind::kArray || node.items.size() != 2 ||
      node.items[0].kind != Kind::kString) {
    return absl::InvalidArgumentError(
        "invalid type: expected a type name or a [kind, detail] array");
  }
  const std::string& k = node.items[0].text;
  const JsonNode& detail = node.items[1];
  if (k == "list" || k == "set" || k == "map") {
    absl::StatusOr<Type> element = TypeFromJsonNode(detail);
    if (!element.ok()) return element.status();
    if (k == "list") return Type::List(*std::move(element));
    if (k == "set") return Type::Set(*std::move(element));
    return Type::Map(*std::move(element));
  }
  if (k == "object") {
    if (detail.kind != Kind::kObject) {
      return absl::InvalidArgumentError(
          "invalid type: object attributes must be a JSON object");
    }
    std::map<std::string, Type> attrs;
    for (const auto& [name, sub] : detail.members) {
      absl::StatusOr<Type> t = TypeFromJsonNode(sub);
      if (!t.ok()) return t.status();
      if (!attrs.emplace(name, *std::move(t)).second) {
        return absl::InvalidArgumentError(absl::StrCat(
            "invalid type: duplicate object attribute ", QuoteJson(name)));
      }
    }
    return Type::Object(std::move(attrs));
  }
  if (k == "tuple") {
    if (detail.kind != Kind::kArray) {
      return absl::InvalidArgumentError(
          "invalid type: tuple elements must be a JSON array");
    }
    std::vector<Type> elems;
    for (const JsonNode& sub : detail.items) {
      absl::StatusOr<Type> t = TypeFromJsonNode(sub);
      if (!t.ok()) return t.status();
      elems.push_back(*std::move(t));
    }
    return Type::Tuple(std::move(elems));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("invalid type: unknown type kind ", QuoteJson(k)));
}

}  // namespace types_internal

absl::StatusOr<Type> Type::FromJson(std::string_view json) {
  // Each type level is one or two JSON levels deep.
  absl::StatusOr<types_internal::JsonNode> node =
      types_internal::ParseJson(json, 2 * kMaxValueDepth + 2);
  if (!node.ok()) return node.status();
  return types_internal::TypeFromJsonNode(*node);
}

std::string Type::FriendlyName() const {
  switch (kind()) {
    case TypeKind::kString:
      return "string";
    case TypeKind::kNumber:
      return "number";
    case TypeKind::kBool:
      return "bool";
    case TypeKind::kDynamic:
      return "dynamic";
    case TypeKind::kList:
      return "list of " + element_type().FriendlyName();
    case TypeKind::kSet:
      return "set of " + element_type().FriendlyName();
    case TypeKind::kMap:
      return "map of " + element_type().FriendlyName();
    case TypeKind::kObject:
      return "object";
    case TypeKind::kTuple:
      return "tuple";
  }
  return "dynamic";
}

}  // namespace tf
