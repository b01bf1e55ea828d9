// msgpack_internal.h: what the cty msgpack decoder (msgpack_decode.cc) and
// encoder (msgpack_encode.cc) share. Internal to provider/framework/types.
#pragma once

#include <cstdint>

#include "provider/framework/types/codec_errors.h"

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

using types_internal::CheckDepth;
using types_internal::CheckKnownValueKind;
using types_internal::CheckTupleLength;
using types_internal::ElementTypeAt;
using types_internal::ErrorAt;
using types_internal::PathTrail;

}  // namespace tf::msgpack_internal
