// ephemeral_access_token_test.cc: ephemeral union_access_token against a
// fake minter: Open mints from the provider's key or a given one and sets
// renew_at before expiry; Renew mints again from the same key; failures
// are diagnostics that never carry the key.
#include "provider/union/ephemeral_access_token.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "provider/union/testing/handler_steps.h"

namespace union_provider {
namespace {

using tf::Value;

class FakeMinter final : public AccessTokenMinter {
 public:
  std::vector<std::string> calls;  // the api_key of each Mint
  std::optional<absl::Status> fail_next;
  absl::Duration lifetime = absl::Hours(1);

  absl::StatusOr<AccessToken> Mint(const std::string& api_key) override {
    calls.push_back(api_key);
    if (fail_next) {
      absl::Status s = *fail_next;
      fail_next.reset();
      return s;
    }
    return AccessToken{
        .access_token = "tok-" + std::to_string(calls.size()) + "-" +
                        (api_key.empty() ? "provider" : "given"),
        .token_type = "Bearer",
        .expires_at =
            absl::FromUnixSeconds(absl::ToUnixSeconds(absl::Now() + lifetime))};
  }
};

class EphemeralAccessTokenTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakeMinter> minter_ = std::make_shared<FakeMinter>();
  EphemeralAccessToken e_{minter_};
  tf::Schema schema_ = e_.GetSchema();

  Value Config() { return tf::NullAttributes(schema_.ValueType()); }

  tf::OpenEphemeralResponse Open(const Value& config) {
    tf::OpenEphemeralResponse resp;
    resp.result = config;
    e_.Open(tf::Context(), {.config = config}, resp);
    return resp;
  }
  tf::RenewEphemeralResponse Renew(const std::string& private_data) {
    tf::RenewEphemeralResponse resp;
    resp.private_data = private_data;
    e_.Renew(tf::Context(), {.private_data = private_data}, resp);
    return resp;
  }
};

TEST_F(EphemeralAccessTokenTest, OpenMintsFromTheProvidersKey) {
  const absl::Time before = absl::Now();
  tf::OpenEphemeralResponse r = Open(Config());
  ASSERT_FALSE(r.diagnostics.HasError()) << r.diagnostics.items()[0].detail;
  ASSERT_EQ(minter_->calls, std::vector<std::string>{""});
  EXPECT_EQ(r.result.Attr("access_token").AsString(), "tok-1-provider");
  EXPECT_EQ(r.result.Attr("token_type").AsString(), "Bearer");
  absl::Time expires;
  std::string err;
  ASSERT_TRUE(absl::ParseTime(absl::RFC3339_full,
                              r.result.Attr("expires_at").AsString(), &expires,
                              &err))
      << err;
  EXPECT_GE(expires, before + absl::Minutes(59));
  ASSERT_TRUE(r.renew_at.has_value());
  const absl::Time renew = absl::FromChrono(*r.renew_at);
  EXPECT_LT(renew, expires) << "renew_at must come before expiry";
  EXPECT_GE(renew, expires - absl::Minutes(1));
  EXPECT_TRUE(r.result.IsWhollyKnown());
  EXPECT_TRUE(r.result.Attr("api_key").IsNull());
}

TEST_F(EphemeralAccessTokenTest, RenewMintsAFreshTokenFromTheSameKey) {
  tf::OpenEphemeralResponse r =
      Open(Config().WithAttr("api_key", Value::String("other-key")));
  ASSERT_FALSE(r.diagnostics.HasError());
  EXPECT_EQ(r.result.Attr("access_token").AsString(), "tok-1-given");
  tf::RenewEphemeralResponse renewed = Renew(r.private_data);
  ASSERT_FALSE(renewed.diagnostics.HasError());
  EXPECT_EQ(minter_->calls,
            (std::vector<std::string>{"other-key", "other-key"}));
  EXPECT_TRUE(renewed.renew_at.has_value());
  EXPECT_EQ(renewed.private_data, r.private_data);

  tf::OpenEphemeralResponse p = Open(Config());
  Renew(p.private_data);
  EXPECT_EQ(minter_->calls.back(), "");
}

TEST_F(EphemeralAccessTokenTest, RenewRejectsForeignPrivateData) {
  tf::RenewEphemeralResponse r = Renew("");
  EXPECT_TRUE(r.diagnostics.HasError());
  EXPECT_TRUE(minter_->calls.empty());
}

TEST_F(EphemeralAccessTokenTest, AnUndecodableKeyIsAnErrorOnApiKeyWithoutIt) {
  const std::string key = "secret-looking-key-value";
  minter_->fail_next =
      absl::InvalidArgumentError("the API key " + key + " is not valid base64");
  tf::OpenEphemeralResponse r =
      Open(Config().WithAttr("api_key", Value::String(key)));
  ASSERT_TRUE(r.diagnostics.HasError());
  const tf::Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.attribute, tf::Path::Root("api_key"));
  EXPECT_EQ(d.detail.find(key), std::string::npos) << d.detail;
  EXPECT_EQ(d.summary.find(key), std::string::npos);
}

TEST_F(EphemeralAccessTokenTest, AProviderWithoutAnApiKeySaysWhatToDo) {
  minter_->fail_next =
      absl::FailedPreconditionError("the provider has no API key");
  tf::OpenEphemeralResponse r = Open(Config());
  ASSERT_TRUE(r.diagnostics.HasError());
  EXPECT_NE(r.diagnostics.items()[0].detail.find("Set api_key"),
            std::string::npos)
      << r.diagnostics.items()[0].detail;
}

TEST_F(EphemeralAccessTokenTest, ValidateRejectsAnEmptyApiKey) {
  tf::Diagnostics d = testing::ValidateAttributes(
      schema_, Config().WithAttr("api_key", Value::String("")));
  ASSERT_TRUE(d.HasError());
  EXPECT_EQ(d.items()[0].attribute, tf::Path::Root("api_key"));
  EXPECT_TRUE(testing::ValidateAttributes(
                  schema_, Config().WithAttr("api_key", Value::String("k")))
                  .empty());
}

TEST(RenewTime, IsATenthOfTheLifetimeAtMostAMinuteBeforeExpiry) {
  const absl::Time now = absl::FromUnixSeconds(1000000);
  EXPECT_EQ(RenewTime(now, now + absl::Hours(1)),
            now + absl::Hours(1) - absl::Minutes(1));
  EXPECT_EQ(RenewTime(now, now + absl::Seconds(100)), now + absl::Seconds(90));
  EXPECT_EQ(RenewTime(now, now - absl::Seconds(5)), now);  // already expired
}

}  // namespace
}  // namespace union_provider
