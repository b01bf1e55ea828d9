// log_capture.h: every line the provider log writes while the object
// lives, at `level` and above; the sink and level are reset when it goes.
// Header-only, so tf_log's own tests use it without linking tf_testing.
//   tf::testing::LogCapture log{tf::log::Level::kDebug};
//   ... EXPECT_EQ(log.Lines().size(), 1u);
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "provider/framework/log/log.h"

namespace tf::testing {

class LogCapture final {
 public:
  explicit LogCapture(log::Level level) {
    log::SetSinkForTesting([this](std::string_view line) {
      std::lock_guard<std::mutex> lock(mu_);
      lines_.emplace_back(line);
    });
    log::SetLevel(level);
  }
  ~LogCapture() {
    log::SetSinkForTesting(nullptr);
    log::SetLevel(log::Level::kOff);
  }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;

  std::vector<std::string> Lines() const {
    std::lock_guard<std::mutex> lock(mu_);
    return lines_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::string> lines_;
};

}  // namespace tf::testing
