#include "devserver/src/bind_address.h"

#include "gtest/gtest.h"

namespace devserver {
namespace {

TEST(BindAddressTest, Loopback) {
  for (const char* a : {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost",
                        "LocalHost", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"}) {
    EXPECT_TRUE(IsLoopbackAddress(a)) << a;
    EXPECT_FALSE(IsWildcardAddress(a)) << a;
  }
}

TEST(BindAddressTest, Wildcards) {
  for (const char* a : {"0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0", "::0"}) {
    EXPECT_TRUE(IsWildcardAddress(a)) << a;
    EXPECT_FALSE(IsLoopbackAddress(a)) << a;
  }
}

TEST(BindAddressTest, OtherAddressesAreNeither) {
  for (const char* a : {"192.168.1.10", "10.0.0.1", "fe80::1", "example.com",
                        "128.0.0.1", ""}) {
    EXPECT_FALSE(IsLoopbackAddress(a)) << a;
    EXPECT_FALSE(IsWildcardAddress(a)) << a;
  }
}

}  // namespace
}  // namespace devserver
