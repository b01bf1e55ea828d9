// DecodeMsgpack: cty msgpack (DynamicValue.msgpack) to a Value.
#include "provider/framework/types/msgpack.h"

#include <cmath>
#include <msgpack.hpp>

#include "absl/strings/str_cat.h"
#include "provider/framework/types/json_dom.h"
#include "provider/framework/types/msgpack_internal.h"
#include "provider/framework/types/path.h"

namespace tf {
namespace msgpack_internal {
namespace {

// msgpack nesting allowed by the parser: each value level may add a
// [type, value] wrapper for Dynamic.
constexpr size_t kMaxWireDepth = 2 * kMaxValueDepth + 2;

const char* WireKindName(const msgpack::object& o) {
  switch (o.type) {
    case msgpack::type::NIL:
      return "nil";
    case msgpack::type::BOOLEAN:
      return "bool";
    case msgpack::type::POSITIVE_INTEGER:
    case msgpack::type::NEGATIVE_INTEGER:
      return "integer";
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64:
      return "float";
    case msgpack::type::STR:
      return "string";
    case msgpack::type::BIN:
      return "binary";
    case msgpack::type::ARRAY:
      return "array";
    case msgpack::type::MAP:
      return "map";
    case msgpack::type::EXT:
      return "extension";
  }
  return "unknown";
}

absl::Status Mismatch(const PathTrail& path, absl::string_view expected,
                      const msgpack::object& got) {
  return ErrorAt(
      path, absl::StrCat("expected ", expected, ", got ", WireKindName(got)));
}

// Parses one msgpack document, requiring it to fill `bytes` exactly. Size
// limits derive from the input length (every element takes at least a
// byte), so a huge declared length cannot make the parser allocate.
absl::StatusOr<msgpack::object_handle> Unpack(std::string_view bytes,
                                              size_t max_depth) {
  size_t off = 0;
  msgpack::object_handle handle;
  const size_t n = bytes.size();
  try {
    msgpack::unpack_limit limit(n, n, n, n, n, max_depth);
    handle = msgpack::unpack(bytes.data(), n, off, nullptr, nullptr, limit);
  } catch (const msgpack::insufficient_bytes&) {
    return absl::InvalidArgumentError("malformed msgpack: truncated input");
  } catch (const msgpack::depth_size_overflow&) {
    return absl::InvalidArgumentError(absl::StrCat(
        "malformed msgpack: nested deeper than ", kMaxValueDepth, " levels"));
  } catch (const msgpack::size_overflow&) {
    return absl::InvalidArgumentError(
        "malformed msgpack: declared length exceeds the input");
  } catch (const std::exception&) {
    return absl::InvalidArgumentError("malformed msgpack");
  }
  if (off != n) {
    return absl::InvalidArgumentError(absl::StrCat(
        "malformed msgpack: ", n - off, " trailing bytes after the value"));
  }
  return handle;
}

absl::StatusOr<Number> WireNumber(const msgpack::object& o,
                                  const PathTrail& path) {
  switch (o.type) {
    case msgpack::type::POSITIVE_INTEGER:
      return Number::FromUint(o.via.u64);
    case msgpack::type::NEGATIVE_INTEGER:
      return Number::FromInt(o.via.i64);
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64:
      if (std::isnan(o.via.f64)) return ErrorAt(path, "NaN is not a number");
      return Number::FromDouble(o.via.f64);
    case msgpack::type::STR: {
      absl::StatusOr<Number> n =
          Number::FromString(std::string_view(o.via.str.ptr, o.via.str.size));
      if (!n.ok()) return ErrorAt(path, n.status().message());
      return n;
    }
    default:
      return Mismatch(path, "number", o);
  }
}

absl::StatusOr<int64_t> WireLength(const msgpack::object& o,
                                   const PathTrail& path) {
  if (o.type == msgpack::type::POSITIVE_INTEGER &&
      o.via.u64 <= static_cast<uint64_t>(INT64_MAX)) {
    return static_cast<int64_t>(o.via.u64);
  }
  if (o.type == msgpack::type::NEGATIVE_INTEGER) return o.via.i64;
  return Mismatch(path, "length bound integer", o);
}

absl::StatusOr<std::pair<Number, bool>> WireBound(const msgpack::object& o,
                                                  const PathTrail& path) {
  if (o.type != msgpack::type::ARRAY || o.via.array.size != 2 ||
      o.via.array.ptr[1].type != msgpack::type::BOOLEAN) {
    return ErrorAt(path, "invalid number bound refinement");
  }
  absl::StatusOr<Number> n = WireNumber(o.via.array.ptr[0], path);
  if (!n.ok()) return n.status();
  return std::make_pair(*std::move(n), o.via.array.ptr[1].via.boolean);
}

// Refinements of an extension-type-12 unknown.
absl::StatusOr<Refinements> DecodeRefinements(std::string_view payload,
                                              const PathTrail& path) {
  Refinements r;
  if (payload.empty()) return r;
  absl::StatusOr<msgpack::object_handle> handle = Unpack(payload, 4);
  if (!handle.ok()) {
    return ErrorAt(path, absl::StrCat("invalid unknown value refinements: ",
                                      handle.status().message()));
  }
  const msgpack::object& m = handle->get();
  if (m.type != msgpack::type::MAP) {
    return ErrorAt(path, "invalid unknown value refinements: not a map");
  }
  for (uint32_t i = 0; i < m.via.map.size; ++i) {
    const msgpack::object& k = m.via.map.ptr[i].key;
    const msgpack::object& v = m.via.map.ptr[i].val;
    if (k.type != msgpack::type::POSITIVE_INTEGER) continue;  // not ours
    switch (k.via.u64) {
      case kRefineNullness:
        if (v.type != msgpack::type::BOOLEAN) {
          return ErrorAt(path, "invalid nullness refinement");
        }
        r.not_null = !v.via.boolean;
        break;
      case kRefineStringPrefix:
        if (v.type != msgpack::type::STR) {
          return ErrorAt(path, "invalid string prefix refinement");
        }
        r.string_prefix = std::string(v.via.str.ptr, v.via.str.size);
        break;
      case kRefineNumberLower:
      case kRefineNumberUpper: {
        absl::StatusOr<std::pair<Number, bool>> b = WireBound(v, path);
        if (!b.ok()) return b.status();
        (k.via.u64 == kRefineNumberLower ? r.number_lower : r.number_upper) =
            *std::move(b);
        break;
      }
      case kRefineLengthLower:
      case kRefineLengthUpper: {
        absl::StatusOr<int64_t> len = WireLength(v, path);
        if (!len.ok()) return len.status();
        (k.via.u64 == kRefineLengthLower ? r.length_lower : r.length_upper) =
            *len;
        break;
      }
      default:
        break;  // unknown keys are ignored
    }
  }
  return r;
}

class Decoder {
 public:
  absl::StatusOr<Value> Decode(const msgpack::object& o, const Type& type,
                               const PathTrail& path, int depth) {
    if (absl::Status s = CheckDepth(depth, path); !s.ok()) return s;
    if (o.type == msgpack::type::NIL) return Value::Null(type);
    if (o.type == msgpack::type::EXT) {
      if (o.via.ext.type() != kRefinedUnknownExt) return Value::Unknown(type);
      absl::StatusOr<Refinements> r = DecodeRefinements(
          std::string_view(o.via.ext.data(), o.via.ext.size), path);
      if (!r.ok()) return r.status();
      return Value::Unknown(type, *std::move(r));
    }
    switch (type.kind()) {
      case TypeKind::kString:
        if (o.type != msgpack::type::STR) return Mismatch(path, "string", o);
        return Value::String(std::string(o.via.str.ptr, o.via.str.size));
      case TypeKind::kNumber: {
        absl::StatusOr<Number> n = WireNumber(o, path);
        if (!n.ok()) return n.status();
        return Value::Num(*std::move(n));
      }
      case TypeKind::kBool:
        if (o.type != msgpack::type::BOOLEAN) return Mismatch(path, "bool", o);
        return Value::Bool(o.via.boolean);
      case TypeKind::kDynamic:
        return DecodeDynamic(o, path, depth);
      case TypeKind::kList:
      case TypeKind::kSet:
      case TypeKind::kTuple:
        return DecodeSequence(o, type, path, depth);
      case TypeKind::kMap:
        return DecodeMap(o, type, path, depth);
      case TypeKind::kObject:
        return DecodeObject(o, type, path, depth);
    }
    return ErrorAt(path, "unsupported type");
  }

 private:
  absl::StatusOr<Value> DecodeDynamic(const msgpack::object& o,
                                      const PathTrail& path, int depth) {
    if (o.type != msgpack::type::ARRAY || o.via.array.size != 2) {
      return ErrorAt(path, absl::StrCat("expected a [type, value] array for a "
                                        "dynamic value, got ",
                                        WireKindName(o)));
    }
    const msgpack::object& t = o.via.array.ptr[0];
    std::string_view type_json;
    if (t.type == msgpack::type::BIN) {
      type_json = std::string_view(t.via.bin.ptr, t.via.bin.size);
    } else if (t.type == msgpack::type::STR) {
      type_json = std::string_view(t.via.str.ptr, t.via.str.size);
    } else {
      return Mismatch(path, "type JSON of a dynamic value", t);
    }
    absl::StatusOr<Type> type = Type::FromJson(type_json);
    if (!type.ok()) return ErrorAt(path, type.status().message());
    if (type->kind() == TypeKind::kDynamic) {
      return ErrorAt(path, "the type of a dynamic value must be concrete");
    }
    return Decode(o.via.array.ptr[1], *type, path, depth);
  }

  absl::StatusOr<Value> DecodeSequence(const msgpack::object& o,
                                       const Type& type, const PathTrail& path,
                                       int depth) {
    if (o.type != msgpack::type::ARRAY) {
      return Mismatch(path, type.FriendlyName(), o);
    }
    const uint32_t n = o.via.array.size;
    if (absl::Status s = CheckTupleLength(type, n, path); !s.ok()) return s;
    std::vector<Value> elems;
    elems.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
      const Type& et = ElementTypeAt(type, i);
      absl::StatusOr<Value> e =
          Decode(o.via.array.ptr[i], et, path.Index(i), depth + 1);
      if (!e.ok()) return e.status();
      elems.push_back(*std::move(e));
    }
    switch (type.kind()) {
      case TypeKind::kList:
        return Value::List(type.element_type(), std::move(elems));
      case TypeKind::kSet:
        return Value::Set(type.element_type(), std::move(elems));
      default:
        return Value::Tuple(std::move(elems));
    }
  }

  absl::StatusOr<Value> DecodeMap(const msgpack::object& o, const Type& type,
                                  const PathTrail& path, int depth) {
    if (o.type != msgpack::type::MAP)
      return Mismatch(path, type.FriendlyName(), o);
    std::map<std::string, Value> entries;
    for (uint32_t i = 0; i < o.via.map.size; ++i) {
      const msgpack::object& k = o.via.map.ptr[i].key;
      if (k.type != msgpack::type::STR)
        return Mismatch(path, "string map key", k);
      std::string_view key(k.via.str.ptr, k.via.str.size);
      PathTrail at = path.Key(key);
      absl::StatusOr<Value> v =
          Decode(o.via.map.ptr[i].val, type.element_type(), at, depth + 1);
      if (!v.ok()) return v.status();
      if (!entries.emplace(key, *std::move(v)).second) {
        return ErrorAt(at, "duplicate map key");
      }
    }
    return Value::Map(type.element_type(), std::move(entries));
  }

  absl::StatusOr<Value> DecodeObject(const msgpack::object& o, const Type& type,
                                     const PathTrail& path, int depth) {
    if (o.type != msgpack::type::MAP) return Mismatch(path, "object", o);
    const auto& attr_types = type.attribute_types();
    std::map<std::string, Value> attrs;
    for (uint32_t i = 0; i < o.via.map.size; ++i) {
      const msgpack::object& k = o.via.map.ptr[i].key;
      if (k.type != msgpack::type::STR) {
        return Mismatch(path, "string attribute name", k);
      }
      std::string name(k.via.str.ptr, k.via.str.size);
      auto it = attr_types.find(name);
      if (it == attr_types.end()) {
        return ErrorAt(path, absl::StrCat("unsupported attribute ",
                                          types_internal::QuoteJson(name)));
      }
      PathTrail at = path.Attr(std::string_view(k.via.str.ptr, k.via.str.size));
      absl::StatusOr<Value> v =
          Decode(o.via.map.ptr[i].val, it->second, at, depth + 1);
      if (!v.ok()) return v.status();
      if (!attrs.emplace(std::move(name), *std::move(v)).second) {
        return ErrorAt(at, "duplicate attribute");
      }
    }
    if (attrs.size() != attr_types.size()) {
      for (const auto& [name, t] : attr_types) {
        if (!attrs.count(name)) {
          return ErrorAt(path, absl::StrCat("expected ", attr_types.size(),
                                            " attributes, got ", attrs.size(),
                                            ": missing attribute ",
                                            types_internal::QuoteJson(name)));
        }
      }
    }
    return Value::Object(std::move(attrs), type);
  }
};

}  // namespace
}  // namespace msgpack_internal

absl::StatusOr<Value> DecodeMsgpack(std::string_view bytes, const Type& type) {
  if (bytes.empty()) return Value::Null(type);
  absl::StatusOr<msgpack::object_handle> handle =
      msgpack_internal::Unpack(bytes, msgpack_internal::kMaxWireDepth);
  if (!handle.ok()) return handle.status();
  msgpack_internal::Decoder decoder;
  return decoder.Decode(handle->get(), type, msgpack_internal::PathTrail(), 0);
}

}  // namespace tf
