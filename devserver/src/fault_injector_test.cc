#include "devserver/src/fault_injector.h"

#include <vector>

#include "gtest/gtest.h"

namespace devserver {
namespace {

TEST(FaultInjectorTest, ParsesStatusCodes) {
  EXPECT_EQ(*ParseStatusCode("UNAVAILABLE"), absl::StatusCode::kUnavailable);
  EXPECT_EQ(*ParseStatusCode("internal"), absl::StatusCode::kInternal);
  EXPECT_EQ(*ParseStatusCode("RESOURCE_EXHAUSTED"),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(*ParseStatusCode("14"), absl::StatusCode::kUnavailable);
  EXPECT_FALSE(ParseStatusCode("OK").ok());
  EXPECT_FALSE(ParseStatusCode("0").ok());
  EXPECT_FALSE(ParseStatusCode("17").ok());
  EXPECT_FALSE(ParseStatusCode("SOMETIMES").ok());
}

TEST(FaultInjectorTest, RatesZeroAndOneAreAbsolute) {
  FaultInjector never(FaultOptions{});
  FaultOptions all;
  all.fail_rate = 1.0;
  all.fail_code = absl::StatusCode::kResourceExhausted;
  all.fail_after_commit_rate = 1.0;
  FaultInjector always(all);
  for (int i = 0; i < 100; ++i) {
    EXPECT_TRUE(never.BeforeCall().ok());
    EXPECT_FALSE(never.FailAfterCommit());
    EXPECT_EQ(always.BeforeCall().code(), absl::StatusCode::kResourceExhausted);
    EXPECT_TRUE(always.FailAfterCommit());
  }
}

TEST(FaultInjectorTest, SeededDecisionsRepeat) {
  FaultOptions o;
  o.fail_rate = 0.5;
  o.seed = 1234;
  FaultInjector a(o);
  FaultInjector b(o);
  std::vector<bool> da;
  std::vector<bool> db;
  int failures = 0;
  for (int i = 0; i < 200; ++i) {
    da.push_back(a.BeforeCall().ok());
    db.push_back(b.BeforeCall().ok());
    failures += da.back() ? 0 : 1;
  }
  EXPECT_EQ(da, db);
  EXPECT_GT(failures, 0);
  EXPECT_LT(failures, 200);
}

}  // namespace
}  // namespace devserver
