// temp_dir.h: a fresh directory under $TMPDIR for a test, removed with its
// contents when the object goes, also when the test stops at a failed
// ASSERT.
//   const tfpu::TempDir dir;
//   const std::string db = dir.File("dev.db");
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "absl/strings/str_cat.h"

namespace tfpu {

class TempDir final {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             absl::StrCat("tfpu-test-", ::getpid(), "-", counter++))
                .string();
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // The path of `name` inside the directory.
  std::string File(std::string_view name) const {
    return path_ + "/" + std::string(name);
  }

 private:
  std::string path_;
};

}  // namespace tfpu
