#include "provider/framework/plugin/internal/stop_signal.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

namespace tf::plugin::internal {
namespace {

TEST(StopSignal, RequestWakesWaitAndFirstReasonWins) {
  auto stop = StopSignal::Install(/*stop_on_sigint=*/false);
  ASSERT_TRUE(stop.ok()) << stop.status();
  EXPECT_EQ(StopSignal::Install(false).status().code(),
            absl::StatusCode::kFailedPrecondition);
  std::thread t([&] {
    (*stop)->Request(StopReason::kController);
    (*stop)->Request(StopReason::kSigterm);
  });
  EXPECT_EQ((*stop)->Wait(), StopReason::kController);
  t.join();
}

TEST(StopSignal, SigtermStopsAndSigintIsIgnored) {
  auto stop = StopSignal::Install(/*stop_on_sigint=*/false);
  ASSERT_TRUE(stop.ok()) << stop.status();
  ASSERT_EQ(::raise(SIGINT), 0);  // ignored: the process survives
  ASSERT_EQ(::raise(SIGTERM), 0);
  EXPECT_EQ((*stop)->Wait(), StopReason::kSigterm);
}

TEST(StopSignal, SigintStopsInDebugMode) {
  auto stop = StopSignal::Install(/*stop_on_sigint=*/true);
  ASSERT_TRUE(stop.ok()) << stop.status();
  ASSERT_EQ(::raise(SIGINT), 0);
  EXPECT_EQ((*stop)->Wait(), StopReason::kSigint);
}

}  // namespace
}  // namespace tf::plugin::internal
