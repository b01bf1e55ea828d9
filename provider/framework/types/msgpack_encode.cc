// EncodeMsgpack: a Value to cty msgpack (DynamicValue.msgpack).
#include "provider/framework/types/msgpack.h"

#include <cstring>
#include <msgpack.hpp>

#include "absl/strings/str_cat.h"
#include "provider/framework/types/json_dom.h"
#include "provider/framework/types/msgpack_internal.h"
#include "provider/framework/types/path.h"

namespace tf {
namespace msgpack_internal {
namespace {

class Encoder {
 public:
  Encoder() : packer_(buffer_) {}

  absl::Status Encode(const Value& v, const Type& type, const PathTrail& path,
                      int depth) {
    if (absl::Status s = CheckDepth(depth, path); !s.ok()) return s;
    // A value of a concrete type in a Dynamic slot is written as
    // [type, value], null and unknown ones included, so that its type
    // survives the round trip; only a null or unknown of type Dynamic
    // itself is written bare.
    if (type.kind() == TypeKind::kDynamic &&
        v.type().kind() != TypeKind::kDynamic) {
      std::string type_json = v.type().ToJson();
      packer_.pack_array(2);
      packer_.pack_bin(static_cast<uint32_t>(type_json.size()));
      packer_.pack_bin_body(type_json.data(),
                            static_cast<uint32_t>(type_json.size()));
      return Encode(v, v.type(), path, depth);
    }
    if (v.IsNull()) {
      packer_.pack_nil();
      return absl::OkStatus();
    }
    if (!v.IsKnown()) {
      EncodeUnknown(v.refinements());
      return absl::OkStatus();
    }
    if (absl::Status s = CheckKnownValueKind(v, type, path); !s.ok()) {
      return s;
    }
    switch (type.kind()) {
      case TypeKind::kString:
        packer_.pack_str(static_cast<uint32_t>(v.AsString().size()));
        packer_.pack_str_body(v.AsString().data(),
                              static_cast<uint32_t>(v.AsString().size()));
        return absl::OkStatus();
      case TypeKind::kNumber:
        EncodeNumber(v.AsNumber());
        return absl::OkStatus();
      case TypeKind::kBool:
        if (v.AsBool()) {
          packer_.pack_true();
        } else {
          packer_.pack_false();
        }
        return absl::OkStatus();
      case TypeKind::kList:
      case TypeKind::kSet:
      case TypeKind::kTuple: {
        const auto& elems = v.Elements();
        if (absl::Status s = CheckTupleLength(type, elems.size(), path);
            !s.ok()) {
          return s;
        }
        packer_.pack_array(static_cast<uint32_t>(elems.size()));
        for (size_t i = 0; i < elems.size(); ++i) {
          const Type& et = ElementTypeAt(type, i);
          absl::Status s = Encode(elems[i], et, path.Index(i), depth + 1);
          if (!s.ok()) return s;
        }
        return absl::OkStatus();
      }
      case TypeKind::kMap: {
        packer_.pack_map(static_cast<uint32_t>(v.Entries().size()));
        for (const auto& [key, e] : v.Entries()) {
          packer_.pack_str(static_cast<uint32_t>(key.size()));
          packer_.pack_str_body(key.data(), static_cast<uint32_t>(key.size()));
          absl::Status s =
              Encode(e, type.element_type(), path.Key(key), depth + 1);
          if (!s.ok()) return s;
        }
        return absl::OkStatus();
      }
      case TypeKind::kObject: {
        const auto& attr_types = type.attribute_types();
        for (const auto& [name, e] : v.Entries()) {
          if (!attr_types.count(name)) {
            return ErrorAt(path, absl::StrCat("unsupported attribute ",
                                              types_internal::QuoteJson(name)));
          }
        }
        for (const auto& [name, t] : attr_types) {
          if (!v.Entries().count(name)) {
            return ErrorAt(path, absl::StrCat("missing attribute ",
                                              types_internal::QuoteJson(name)));
          }
        }
        packer_.pack_map(static_cast<uint32_t>(attr_types.size()));
        for (const auto& [name, t] : attr_types) {
          packer_.pack_str(static_cast<uint32_t>(name.size()));
          packer_.pack_str_body(name.data(),
                                static_cast<uint32_t>(name.size()));
          absl::Status s =
              Encode(v.Entries().at(name), t, path.Attr(name), depth + 1);
          if (!s.ok()) return s;
        }
        return absl::OkStatus();
      }
      case TypeKind::kDynamic:
        break;
    }
    return ErrorAt(path, "unsupported type");
  }

  std::string Take() { return std::string(buffer_.data(), buffer_.size()); }

 private:
  static void PackNumber(msgpack::sbuffer& out, const Number& n) {
    msgpack::packer<msgpack::sbuffer> p(out);
    if (std::optional<int64_t> i = n.AsInt64()) {
      p.pack_int64(*i);
    } else if (std::optional<uint64_t> u = n.AsUint64()) {
      p.pack_uint64(*u);
    } else if (n.IsExactDouble()) {
      // Written by hand rather than with packer::pack_double, which folds
      // integral doubles into ints through uint64_t(d): undefined behaviour
      // for 2^64, the one double its range check lets through.
      PackFloat64(out, *n.AsDouble());
    } else {
      std::string text = n.ToString();
      p.pack_str(static_cast<uint32_t>(text.size()));
      p.pack_str_body(text.data(), static_cast<uint32_t>(text.size()));
    }
  }

  // float64: 0xcb and the IEEE 754 bits, big-endian.
  static void PackFloat64(msgpack::sbuffer& out, double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    char buf[9];
    buf[0] = static_cast<char>(0xcb);
    for (int i = 0; i < 8; ++i) {
      buf[1 + i] = static_cast<char>((bits >> (56 - 8 * i)) & 0xff);
    }
    out.write(buf, sizeof buf);
  }

  void EncodeNumber(const Number& n) { PackNumber(buffer_, n); }

  void EncodeUnknown(const Refinements& r) {
    msgpack::sbuffer inner;
    msgpack::packer<msgpack::sbuffer> p(inner);
    uint32_t count = (r.not_null ? 1 : 0) + (r.string_prefix ? 1 : 0) +
                     (r.number_lower ? 1 : 0) + (r.number_upper ? 1 : 0) +
                     (r.length_lower ? 1 : 0) + (r.length_upper ? 1 : 0);
    if (count == 0) {
      const char canonical[] = {0};
      packer_.pack_ext(1, 0);
      packer_.pack_ext_body(canonical, 1);
      return;
    }
    p.pack_map(count);
    if (r.not_null) {
      p.pack_int(kRefineNullness);
      p.pack_false();
    }
    if (r.string_prefix) {
      p.pack_int(kRefineStringPrefix);
      p.pack_str(static_cast<uint32_t>(r.string_prefix->size()));
      p.pack_str_body(r.string_prefix->data(),
                      static_cast<uint32_t>(r.string_prefix->size()));
    }
    auto bound = [&](int key, const std::optional<std::pair<Number, bool>>& b) {
      if (!b) return;
      p.pack_int(key);
      p.pack_array(2);
      PackNumber(inner, b->first);
      if (b->second) {
        p.pack_true();
      } else {
        p.pack_false();
      }
    };
    bound(kRefineNumberLower, r.number_lower);
    bound(kRefineNumberUpper, r.number_upper);
    if (r.length_lower) {
      p.pack_int(kRefineLengthLower);
      p.pack_int64(*r.length_lower);
    }
    if (r.length_upper) {
      p.pack_int(kRefineLengthUpper);
      p.pack_int64(*r.length_upper);
    }
    packer_.pack_ext(inner.size(), kRefinedUnknownExt);
    packer_.pack_ext_body(inner.data(), static_cast<uint32_t>(inner.size()));
  }

  msgpack::sbuffer buffer_;
  msgpack::packer<msgpack::sbuffer> packer_;
};

}  // namespace
}  // namespace msgpack_internal

absl::StatusOr<std::string> EncodeMsgpack(const Value& value,
                                          const Type& type) {
  msgpack_internal::Encoder encoder;
  absl::Status s =
      encoder.Encode(value, type, msgpack_internal::PathTrail(), 0);
  if (!s.ok()) return s;
  return encoder.Take();
}

}  // namespace tf
