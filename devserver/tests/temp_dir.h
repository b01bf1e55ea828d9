// temp_dir.h: a fresh directory under $TMPDIR, removed with its contents
// when the object goes, also when a test stops at a failed ASSERT.
//   const TempDir temp;
//   const std::string db = temp.path() + "/dev.db";
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>

#include "absl/strings/str_cat.h"

namespace devserver::testing {

class TempDir final {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             absl::StrCat("union-devserver-test-", ::getpid(), "-", counter++))
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

 private:
  std::string path_;
};

}  // namespace devserver::testing
