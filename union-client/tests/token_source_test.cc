// TokenSource against a local token endpoint that can be made slow: one
// refresh at a time, and no caller held past its own deadline.
#include "union/token_source.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "absl/strings/match.h"
#include "http_test_server.h"
#include "http_transport.h"

namespace unionc {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using std::chrono::steady_clock;
using unionc::testing::HttpTestServer;

constexpr char kSecret[] = "token-source-test-secret-99";

class TokenSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.http().Post("/token", [this](const httplib::Request&,
                                         httplib::Response& res) {
      const int n = ++requests_;
      if (slow_) server_.BlockUntilReleased();
      res.set_content(absl::StrCat("{\"access_token\":\"token-", n,
                                   "\",\"token_type\":\"bearer\","
                                   "\"expires_in\":3600}"),
                      "application/json");
    });
    server_.Start();
  }

  std::unique_ptr<TokenSource> MakeSource(milliseconds timeout,
                                         bool insecure = true) {
    ApiKeyCredentials creds;
    creds.endpoint = "127.0.0.1:1";
    creds.client_id = "client";
    creds.client_secret = kSecret;
    AuthMetadata meta;
    meta.token_endpoint = server_.url("/token");
    return std::make_unique<TokenSource>(
        creds, [meta](Deadline) { return absl::StatusOr<AuthMetadata>(meta); },
        TokenSourceOptions{
            .timeout = timeout, .ca_cert_file = "", .insecure = insecure});
  }

  // Waits (bounded) until the endpoint has seen `n` requests.
  bool WaitForRequests(int n) {
    const auto until = steady_clock::now() + seconds(30);
    while (requests_.load() < n && steady_clock::now() < until) {
      std::this_thread::sleep_for(milliseconds(5));
    }
    return requests_.load() >= n;
  }

  HttpTestServer server_;
  std::atomic<int> requests_{0};
  std::atomic<bool> slow_{false};
};

TEST_F(TokenSourceTest, FetchesOnceAndCaches) {
  auto tokens = MakeSource(seconds(10));
  absl::StatusOr<std::string> a = tokens->Token(steady_clock::now() + seconds(10));
  absl::StatusOr<std::string> b = tokens->Token(steady_clock::now() + seconds(10));
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(*a, "token-1");
  EXPECT_EQ(*b, "token-1");
  EXPECT_EQ(tokens->fetch_count(), 1);
  EXPECT_EQ(requests_.load(), 1);
}

TEST_F(TokenSourceTest, WaiterWithShortDeadlineIsNotHeldBySlowRefresh) {
  slow_ = true;
  auto tokens = MakeSource(seconds(60));
  // A caller with plenty of time starts the refresh; the endpoint hangs.
  auto refresher = std::async(std::launch::async, [&] {
    return tokens->Token(steady_clock::now() + seconds(60));
  });
  ASSERT_TRUE(WaitForRequests(1));

  // A second caller with a short deadline must give up by its deadline
  // instead of waiting out the refresh.
  auto waiter = std::async(std::launch::async, [&] {
    return tokens->Token(steady_clock::now() + milliseconds(200));
  });
  // Generous bound: only there so that a hang fails instead of blocking.
  ASSERT_EQ(waiter.wait_for(seconds(20)), std::future_status::ready);
  absl::StatusOr<std::string> short_result = waiter.get();
  ASSERT_FALSE(short_result.ok());
  EXPECT_EQ(short_result.status().code(), absl::StatusCode::kDeadlineExceeded)
      << short_result.status();
  EXPECT_TRUE(absl::StrContains(short_result.status().message(),
                                "another call's access token refresh"))
      << short_result.status();
  EXPECT_FALSE(absl::StrContains(short_result.status().message(), kSecret));
  EXPECT_EQ(refresher.wait_for(milliseconds(0)), std::future_status::timeout)
      << "the refresh should still be in flight";

  // The refresh completes and everyone shares its token: one request only.
  server_.Release();
  absl::StatusOr<std::string> long_result = refresher.get();
  ASSERT_TRUE(long_result.ok()) << long_result.status();
  EXPECT_EQ(*long_result, "token-1");
  absl::StatusOr<std::string> again =
      tokens->Token(steady_clock::now() + milliseconds(200));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, "token-1");
  EXPECT_EQ(requests_.load(), 1);
  EXPECT_EQ(tokens->fetch_count(), 1);
}

TEST_F(TokenSourceTest, RefresherWithShortDeadlineTimesOutAndOthersRetry) {
  slow_ = true;
  auto tokens = MakeSource(seconds(60));
  absl::StatusOr<std::string> first =
      tokens->Token(steady_clock::now() + milliseconds(300));
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.status().code(), absl::StatusCode::kDeadlineExceeded)
      << first.status();
  EXPECT_FALSE(absl::StrContains(first.status().message(), kSecret));

  // Its DeadlineExceeded is its own: the next caller refreshes itself.
  slow_ = false;
  server_.Release();
  absl::StatusOr<std::string> second =
      tokens->Token(steady_clock::now() + seconds(30));
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(tokens->fetch_count(), 1);
}

TEST_F(TokenSourceTest, ConcurrentColdCallersShareOneRefresh) {
  slow_ = true;
  auto tokens = MakeSource(seconds(60));
  std::vector<std::future<absl::StatusOr<std::string>>> calls;
  for (int i = 0; i < 8; ++i) {
    calls.push_back(std::async(std::launch::async, [&] {
      return tokens->Token(steady_clock::now() + seconds(60));
    }));
  }
  ASSERT_TRUE(WaitForRequests(1));
  server_.Release();
  for (auto& call : calls) {
    absl::StatusOr<std::string> t = call.get();
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(*t, "token-1");
  }
  EXPECT_EQ(requests_.load(), 1);
  EXPECT_EQ(tokens->fetch_count(), 1);
}

TEST_F(TokenSourceTest, InvalidateForcesOneNewFetch) {
  auto tokens = MakeSource(seconds(10));
  absl::StatusOr<std::string> a = tokens->Token(steady_clock::now() + seconds(10));
  ASSERT_TRUE(a.ok()) << a.status();
  tokens->Invalidate("some-other-token");
  tokens->Invalidate(*a);
  absl::StatusOr<std::string> b = tokens->Token(steady_clock::now() + seconds(10));
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(*b, "token-2");
  EXPECT_EQ(tokens->fetch_count(), 2);
}

// An http:// token endpoint without `insecure`: refused before the client
// credentials are sent (see docs/design/token-endpoint-tls.md).
TEST_F(TokenSourceTest, PlaintextTokenEndpointIsRefusedWithoutInsecure) {
  auto tokens = MakeSource(seconds(10), /*insecure=*/false);
  absl::StatusOr<std::string> t = tokens->Token(steady_clock::now() + seconds(10));
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kFailedPrecondition) << t.status();
  EXPECT_TRUE(absl::StrContains(t.status().message(), "token endpoint"))
      << t.status();
  EXPECT_TRUE(absl::StrContains(t.status().message(), "insecure")) << t.status();
  EXPECT_FALSE(absl::StrContains(t.status().message(), kSecret));
  EXPECT_EQ(requests_.load(), 0);
  EXPECT_EQ(tokens->fetch_count(), 0);
}

TEST_F(TokenSourceTest, CurrentCarriesTypeAndExpiry) {
  auto tokens = MakeSource(seconds(10));
  const absl::Time before = absl::Now();
  absl::StatusOr<AccessToken> t = tokens->Current(steady_clock::now() + seconds(10));
  const absl::Time after = absl::Now();
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->access_token, "token-1");
  EXPECT_EQ(t->token_type, "bearer");
  EXPECT_GE(t->expires_at, before + absl::Seconds(3600));
  EXPECT_LE(t->expires_at, after + absl::Seconds(3600));
  // The cached token comes back with the same expiry.
  absl::StatusOr<AccessToken> again =
      tokens->Current(steady_clock::now() + seconds(10));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->expires_at, t->expires_at);
  EXPECT_EQ(requests_.load(), 1);
}

TEST(FixedTokenSourceTest, HandsOutTheTokenWithoutDiscoveryOrRefresh) {
  TokenSource tokens("fixed-token-value-123");
  EXPECT_TRUE(tokens.fixed());
  absl::StatusOr<std::string> t = tokens.Token(steady_clock::now() + seconds(1));
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(*t, "fixed-token-value-123");
  tokens.Invalidate(*t);  // nothing to refresh: still the same token
  absl::StatusOr<AccessToken> c = tokens.Current(steady_clock::now() + seconds(1));
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->access_token, "fixed-token-value-123");
  EXPECT_EQ(c->token_type, "Bearer");
  EXPECT_EQ(c->expires_at, absl::InfiniteFuture());
  absl::StatusOr<AuthMetadata> m = tokens.Metadata(steady_clock::now() + seconds(1));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->metadata_key, "authorization");
  EXPECT_EQ(m->token_endpoint, "");
  EXPECT_EQ(tokens.fetch_count(), 0);
}

}  // namespace
}  // namespace unionc
