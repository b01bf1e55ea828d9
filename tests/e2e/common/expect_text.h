// expect_text.h: the e2e suites' check of terraform's output: every one of
// some strings present, none of others. A failure names the string and
// prints the text. Header-only, for tests (it uses GoogleTest).
//   ExpectText(apply.all(), {"Apply complete!"}, {"panic", "hunter2"});
#pragma once

#include <initializer_list>
#include <string>

#include "gtest/gtest.h"
#include "tests/e2e/common/harness.h"

namespace tf_e2e {

inline void ExpectText(const std::string& text,
                       std::initializer_list<std::string> present,
                       std::initializer_list<std::string> absent = {}) {
  for (const std::string& p : present) {
    EXPECT_TRUE(Contains(text, p)) << p << "\n" << text;
  }
  for (const std::string& a : absent) {
    EXPECT_FALSE(Contains(text, a)) << a << "\n" << text;
  }
}

}  // namespace tf_e2e
