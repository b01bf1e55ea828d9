// The fault injection flags of a spawned union-devserver.
#include <signal.h>
#include <sys/wait.h>

#include <thread>

#include "absl/time/clock.h"
#include "devserver/tests/test_client.h"
#include "flyteidl/service/auth.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver::testing {
namespace {

namespace pb = ::cloudidl::identity;

grpc::StatusCode GetAdmin(DevServerTest& t, pb::AppsService::Stub* apps,
                          const std::string& token, const std::string& id) {
  (void)t;
  return GetApp(*apps, token, "", id).error_code();
}

class FailEverythingTest : public DevServerTest {
  std::vector<std::string> ServerArgs() override {
    return {"--fail-rate", "1.0"};
  }
};

TEST_F(FailEverythingTest, EveryAppsCallIsUnavailable) {
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(GetAdmin(*this, apps(), token_, admin_.client_id),
              grpc::StatusCode::UNAVAILABLE);
    EXPECT_EQ(CreateKey("", "never").error_code(),
              grpc::StatusCode::UNAVAILABLE);
  }
  // Discovery and the token endpoint are not AppsService: still served.
  auto auth = flyteidl::service::AuthMetadataService::NewStub(channel_);
  grpc::ClientContext ctx;
  Prepare(ctx, "");
  flyteidl::service::OAuth2MetadataResponse meta;
  EXPECT_TRUE(auth->GetOAuth2Metadata(&ctx, {}, &meta).ok());
}

class FailCodeTest : public DevServerTest {
  std::vector<std::string> ServerArgs() override {
    return {"--fail-rate", "1", "--fail-code", "RESOURCE_EXHAUSTED"};
  }
};

TEST_F(FailCodeTest, UsesTheConfiguredCode) {
  EXPECT_EQ(GetAdmin(*this, apps(), token_, admin_.client_id),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
}

class SeededHalfFailTest : public DevServerTest {
  std::vector<std::string> ServerArgs() override {
    return {"--fail-rate", "0.5", "--seed", "42"};
  }
};

TEST_F(SeededHalfFailTest, SomeCallsFailAndSomeSucceed) {
  int ok = 0;
  int unavailable = 0;
  for (int i = 0; i < 60; ++i) {
    const grpc::StatusCode code =
        GetAdmin(*this, apps(), token_, admin_.client_id);
    ok += code == grpc::StatusCode::OK ? 1 : 0;
    unavailable += code == grpc::StatusCode::UNAVAILABLE ? 1 : 0;
  }
  EXPECT_EQ(ok + unavailable, 60);
  EXPECT_GT(ok, 0);
  EXPECT_GT(unavailable, 0);
}

class FailAfterCommitTest : public DevServerTest {
  std::vector<std::string> ServerArgs() override {
    return {"--fail-after-commit"};
  }
};

TEST_F(FailAfterCommitTest, CreateAnswersUnavailableButTheKeyExists) {
  pb::CreateAppResponse response;
  grpc::Status s = CreateKey("", "committed-anyway", &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(response.app().client_secret(), "");
  EXPECT_EQ(GetAdmin(*this, apps(), token_, "committed-anyway"),
            grpc::StatusCode::OK);
  // A retry of the Create sees the committed key.
  EXPECT_EQ(CreateKey("", "committed-anyway").error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
}

class LatencyTest : public DevServerTest {
  std::vector<std::string> ServerArgs() override {
    return {"--latency-ms", "3000"};
  }
};

TEST_F(LatencyTest, ACallWithAShortDeadlineRunsOutOfTime) {
  pb::GetAppRequest request;
  request.set_client_id(admin_.client_id);
  pb::GetAppResponse response;
  grpc::ClientContext ctx;
  Prepare(ctx, token_);
  ctx.set_deadline(std::chrono::system_clock::now() +
                   std::chrono::milliseconds(200));
  EXPECT_EQ(apps()->Get(&ctx, request, &response).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
  grpc::ClientContext patient;
  Prepare(patient, token_);
  EXPECT_TRUE(apps()->Get(&patient, request, &response).ok());
}

class HugeLatencyTest : public DevServerTest {
  std::vector<std::string> ServerArgs() override {
    return {"--latency-ms", "600000"};
  }
};

TEST_F(HugeLatencyTest, SigtermDuringADelayedCallStillExitsZero) {
  std::thread caller([this] {
    pb::GetAppRequest request;
    request.set_client_id(admin_.client_id);
    pb::GetAppResponse response;
    grpc::ClientContext ctx;
    Prepare(ctx, token_);
    (void)apps()->Get(&ctx, request, &response);
  });
  absl::SleepFor(absl::Milliseconds(300));  // let the call reach the server
  server_->Kill(SIGTERM);
  absl::StatusOr<int> status = server_->Wait(absl::Seconds(30));
  ASSERT_TRUE(status.ok()) << "shutdown must not wait out the injected latency";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0);
  caller.join();
  server_.reset();  // exited on purpose: skip the fixture's liveness check
}

}  // namespace
}  // namespace devserver::testing
