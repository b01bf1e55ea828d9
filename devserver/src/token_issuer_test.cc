#include "devserver/src/token_issuer.h"

#include "gtest/gtest.h"

namespace devserver {
namespace {

struct FakeClock {
  absl::Time now = absl::FromUnixSeconds(1'700'000'000);
};

TokenInfo Who(std::string id) {
  TokenInfo t;
  t.client_id = std::move(id);
  t.organization = "org";
  return t;
}

TEST(TokenIssuerTest, IssuedTokenValidatesUntilExpiry) {
  FakeClock clock;
  TokenIssuer tokens(absl::Seconds(60), [&clock] { return clock.now; });
  absl::StatusOr<IssuedToken> t = tokens.Issue(Who("ci"));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->expires_in, absl::Seconds(60));
  EXPECT_GE(t->access_token.size(), 40u);
  absl::StatusOr<TokenInfo> who = tokens.Validate(t->access_token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->client_id, "ci");
  EXPECT_EQ(who->organization, "org");
  clock.now += absl::Seconds(59);
  EXPECT_TRUE(tokens.Validate(t->access_token).ok());
  clock.now += absl::Seconds(1);
  EXPECT_EQ(tokens.Validate(t->access_token).status().code(),
            absl::StatusCode::kUnauthenticated);
}

TEST(TokenIssuerTest, UnknownTokensAreUnauthenticated) {
  TokenIssuer tokens(absl::Seconds(60));
  EXPECT_EQ(tokens.Validate("").status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(tokens.Validate("made-up").status().code(),
            absl::StatusCode::kUnauthenticated);
}

TEST(TokenIssuerTest, ErrorsNeverEchoTheToken) {
  TokenIssuer tokens(absl::Seconds(60));
  absl::Status s = tokens.Validate("very-secret-looking-token").status();
  EXPECT_EQ(std::string(s.message()).find("very-secret"), std::string::npos);
}

TEST(TokenIssuerTest, RevokeClientDropsOnlyItsTokens) {
  TokenIssuer tokens(absl::Seconds(60));
  auto a = tokens.Issue(Who("a"));
  auto b = tokens.Issue(Who("b"));
  tokens.RevokeClient("a");
  EXPECT_FALSE(tokens.Validate(a->access_token).ok());
  EXPECT_TRUE(tokens.Validate(b->access_token).ok());
}

TEST(TokenIssuerTest, ExpiredTokensArePurgedAsMoreAreIssued) {
  FakeClock clock;
  TokenIssuer tokens(absl::Seconds(1), [&clock] { return clock.now; });
  for (int i = 0; i < 1024; ++i) ASSERT_TRUE(tokens.Issue(Who("x")).ok());
  clock.now += absl::Seconds(2);
  ASSERT_TRUE(tokens.Issue(Who("x")).ok());
  EXPECT_EQ(tokens.size(), 1u);
}

}  // namespace
}  // namespace devserver
