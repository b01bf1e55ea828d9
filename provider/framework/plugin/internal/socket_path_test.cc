#include "provider/framework/plugin/internal/socket_path.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>

namespace tf::plugin::internal {
namespace {

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

class SocketPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/tfpu-sp-test-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    base_ = tmpl;
    ::setenv("PLUGIN_UNIX_SOCKET_DIR", base_.c_str(), 1);
  }
  void TearDown() override {
    ::unsetenv("PLUGIN_UNIX_SOCKET_DIR");
    ::rmdir(base_.c_str());
  }
  std::string base_;
};

TEST_F(SocketPathTest, FreshPrivateDirectoryUnderConfiguredBase) {
  absl::StatusOr<SocketPath> a = SocketPath::Create();
  absl::StatusOr<SocketPath> b = SocketPath::Create();
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_NE(a->path(), b->path());
  EXPECT_EQ(a->path().rfind(base_ + "/", 0), 0u) << a->path();
  EXPECT_LE(a->path().size(), kMaxSocketPathLength);
  struct stat st;
  ASSERT_EQ(::stat(a->directory().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_FALSE(Exists(a->path()));
}

TEST_F(SocketPathTest, RemovesSocketAndDirectory) {
  std::string dir, path;
  {
    absl::StatusOr<SocketPath> s = SocketPath::Create();
    ASSERT_TRUE(s.ok());
    dir = s->directory();
    path = s->path();
    std::ofstream(path) << "x";  // stands in for the bound socket
    ASSERT_TRUE(Exists(path));
    SocketPath moved = std::move(*s);
    EXPECT_EQ(moved.path(), path);
  }
  EXPECT_FALSE(Exists(path));
  EXPECT_FALSE(Exists(dir));
}

TEST_F(SocketPathTest, FallsBackToTmpdirAndRejectsLongBases) {
  ::unsetenv("PLUGIN_UNIX_SOCKET_DIR");
  ::setenv("TMPDIR", base_.c_str(), 1);
  {
    absl::StatusOr<SocketPath> s = SocketPath::Create();
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->path().rfind(base_ + "/", 0), 0u);
  }
  std::string long_base = "/tmp/" + std::string(120, 'd');
  ::setenv("PLUGIN_UNIX_SOCKET_DIR", long_base.c_str(), 1);
  absl::StatusOr<SocketPath> s = SocketPath::Create();
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
  ::unsetenv("TMPDIR");
}

}  // namespace
}  // namespace tf::plugin::internal
