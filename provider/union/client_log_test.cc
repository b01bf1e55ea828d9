// client_log_test.cc: union-client's log lines reach the provider's hclog
// output at the matching level, with registered secrets removed.
#include "provider/union/client_log.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "provider/framework/log/log.h"
#include "provider/framework/testing/log_capture.h"
#include "union/log.h"

namespace union_provider {
namespace {

class ClientLogTest : public ::testing::Test {
 protected:
  void SetUp() override { ForwardClientLogs(); }
  void TearDown() override { unionc::SetLogSink(nullptr); }
  std::vector<std::string> Lines() const { return capture_.Lines(); }

  tf::testing::LogCapture capture_{tf::log::Level::kDebug};
};

TEST_F(ClientLogTest, LevelsMapOneToOne) {
  EXPECT_EQ(HclogLevel(unionc::LogLevel::kTrace), tf::log::Level::kTrace);
  EXPECT_EQ(HclogLevel(unionc::LogLevel::kDebug), tf::log::Level::kDebug);
  EXPECT_EQ(HclogLevel(unionc::LogLevel::kInfo), tf::log::Level::kInfo);
  EXPECT_EQ(HclogLevel(unionc::LogLevel::kWarn), tf::log::Level::kWarn);
  EXPECT_EQ(HclogLevel(unionc::LogLevel::kError), tf::log::Level::kError);
}

TEST_F(ClientLogTest, ClientLineReachesHclogAtItsLevel) {
  unionc::Log(unionc::LogLevel::kDebug,
              "union-client: Create failed with code 14; retry 1 of 3");
  unionc::Log(unionc::LogLevel::kWarn, "union-client: slow answer");
  std::vector<std::string> lines = Lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("\"@level\":\"debug\""), std::string::npos)
      << lines[0];
  EXPECT_NE(lines[0].find("retry 1 of 3"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("\"logger\":\"union-client\""), std::string::npos)
      << lines[0];
  EXPECT_NE(lines[1].find("\"@level\":\"warn\""), std::string::npos)
      << lines[1];
}

TEST_F(ClientLogTest, LinesBelowTheProviderLevelAreDropped) {
  tf::log::SetLevel(tf::log::Level::kInfo);
  unionc::Log(unionc::LogLevel::kDebug, "union-client: token refreshed");
  unionc::Log(unionc::LogLevel::kTrace, "union-client: bytes");
  EXPECT_TRUE(Lines().empty());
  unionc::Log(unionc::LogLevel::kError, "union-client: gave up");
  ASSERT_EQ(Lines().size(), 1u);
  EXPECT_NE(Lines()[0].find("\"@level\":\"error\""), std::string::npos);
}

TEST_F(ClientLogTest, RegisteredSecretsAreRedacted) {
  RegisterClientLogSecrets({"sup3r-s3cret-value", ""});
  unionc::Log(unionc::LogLevel::kDebug,
              "union-client: server said sup3r-s3cret-value is wrong");
  std::vector<std::string> lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].find("sup3r-s3cret-value"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("<redacted>"), std::string::npos) << lines[0];
}

}  // namespace
}  // namespace union_provider
