#include "provider/framework/plugin/internal/handshake.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace tf::plugin::internal {
namespace {

TEST(CheckMagicCookie, AcceptsOnlyTheTerraformCookie) {
  EXPECT_TRUE(CheckMagicCookie(kMagicCookieValue).ok());
  EXPECT_FALSE(CheckMagicCookie(nullptr).ok());
  EXPECT_FALSE(CheckMagicCookie("").ok());
  EXPECT_FALSE(CheckMagicCookie("d602bf8f").ok());
  std::string longer = std::string(kMagicCookieValue) + "0";
  EXPECT_FALSE(CheckMagicCookie(longer.c_str()).ok());
  EXPECT_EQ(CheckMagicCookie(nullptr).code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(CheckProtocolVersions, RequiresSixInAnyOrder) {
  EXPECT_TRUE(CheckProtocolVersions(nullptr).ok());
  EXPECT_TRUE(CheckProtocolVersions("").ok());
  EXPECT_TRUE(CheckProtocolVersions("6").ok());
  EXPECT_TRUE(CheckProtocolVersions("6,5").ok());
  EXPECT_TRUE(CheckProtocolVersions("5,6").ok());
  EXPECT_TRUE(CheckProtocolVersions("4, 6 ,5").ok());
  EXPECT_FALSE(CheckProtocolVersions("5").ok());
  EXPECT_FALSE(CheckProtocolVersions("5,66").ok());
  EXPECT_FALSE(CheckProtocolVersions("16").ok());
}

TEST(Base64NoPadding, StandardAlphabetWithoutPadding) {
  EXPECT_EQ(Base64NoPadding(""), "");
  EXPECT_EQ(Base64NoPadding("f"), "Zg");
  EXPECT_EQ(Base64NoPadding("fo"), "Zm8");
  EXPECT_EQ(Base64NoPadding("foo"), "Zm9v");
  EXPECT_EQ(Base64NoPadding("\xfb\xff\xbf"), "+/+/");  // not URL-safe
}

TEST(HandshakeLine, GoPluginFormat) {
  EXPECT_EQ(HandshakeLine("/tmp/x/plugin.sock", "fo"),
            "1|6|unix|/tmp/x/plugin.sock|grpc|Zm8\n");
  EXPECT_EQ(HandshakeLine("/tmp/x/plugin.sock", ""),
            "1|6|unix|/tmp/x/plugin.sock|grpc|\n");
}

TEST(ReattachJson, NamesAddressPidAndSocket) {
  auto json = nlohmann::json::parse(ReattachJson(
      "registry.terraform.io/acme/demo", 42, "/tmp/a/plugin.sock"));
  ASSERT_TRUE(json.contains("registry.terraform.io/acme/demo"));
  const auto& entry = json["registry.terraform.io/acme/demo"];
  EXPECT_EQ(entry["Protocol"], "grpc");
  EXPECT_EQ(entry["ProtocolVersion"], 6);
  EXPECT_EQ(entry["Pid"], 42);
  EXPECT_EQ(entry["Test"], true);
  EXPECT_EQ(entry["Addr"]["Network"], "unix");
  EXPECT_EQ(entry["Addr"]["String"], "/tmp/a/plugin.sock");
}

}  // namespace
}  // namespace tf::plugin::internal
