// Bad input never crashes a spawned union-devserver; concurrent callers are
// served correctly; logs never carry secrets.
#include <latch>
#include <set>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "devserver/tests/test_client.h"
#include "gmock/gmock.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"

namespace devserver::testing {
namespace {

namespace pb = ::cloudidl::identity;
using ::testing::AnyOf;

class RobustnessTest : public DevServerTest {
 protected:
  // Sends raw bytes as the request of `method`; returns the status.
  grpc::Status RawCall(const std::string& method, const std::string& bytes) {
    grpc::GenericStub stub(channel_);
    grpc::CompletionQueue cq;
    grpc::ClientContext ctx;
    Authorize(ctx);
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    auto call = stub.PrepareUnaryCall(&ctx, method, request, &cq);
    call->StartCall();
    grpc::ByteBuffer response;
    grpc::Status status;
    call->Finish(&response, &status, reinterpret_cast<void*>(1));
    void* tag = nullptr;
    bool ok = false;
    EXPECT_TRUE(cq.Next(&tag, &ok));
    cq.Shutdown();
    while (cq.Next(&tag, &ok)) {
    }
    return status;
  }

  // The server still answers a normal call.
  void ExpectServing() {
    grpc::Status s = AdminGet("", admin_.client_id);
    EXPECT_TRUE(s.ok()) << s.error_message();
    EXPECT_TRUE(server_->Alive());
  }
};

TEST_F(RobustnessTest, MalformedProtobufBytes) {
  const std::string garbage[] = {
      std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 11),
      std::string("\x12\x7f"
                  "short",
                  7),                  // length beyond the end
      std::string("\x0f\x00\x00", 3),  // invalid wire type
      std::string(64 * 1024, '\xff'),
  };
  for (const char* method : {"/cloudidl.identity.AppsService/Create",
                             "/cloudidl.identity.AppsService/Get",
                             "/cloudidl.identity.AppsService/Update",
                             "/cloudidl.identity.AppsService/List",
                             "/cloudidl.identity.AppsService/Delete"}) {
    for (const std::string& bytes : garbage) {
      grpc::Status s = RawCall(method, bytes);
      EXPECT_THAT(s.error_code(), AnyOf(grpc::StatusCode::INTERNAL,
                                        grpc::StatusCode::INVALID_ARGUMENT))
          << method;
    }
  }
  EXPECT_EQ(
      RawCall("/cloudidl.identity.AppsService/NoSuchMethod", "").error_code(),
      grpc::StatusCode::UNIMPLEMENTED);
  ExpectServing();
}

TEST_F(RobustnessTest, InvalidUtf8InStringFields) {
  // CreateAppRequest{client_id: "bad-utf8", client_name: "\xff\xfe"}, by hand.
  const std::string bytes = std::string(
                                "\x12\x08"
                                "bad-utf8",
                                10) +
                            std::string("\x4a\x02\xff\xfe", 4);
  grpc::Status s = RawCall("/cloudidl.identity.AppsService/Create", bytes);
  EXPECT_FALSE(s.ok());
  ExpectServing();
  EXPECT_EQ(AdminGet("", "bad-utf8").error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(RobustnessTest, HugeFields) {
  pb::CreateAppRequest request;
  request.set_client_id("huge");
  request.set_client_name(std::string(1 << 20, 'n'));
  pb::CreateAppResponse response;
  {
    grpc::Status s =
        AdminCall(&pb::AppsService::Stub::Create, request, &response);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_TRUE(absl::StartsWith(s.error_message(), "client_name:"));
  }
  request.set_client_name("huge");
  for (int i = 0; i < 65; ++i) request.add_redirect_uris("http://localhost/cb");
  {
    grpc::ClientContext ctx;
    Authorize(ctx);
    EXPECT_EQ(apps()->Create(&ctx, request, &response).error_code(),
              grpc::StatusCode::INVALID_ARGUMENT);
  }
  // Beyond gRPC's receive limit: refused by the transport, server unharmed.
  request.clear_redirect_uris();
  request.set_client_name(std::string(5 << 20, 'n'));
  {
    grpc::ClientContext ctx;
    Authorize(ctx);
    EXPECT_FALSE(apps()->Create(&ctx, request, &response).ok());
  }
  ExpectServing();
}

TEST_F(RobustnessTest, ThirtyTwoConcurrentCreatesAllSucceed) {
  constexpr int kThreads = 32;
  std::vector<grpc::Status> results(kThreads);
  std::vector<std::string> secrets(kThreads);
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      pb::CreateAppResponse response;
      start.arrive_and_wait();
      results[t] =
          CreateKey("", absl::StrFormat("parallel-%02d", t), &response);
      secrets[t] = response.app().client_secret();
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_TRUE(results[t].ok()) << t << ": " << results[t].error_message();
  }
  std::vector<std::string> ids = ListAll("", 7);
  EXPECT_EQ(ids.size(), kThreads + 1u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
  EXPECT_EQ(std::set<std::string>(secrets.begin(), secrets.end()).size(),
            static_cast<std::size_t>(kThreads));

  // Nothing secret reached the logs.
  const std::string logs = server_->logs();
  EXPECT_TRUE(absl::StrContains(logs, "parallel-00"));
  EXPECT_FALSE(absl::StrContains(logs, admin_.secret));
  EXPECT_FALSE(absl::StrContains(logs, token_));
  EXPECT_FALSE(absl::StrContains(logs, server_->printed_api_key()));
  for (const std::string& secret : secrets) {
    ASSERT_FALSE(secret.empty());
    EXPECT_FALSE(absl::StrContains(logs, secret));
  }
}

TEST_F(RobustnessTest, RacingCreatesOfOneIdHaveOneWinner) {
  constexpr int kThreads = 32;
  std::vector<grpc::StatusCode> codes(kThreads);
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      codes[t] = CreateKey("", "contended").error_code();
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(std::count(codes.begin(), codes.end(), grpc::StatusCode::OK), 1);
  EXPECT_EQ(
      std::count(codes.begin(), codes.end(), grpc::StatusCode::ALREADY_EXISTS),
      kThreads - 1);
}

}  // namespace
}  // namespace devserver::testing
