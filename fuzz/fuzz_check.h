// fuzz_check.h: how a fuzz target reports a broken property.
//
//   if (again != first) fuzz::Fail("round trip changed the value", detail);
//
// Fail prints both strings to stderr and aborts; libFuzzer then reports the
// input as a crash and saves it. Fuzz inputs are not secrets, so `detail`
// may show decoded values (but never a real key's secret: the targets only
// ever see fuzzer-made data).
#pragma once

#include <string_view>

namespace fuzz {

[[noreturn]] void Fail(std::string_view what, std::string_view detail = {});

}  // namespace fuzz
