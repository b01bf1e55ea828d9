// Serverless key naming and the retry classification (white-box).
#include <gtest/gtest.h>

#include "call.h"
#include "rpc_errors.h"
#include "serverless.h"

namespace unionc::client_internal {
namespace {

TEST(ServerlessTest, ClientIdIsTenantUserhandleName) {
  KeyIdentity id = ServerlessKeyIdentity("serverless-1.us-east-2.s.union.ai",
                                         "jdoe", "ci-pipeline-1");
  EXPECT_EQ(id.client_id, "serverless-1-jdoe-ci-pipeline-1");
  EXPECT_EQ(id.org, "jdoe");
  id = ServerlessKeyIdentity("dns:///serverless-preview.canary.unionai.cloud:443",
                             "amy", "k");
  EXPECT_EQ(id.client_id, "serverless-preview-amy-k");
}

TEST(RetryPolicyTest, IdempotentCallsRetryTransientCodes) {
  using grpc::StatusCode;
  for (StatusCode c : {StatusCode::UNAVAILABLE, StatusCode::DEADLINE_EXCEEDED,
                       StatusCode::RESOURCE_EXHAUSTED}) {
    EXPECT_TRUE(ShouldRetry(RetryPolicy::kIdempotent, grpc::Status(c, "x"))) << c;
  }
  for (StatusCode c : {StatusCode::NOT_FOUND, StatusCode::INVALID_ARGUMENT,
                       StatusCode::PERMISSION_DENIED, StatusCode::INTERNAL}) {
    EXPECT_FALSE(ShouldRetry(RetryPolicy::kIdempotent, grpc::Status(c, "x"))) << c;
  }
}

TEST(RetryPolicyTest, CreateRetriesOnlyConnectFailures) {
  using grpc::StatusCode;
  EXPECT_TRUE(ShouldRetry(
      RetryPolicy::kCreate,
      grpc::Status(StatusCode::UNAVAILABLE,
                   "failed to connect to all addresses; last error: UNKNOWN: "
                   "ipv4:127.0.0.1:1: Failed to connect to remote host: "
                   "Connection refused")));
  EXPECT_TRUE(ShouldRetry(RetryPolicy::kCreate,
                          grpc::Status(StatusCode::UNAVAILABLE,
                                       "DNS resolution failed for x:443")));
  EXPECT_FALSE(ShouldRetry(RetryPolicy::kCreate,
                           grpc::Status(StatusCode::UNAVAILABLE, "Socket closed")));
  EXPECT_FALSE(ShouldRetry(RetryPolicy::kCreate,
                           grpc::Status(StatusCode::DEADLINE_EXCEEDED,
                                        "failed to connect")));
  EXPECT_FALSE(ShouldRetry(RetryPolicy::kCreate,
                           grpc::Status(StatusCode::RESOURCE_EXHAUSTED, "slow down")));
}

TEST(BackoffTest, GrowsAndIsCapped) {
  ClientConfig cfg;
  cfg.initial_backoff = std::chrono::milliseconds(100);
  cfg.max_backoff = std::chrono::milliseconds(1000);
  for (int i = 0; i < 50; ++i) {
    auto b0 = RetryBackoff(cfg, 0);
    EXPECT_GE(b0.count(), 50);
    EXPECT_LE(b0.count(), 100);
    auto b2 = RetryBackoff(cfg, 2);
    EXPECT_GE(b2.count(), 200);
    EXPECT_LE(b2.count(), 400);
    auto b10 = RetryBackoff(cfg, 10);
    EXPECT_GE(b10.count(), 500);
    EXPECT_LE(b10.count(), 1000);
  }
}

TEST(RpcErrorsTest, MessagesAreSpecificAndScrubbed) {
  CallInfo info{.operation = "get", .client_id = "ci", .org = "acme",
                .endpoint = "acme.union.ai", .timeout = std::chrono::seconds(30)};
  absl::Status s = MapRpcError(grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                                            "token tok-SECRET-123 lacks role"),
                               info, {"tok-SECRET-123"});
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(std::string(s.message()).find("tok-SECRET-123"), std::string::npos);
  EXPECT_NE(std::string(s.message()).find("<redacted>"), std::string::npos);
  s = MapRpcError(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, ""), info, {});
  EXPECT_EQ(s.code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_NE(std::string(s.message()).find("30000 ms"), std::string::npos);
  s = MapRpcError(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "client_name too short"),
                  info, {});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(s.message()).find("client_name too short"), std::string::npos);
}

}  // namespace
}  // namespace unionc::client_internal
