#include "provider/framework/types/json.h"

#include "absl/strings/str_cat.h"
#include "provider/framework/types/codec_errors.h"
#include "provider/framework/types/json_dom.h"
#include "provider/framework/types/msgpack.h"
#include "provider/framework/types/path.h"

namespace tf {
namespace {

using types_internal::JsonKindName;
using types_internal::JsonNode;
using types_internal::QuoteJson;
using Kind = JsonNode::Kind;

using types_internal::CheckDepth;
using types_internal::CheckKnownValueKind;
using types_internal::CheckTupleLength;
using types_internal::ElementTypeAt;
using types_internal::ErrorAt;
using types_internal::PathTrail;

absl::Status Mismatch(const PathTrail& path, absl::string_view expected,
                      const JsonNode& got) {
  return ErrorAt(path, absl::StrCat("expected ", expected, ", got ",
                                    JsonKindName(got.kind)));
}

absl::StatusOr<Value> Decode(const JsonNode& node, const Type& type,
                             const PathTrail& path, int depth) {
  if (absl::Status s = CheckDepth(depth, path); !s.ok()) return s;
  if (node.kind == Kind::kNull) return Value::Null(type);
  switch (type.kind()) {
    case TypeKind::kString:
      // Like cty, numbers and bools are accepted as their text.
      if (node.kind == Kind::kString || node.kind == Kind::kNumber) {
        return Value::String(node.text);
      }
      if (node.kind == Kind::kBool) {
        return Value::String(node.boolean ? "true" : "false");
      }
      return Mismatch(path, "string", node);
    case TypeKind::kNumber: {
      if (node.kind != Kind::kNumber && node.kind != Kind::kString) {
        return Mismatch(path, "number", node);
      }
      absl::StatusOr<Number> n = Number::FromString(node.text);
      if (!n.ok()) return ErrorAt(path, n.status().message());
      return Value::Num(*std::move(n));
    }
    case TypeKind::kBool:
      if (node.kind == Kind::kBool) return Value::Bool(node.boolean);
      if (node.kind == Kind::kString &&
          (node.text == "true" || node.text == "false")) {
        return Value::Bool(node.text == "true");
      }
      return Mismatch(path, "bool", node);
    case TypeKind::kDynamic: {
      if (node.kind != Kind::kObject) {
        return Mismatch(path, "a {\"value\",\"type\"} object", node);
      }
      const JsonNode* value = nullptr;
      const JsonNode* type_node = nullptr;
      for (const auto& [k, v] : node.members) {
        if (k == "value" && value == nullptr) {
          value = &v;
        } else if (k == "type" && type_node == nullptr) {
          type_node = &v;
        } else {
          return ErrorAt(path, absl::StrCat("unexpected key ", QuoteJson(k),
                                            " in a dynamic value"));
        }
      }
      if (value == nullptr || type_node == nullptr) {
        return ErrorAt(path,
                       "a dynamic value needs both \"value\" and \"type\"");
      }
      absl::StatusOr<Type> t = types_internal::TypeFromJsonNode(*type_node);
      if (!t.ok()) return ErrorAt(path, t.status().message());
      if (t->kind() == TypeKind::kDynamic) {
        return ErrorAt(path, "the type of a dynamic value must be concrete");
      }
      return Decode(*value, *t, path, depth);
    }
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple: {
      if (node.kind != Kind::kArray) {
        return Mismatch(path, type.FriendlyName(), node);
      }
      if (absl::Status s = CheckTupleLength(type, node.items.size(), path);
          !s.ok()) {
        return s;
      }
      std::vector<Value> elems;
      elems.reserve(node.items.size());
      for (size_t i = 0; i < node.items.size(); ++i) {
        const Type& et = ElementTypeAt(type, i);
        absl::StatusOr<Value> e = Decode(
            node.items[i], et, path.Index(static_cast<int64_t>(i)), depth + 1);
        if (!e.ok()) return e.status();
        elems.push_back(*std::move(e));
      }
      if (type.kind() == TypeKind::kList) {
        return Value::List(type.element_type(), std::move(elems));
      }
      if (type.kind() == TypeKind::kSet) {
        return Value::Set(type.element_type(), std::move(elems));
      }
      return Value::Tuple(std::move(elems));
    }
    case TypeKind::kMap: {
      if (node.kind != Kind::kObject) {
        return Mismatch(path, type.FriendlyName(), node);
      }
      std::map<std::string, Value> entries;
      for (const auto& [k, v] : node.members) {
        PathTrail at = path.Key(k);
        absl::StatusOr<Value> e = Decode(v, type.element_type(), at, depth + 1);
        if (!e.ok()) return e.status();
        if (!entries.emplace(k, *std::move(e)).second) {
          return ErrorAt(at, "duplicate map key");
        }
      }
      return Value::Map(type.element_type(), std::move(entries));
    }
    case TypeKind::kObject: {
      if (node.kind != Kind::kObject) return Mismatch(path, "object", node);
      const auto& attr_types = type.attribute_types();
      std::map<std::string, Value> attrs;
      for (const auto& [k, v] : node.members) {
        auto it = attr_types.find(k);
        if (it == attr_types.end()) {
          return ErrorAt(path,
                         absl::StrCat("unsupported attribute ", QuoteJson(k)));
        }
        PathTrail at = path.Attr(k);
        absl::StatusOr<Value> e = Decode(v, it->second, at, depth + 1);
        if (!e.ok()) return e.status();
        if (!attrs.emplace(k, *std::move(e)).second) {
          return ErrorAt(at, "duplicate attribute");
        }
      }
      // Attributes added to the schema since the state was written: null.
      for (const auto& [name, t] : attr_types) {
        if (!attrs.count(name)) attrs.emplace(name, Value::Null(t));
      }
      return Value::Object(std::move(attrs), type);
    }
  }
  return ErrorAt(path, "unsupported type");
}

absl::Status Encode(const Value& v, const Type& type, const PathTrail& path,
                    int depth, std::string& out) {
  if (absl::Status s = CheckDepth(depth, path); !s.ok()) return s;
  // A value of a concrete type in a Dynamic slot is written as
  // {"value":...,"type":...}, null ones included, so that its type survives
  // the round trip; only a null of type Dynamic itself is written bare.
  if (type.kind() == TypeKind::kDynamic &&
      v.type().kind() != TypeKind::kDynamic) {
    out += "{\"value\":";
    absl::Status s = Encode(v, v.type(), path, depth, out);
    if (!s.ok()) return s;
    absl::StrAppend(&out, ",\"type\":", v.type().ToJson(), "}");
    return absl::OkStatus();
  }
  if (v.IsNull()) {
    out += "null";
    return absl::OkStatus();
  }
  if (!v.IsKnown()) {
    return ErrorAt(path, "unknown values cannot be written as JSON");
  }
  if (absl::Status s = CheckKnownValueKind(v, type, path); !s.ok()) {
    return s;
  }
  switch (type.kind()) {
    case TypeKind::kString:
      try {
        out += QuoteJson(v.AsString(), /*strict=*/true);
      } catch (const std::exception&) {
        return ErrorAt(path, "string is not valid UTF-8");
      }
      return absl::OkStatus();
    case TypeKind::kNumber:
      if (v.AsNumber().IsInfinity()) {
        return ErrorAt(path, "infinity cannot be written as JSON");
      }
      out += v.AsNumber().ToString();
      return absl::OkStatus();
    case TypeKind::kBool:
      out += v.AsBool() ? "true" : "false";
      return absl::OkStatus();
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple: {
      const auto& elems = v.Elements();
      if (absl::Status s = CheckTupleLength(type, elems.size(), path);
          !s.ok()) {
        return s;
      }
      out += "[";
      for (size_t i = 0; i < elems.size(); ++i) {
        if (i > 0) out += ",";
        const Type& et = ElementTypeAt(type, i);
        absl::Status s = Encode(
            elems[i], et, path.Index(static_cast<int64_t>(i)), depth + 1, out);
        if (!s.ok()) return s;
      }
      out += "]";
      return absl::OkStatus();
    }
    case TypeKind::kMap: {
      out += "{";
      bool first = true;
      for (const auto& [key, e] : v.Entries()) {
        if (!first) out += ",";
        first = false;
        try {
          out += QuoteJson(key, /*strict=*/true);
        } catch (const std::exception&) {
          return ErrorAt(path, "map key is not valid UTF-8");
        }
        out += ":";
        absl::Status s =
            Encode(e, type.element_type(), path.Key(key), depth + 1, out);
        if (!s.ok()) return s;
      }
      out += "}";
      return absl::OkStatus();
    }
    case TypeKind::kObject: {
      const auto& attr_types = type.attribute_types();
      for (const auto& [name, e] : v.Entries()) {
        if (!attr_types.count(name)) {
          return ErrorAt(
              path, absl::StrCat("unsupported attribute ", QuoteJson(name)));
        }
      }
      out += "{";
      bool first = true;
      for (const auto& [name, t] : attr_types) {
        auto it = v.Entries().find(name);
        if (it == v.Entries().end()) {
          return ErrorAt(path,
                         absl::StrCat("missing attribute ", QuoteJson(name)));
        }
        if (!first) out += ",";
        first = false;
        absl::StrAppend(&out, QuoteJson(name), ":");
        absl::Status s = Encode(it->second, t, path.Attr(name), depth + 1, out);
        if (!s.ok()) return s;
      }
      out += "}";
      return absl::OkStatus();
    }
    case TypeKind::kDynamic:
      break;
  }
  return ErrorAt(path, "unsupported type");
}

}  // namespace

absl::StatusOr<Value> DecodeJson(std::string_view json, const Type& type) {
  absl::StatusOr<JsonNode> node =
      types_internal::ParseJson(json, 2 * kMaxValueDepth + 2);
  if (!node.ok()) return node.status();
  return Decode(*node, type, PathTrail(), 0);
}

absl::StatusOr<std::string> EncodeJson(const Value& value, const Type& type) {
  std::string out;
  absl::Status s = Encode(value, type, PathTrail(), 0, out);
  if (!s.ok()) return s;
  return out;
}

}  // namespace tf
