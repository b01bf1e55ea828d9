#include "provider/framework/server/values.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tf::server {
namespace {

// Rebuilds a known, non-null collection/object `v` with `f` applied to each
// element.
template <typename F>
Value MapChildren(const Value& v, F f) {
  const Type& t = v.type();
  switch (t.kind()) {
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple: {
      std::vector<Value> elems;
      for (const Value& e : v.Elements()) elems.push_back(f(e));
      if (t.kind() == TypeKind::kList) {
        return Value::List(t.element_type(), std::move(elems));
      }
      if (t.kind() == TypeKind::kSet) {
        return Value::Set(t.element_type(), std::move(elems));
      }
      return Value::Tuple(std::move(elems));
    }
    case TypeKind::kMap:
    case TypeKind::kObject: {
      std::map<std::string, Value> entries;
      for (const auto& [k, e] : v.Entries()) entries.emplace(k, f(e));
      if (t.kind() == TypeKind::kMap) {
        return Value::Map(t.element_type(), std::move(entries));
      }
      return Value::Object(std::move(entries));
    }
    default:
      return v;
  }
}

bool IsContainer(const Value& v) {
  if (!v.IsKnown() || v.IsNull()) return false;
  switch (v.type().kind()) {
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple:
    case TypeKind::kMap:
    case TypeKind::kObject:
      return true;
    default:
      return false;
  }
}

}  // namespace

Value NullWriteOnly(const Block& block, const Value& object) {
  if (!object.IsKnown() || object.IsNull() ||
      object.type().kind() != TypeKind::kObject) {
    return object;
  }
  Value out = object;
  for (const Attribute& a : block.attributes) {
    if (a.write_only && !object.Attr(a.name).IsNull()) {
      out = out.WithAttr(a.name, Value::Null(a.type));
    }
  }
  for (const NestedBlock& nb : block.blocks) {
    if (!HasWriteOnly(nb.block)) continue;
    const Value& child = object.Attr(nb.type_name);
    if (!child.IsKnown() || child.IsNull()) continue;
    if (nb.nesting == Nesting::kSingle) {
      out = out.WithAttr(nb.type_name, NullWriteOnly(nb.block, child));
    } else {
      out = out.WithAttr(nb.type_name, MapChildren(child, [&](const Value& e) {
                           return NullWriteOnly(nb.block, e);
                         }));
    }
  }
  return out;
}

Value UnknownAsNull(const Value& value) {
  if (!value.IsKnown()) return Value::Null(value.type());
  if (value.IsWhollyKnown() || !IsContainer(value)) return value;
  return MapChildren(value, [](const Value& e) { return UnknownAsNull(e); });
}

std::optional<Path> FirstUnknown(const Value& value, const Path& base) {
  if (!value.IsKnown()) return base;
  if (value.IsWhollyKnown() || !IsContainer(value)) return std::nullopt;
  switch (value.type().kind()) {
    case TypeKind::kObject:
      for (const auto& [k, e] : value.Entries()) {
        if (auto p = FirstUnknown(e, base.Attr(k))) return p;
      }
      break;
    case TypeKind::kMap:
      for (const auto& [k, e] : value.Entries()) {
        if (auto p = FirstUnknown(e, base.Key(k))) return p;
      }
      break;
    default: {
      int64_t i = 0;
      for (const Value& e : value.Elements()) {
        if (auto p = FirstUnknown(e, base.Index(i))) return p;
        ++i;
      }
    }
  }
  return base;  // unknown somewhere we could not name more precisely
}

Value EmptyObject(const Block& block) {
  std::map<std::string, Value> attrs;
  for (const Attribute& a : block.attributes) {
    attrs.emplace(a.name, Value::Null(a.type));
  }
  for (const NestedBlock& nb : block.blocks) {
    Type object = nb.block.ValueType();
    switch (nb.nesting) {
      case Nesting::kSingle:
        attrs.emplace(nb.type_name, Value::Null(object));
        break;
      case Nesting::kList:
        attrs.emplace(nb.type_name, Value::List(object, {}));
        break;
      case Nesting::kSet:
        attrs.emplace(nb.type_name, Value::Set(object, {}));
        break;
    }
  }
  return Value::Object(std::move(attrs));
}

bool HasWriteOnly(const Block& block) {
  for (const Attribute& a : block.attributes) {
    if (a.write_only) return true;
  }
  for (const NestedBlock& nb : block.blocks) {
    if (HasWriteOnly(nb.block)) return true;
  }
  return false;
}

}  // namespace tf::server
