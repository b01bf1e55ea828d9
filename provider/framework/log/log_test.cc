#include "provider/framework/log/log.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "provider/framework/testing/log_capture.h"

namespace tf::log {
namespace {

class CaptureLog : public ::testing::Test {
 protected:
  std::vector<std::string> Lines() const { return capture_.Lines(); }

  tf::testing::LogCapture capture_{Level::kTrace};
};

TEST_F(CaptureLog, EmitsOneHclogJsonObjectPerLine) {
  Debug("planning \"x\"\n", {{"type_name", "union_api_key"}, {"n", "1"}});
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  const std::string& line = lines[0];
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "embedded newline";
  auto json = nlohmann::json::parse(line);
  EXPECT_EQ(json["@level"], "debug");
  EXPECT_EQ(json["@message"], "planning \"x\"\n");
  EXPECT_EQ(json["@module"], "provider");
  EXPECT_EQ(json["type_name"], "union_api_key");
  EXPECT_EQ(json["n"], "1");
  std::string ts = json["@timestamp"];
  EXPECT_TRUE(std::regex_match(
      ts, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)")))
      << ts;
  // The "@" keys come first, in hclog's order.
  EXPECT_EQ(line.rfind("{\"@level\":\"debug\",\"@message\":", 0), 0u) << line;
}

TEST_F(CaptureLog, FieldsCannotShadowReservedKeys) {
  Info("hello", {{"@level", "error"}});
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(lines[0])["@level"], "info");
}

TEST_F(CaptureLog, InvalidUtf8DoesNotThrow) {
  Warn(std::string("bad \xff byte"));
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(lines[0])["@level"], "warn");
}

TEST_F(CaptureLog, LevelFiltersRecords) {
  SetLevel(Level::kWarn);
  Trace("t");
  Debug("d");
  Info("i");
  Warn("w");
  Error("e");
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(lines[0])["@level"], "warn");
  EXPECT_EQ(nlohmann::json::parse(lines[1])["@level"], "error");
  EXPECT_FALSE(Enabled(Level::kInfo));
  EXPECT_TRUE(Enabled(Level::kError));
  SetLevel(Level::kOff);
  Error("nothing");
  EXPECT_EQ(Lines().size(), 2u);
  EXPECT_FALSE(Enabled(Level::kOff));
}

TEST_F(CaptureLog, ConcurrentWritersNeverInterleave) {
  constexpr int kThreads = 8, kPerThread = 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < kPerThread; ++i) {
        Info("concurrent",
             {{"t", std::to_string(t)}, {"i", std::to_string(i)}});
      }
    });
  }
  for (auto& th : threads) th.join();
  auto lines = Lines();
  ASSERT_EQ(lines.size(), static_cast<size_t>(kThreads * kPerThread));
  for (const auto& line : lines) {
    EXPECT_TRUE(nlohmann::json::accept(line)) << line;
  }
}

TEST(ParseLevel, KnownNamesAnyCase) {
  EXPECT_EQ(ParseLevel("TRACE"), Level::kTrace);
  EXPECT_EQ(ParseLevel("json"), Level::kTrace);
  EXPECT_EQ(ParseLevel("Debug"), Level::kDebug);
  EXPECT_EQ(ParseLevel("info"), Level::kInfo);
  EXPECT_EQ(ParseLevel("WARN"), Level::kWarn);
  EXPECT_EQ(ParseLevel("error"), Level::kError);
  EXPECT_EQ(ParseLevel("off"), Level::kOff);
  EXPECT_EQ(ParseLevel("verbose"), std::nullopt);
  EXPECT_EQ(ParseLevel(""), std::nullopt);
}

TEST(LevelFromEnvironment, ProviderVariableWinsThenTfLogThenOff) {
  ::unsetenv("TF_LOG_PROVIDER");
  ::unsetenv("TF_LOG");
  EXPECT_EQ(LevelFromEnvironment(), Level::kOff);
  ::setenv("TF_LOG", "info", 1);
  EXPECT_EQ(LevelFromEnvironment(), Level::kInfo);
  ::setenv("TF_LOG_PROVIDER", "error", 1);
  EXPECT_EQ(LevelFromEnvironment(), Level::kError);
  ::setenv("TF_LOG_PROVIDER", "", 1);
  EXPECT_EQ(LevelFromEnvironment(), Level::kInfo);
  ::setenv("TF_LOG", "nonsense", 1);
  EXPECT_EQ(LevelFromEnvironment(), Level::kTrace);
  ::setenv("TF_LOG_PROVIDER", "OFF", 1);
  EXPECT_EQ(LevelFromEnvironment(), Level::kOff);
  ::unsetenv("TF_LOG_PROVIDER");
  ::unsetenv("TF_LOG");
}

}  // namespace
}  // namespace tf::log
