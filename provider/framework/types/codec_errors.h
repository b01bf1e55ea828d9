// codec_errors.h: what the cty codecs (json.cc, msgpack_decode.cc,
// msgpack_encode.cc) share: their errors and how they walk a value.
// Internal to provider/framework/types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "provider/framework/types/msgpack.h"
#include "provider/framework/types/path.h"
#include "provider/framework/types/type.h"
#include "provider/framework/types/value.h"

namespace tf::types_internal {

// Where a codec is inside the value: each level refers to its parent and to
// the caller's name or key, and copies nothing. ToPath() builds the Path,
// which only an error message needs. The names (and the parent) must
// outlive the trail.
class PathTrail {
 public:
  PathTrail() = default;  // the root
  PathTrail Attr(std::string_view name) const {
    return PathTrail(this, PathStep::kAttribute, name, 0);
  }
  PathTrail Key(std::string_view key) const {
    return PathTrail(this, PathStep::kKeyString, key, 0);
  }
  PathTrail Index(int64_t i) const {
    return PathTrail(this, PathStep::kKeyInt, {}, i);
  }
  bool empty() const { return parent_ == nullptr; }
  Path ToPath() const {
    if (parent_ == nullptr) return Path();
    Path p = parent_->ToPath();
    switch (kind_) {
      case PathStep::kAttribute:
        return p.Attr(std::string(name_));
      case PathStep::kKeyString:
        return p.Key(std::string(name_));
      case PathStep::kKeyInt:
        return p.Index(index_);
    }
    return p;
  }

 private:
  PathTrail(const PathTrail* parent, PathStep::Kind kind, std::string_view name,
            int64_t index)
      : parent_(parent), kind_(kind), name_(name), index_(index) {}
  const PathTrail* parent_ = nullptr;
  PathStep::Kind kind_ = PathStep::kAttribute;
  std::string_view name_;
  int64_t index_ = 0;
};

// InvalidArgument `message`, prefixed with "at <path>: " unless `path` is the
// root.
inline absl::Status ErrorAt(const Path& path, absl::string_view message) {
  if (path.empty()) return absl::InvalidArgumentError(message);
  return absl::InvalidArgumentError(
      absl::StrCat("at ", path.ToString(), ": ", message));
}

inline absl::Status ErrorAt(const PathTrail& path, absl::string_view message) {
  return ErrorAt(path.ToPath(), message);
}

// OK unless a codec at `depth` is deeper than kMaxValueDepth.
inline absl::Status CheckDepth(int depth, const PathTrail& path) {
  if (depth <= kMaxValueDepth) return absl::OkStatus();
  return ErrorAt(
      path, absl::StrCat("nested deeper than ", kMaxValueDepth, " levels"));
}

// What an encoder requires of a known, non-null value `v` written as
// `type`: a concrete type of the same kind.
inline absl::Status CheckKnownValueKind(const Value& v, const Type& type,
                                        const PathTrail& path) {
  if (type.kind() == TypeKind::kDynamic) {
    return ErrorAt(path, "a known value must have a concrete type");
  }
  if (v.type().kind() != type.kind()) {
    return ErrorAt(path, absl::StrCat("expected ", type.FriendlyName(),
                                      ", got ", v.type().FriendlyName()));
  }
  return absl::OkStatus();
}

// The type of element `i` of a list, set or tuple of `type` (the codecs
// walk all three alike).
inline const Type& ElementTypeAt(const Type& type, size_t i) {
  return type.kind() == TypeKind::kTuple ? type.tuple_types()[i]
                                         : type.element_type();
}

// OK unless `type` is a tuple of other than `elements` elements.
inline absl::Status CheckTupleLength(const Type& type, size_t elements,
                                     const PathTrail& path) {
  if (type.kind() != TypeKind::kTuple ||
      elements == type.tuple_types().size()) {
    return absl::OkStatus();
  }
  return ErrorAt(path,
                 absl::StrCat("expected a tuple of ", type.tuple_types().size(),
                              " elements, got ", elements));
}

}  // namespace tf::types_internal
