#include "fuzz/fuzz_check.h"

#include <cstdio>
#include <cstdlib>

namespace fuzz {

void Fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "FUZZ PROPERTY VIOLATED: %.*s\n%.*s\n",
               static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

}  // namespace fuzz
