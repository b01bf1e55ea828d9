#include "devserver/src/options.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver {
namespace {

using ::testing::HasSubstr;

TEST(OptionsTest, Defaults) {
  ParsedCommandLine p = ParseCommandLine({"--db", "/tmp/x/dev.db"});
  ASSERT_TRUE(p.options.has_value()) << p.output;
  EXPECT_EQ(p.options->bind, "127.0.0.1");
  EXPECT_EQ(p.options->token_ttl_seconds, 3600);
  EXPECT_EQ(p.options->admin_key_file, "/tmp/x/admin.key");
  EXPECT_EQ(p.options->faults.fail_rate, 0.0);
  EXPECT_EQ(p.options->faults.fail_after_commit_rate, 0.0);
  EXPECT_FALSE(p.options->faults.seed.has_value());
  EXPECT_FALSE(p.options->tls());
  EXPECT_EQ(p.options->sync, SyncMode::kNormal);
}

TEST(OptionsTest, SyncFlag) {
  ParsedCommandLine p = ParseCommandLine({"--db", ":memory:", "--sync=full"});
  ASSERT_TRUE(p.options.has_value()) << p.output;
  EXPECT_EQ(p.options->sync, SyncMode::kFull);
  p = ParseCommandLine({"--db", ":memory:", "--sync", "normal"});
  ASSERT_TRUE(p.options.has_value()) << p.output;
  EXPECT_EQ(p.options->sync, SyncMode::kNormal);
  p = ParseCommandLine({"--db", ":memory:", "--sync", "off"});
  EXPECT_FALSE(p.options.has_value());
  EXPECT_EQ(p.exit_code, 2);
  EXPECT_THAT(p.output, HasSubstr("--sync"));
}

TEST(OptionsTest, MemoryDatabaseHasNoDefaultKeyFile) {
  ParsedCommandLine p = ParseCommandLine({"--db", ":memory:", "--port", "0"});
  ASSERT_TRUE(p.options.has_value()) << p.output;
  EXPECT_EQ(p.options->admin_key_file, "");
  EXPECT_EQ(p.options->grpc_port, 0);
}

TEST(OptionsTest, FaultFlags) {
  ParsedCommandLine p =
      ParseCommandLine({"--db", ":memory:", "--latency-ms", "25", "--fail-rate",
                        "0.5", "--fail-code", "internal", "--fail-after-commit",
                        "--seed", "7", "--token-ttl", "1"});
  ASSERT_TRUE(p.options.has_value()) << p.output;
  EXPECT_EQ(p.options->faults.latency, absl::Milliseconds(25));
  EXPECT_EQ(p.options->faults.fail_rate, 0.5);
  EXPECT_EQ(p.options->faults.fail_code, absl::StatusCode::kInternal);
  EXPECT_EQ(p.options->faults.fail_after_commit_rate, 1.0);
  EXPECT_EQ(p.options->faults.seed, 7u);
  EXPECT_EQ(p.options->token_ttl_seconds, 1);
  p = ParseCommandLine(
      {"--db", ":memory:", "--fail-after-commit-rate", "0.25"});
  ASSERT_TRUE(p.options.has_value()) << p.output;
  EXPECT_EQ(p.options->faults.fail_after_commit_rate, 0.25);
}

TEST(OptionsTest, RejectsBadValues) {
  for (std::vector<std::string> args :
       std::vector<std::vector<std::string>>{{"--fail-rate", "1.5"},
                                             {"--fail-code", "SOMETIMES"},
                                             {"--port", "70000"},
                                             {"--token-ttl", "0"},
                                             {"--log-level", "loud"},
                                             {"--sync", "extra"},
                                             {"--tls-cert", "/etc/hostname"},
                                             {"--admin-client-id", "Bad:Id"},
                                             {"--no-such-flag"}}) {
    ParsedCommandLine p = ParseCommandLine(args);
    EXPECT_FALSE(p.options.has_value()) << args[0];
    EXPECT_NE(p.exit_code, 0) << args[0];
    EXPECT_FALSE(p.output.empty()) << args[0];
  }
}

TEST(OptionsTest, SecretTtlAcceptsSecondsAndDurations) {
  ParsedCommandLine p = ParseCommandLine({"--db", ":memory:"});
  ASSERT_TRUE(p.options.has_value()) << p.output;
  EXPECT_EQ(p.options->secret_ttl, absl::ZeroDuration());
  const std::pair<const char*, absl::Duration> good[] = {
      {"0", absl::ZeroDuration()},  {"90", absl::Seconds(90)},
      {"90s", absl::Seconds(90)},   {"15m", absl::Minutes(15)},
      {"1h30m", absl::Minutes(90)}, {"0s", absl::ZeroDuration()},
  };
  for (const auto& [text, expected] : good) {
    p = ParseCommandLine({"--db", ":memory:", "--secret-ttl", text});
    ASSERT_TRUE(p.options.has_value()) << text << ": " << p.output;
    EXPECT_EQ(p.options->secret_ttl, expected) << text;
  }
  for (const char* bad : {"-5", "-1s", "inf", "soon", "10 minutes", "500ms"}) {
    p = ParseCommandLine({"--db", ":memory:", "--secret-ttl", bad});
    EXPECT_FALSE(p.options.has_value()) << bad;
    EXPECT_EQ(p.exit_code, 2) << bad;
    EXPECT_THAT(p.output, HasSubstr("--secret-ttl")) << bad;
  }
}

TEST(OptionsTest, HelpExitsZero) {
  ParsedCommandLine p = ParseCommandLine({"--help"});
  EXPECT_FALSE(p.options.has_value());
  EXPECT_EQ(p.exit_code, 0);
  EXPECT_THAT(p.output, HasSubstr("--fail-after-commit"));
}

}  // namespace
}  // namespace devserver
