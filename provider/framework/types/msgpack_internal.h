// msgpack_internal.h: what the cty msgpack decoder (msgpack_decode.cc) and
// encoder (msgpack_encode.cc) share. Internal to provider/framework/types.
#pragma once

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "provider/framework/types/path.h"

namespace tf::msgpack_internal {

// Extension type of a refined unknown value.
inline constexpr int8_t kRefinedUnknownExt = 12;
// Refinement map keys.
inline constexpr int kRefineNullness = 1;
inline constexpr int kRefineStringPrefix = 2;
inline constexpr int kRefineNumberLower = 3;
inline constexpr int kRefineNumberUpper = 4;
inline constexpr int kRefineLengthLower = 5;
inline constexpr int kRefineLengthUpper = 6;

// InvalidArgument `message`, prefixed with "at <path>: " unless `path` is the
// root.
inline absl::Status ErrorAt(const Path& path, absl::string_view message) {
  if (path.empty()) return absl::InvalidArgumentError(message);
  return absl::InvalidArgumentError(
      absl::StrCat("at ", path.ToString(), ": ", message));
}

}  // namespace tf::msgpack_internal
