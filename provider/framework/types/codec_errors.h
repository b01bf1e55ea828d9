// codec_errors.h: the errors the cty codecs (json.cc, msgpack_decode.cc,
// msgpack_encode.cc) report alike. Internal to provider/framework/types.
#pragma once

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "provider/framework/types/path.h"
#include "provider/framework/types/type.h"

namespace tf::types_internal {

// InvalidArgument `message`, prefixed with "at <path>: " unless `path` is the
// root.
inline absl::Status ErrorAt(const Path& path, absl::string_view message) {
  if (path.empty()) return absl::InvalidArgumentError(message);
  return absl::InvalidArgumentError(
      absl::StrCat("at ", path.ToString(), ": ", message));
}

// OK unless `type` is a tuple of other than `elements` elements.
inline absl::Status CheckTupleLength(const Type& type, size_t elements,
                                     const Path& path) {
  if (type.kind() != TypeKind::kTuple ||
      elements == type.tuple_types().size()) {
    return absl::OkStatus();
  }
  return ErrorAt(path, absl::StrCat("expected a tuple of ",
                                    type.tuple_types().size(),
                                    " elements, got ", elements));
}

}  // namespace tf::types_internal
