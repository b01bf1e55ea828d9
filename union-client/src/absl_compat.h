// Internal: Debian's Abseil has its own absl::string_view (not std's).
#pragma once

#include <string_view>

#include "absl/strings/string_view.h"

namespace unionc::internal {

inline absl::string_view Av(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}
inline std::string_view Sv(absl::string_view s) {
  return std::string_view(s.data(), s.size());
}

}  // namespace unionc::internal
