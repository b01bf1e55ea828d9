// provider_access_token_test.cc: the provider's access_token attribute: a
// bearer token instead of an API key, which conflicts with api_key and
// needs an endpoint; diagnostics on the attribute path, never the token.
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "provider/union/provider.h"
#include "provider/union/provider_config.h"
#include "provider/union/provider_data.h"
#include "provider/union/testing/fake_backend.h"
#include "provider/union/union_token_minter.h"

namespace union_provider {
namespace {

using tf::Value;

constexpr char kToken[] = "bearer-token-topsecret";

EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](
             std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

Value Config(std::map<std::string, Value> set) {
  Value v = tf::NullAttributes(ProviderSchema().ValueType());
  for (auto& [k, x] : set) v = v.WithAttr(k, x);
  return v;
}

void ExpectNoToken(const tf::Diagnostics& diags) {
  for (const tf::Diagnostic& d : diags.items()) {
    EXPECT_EQ(d.summary.find(kToken), std::string::npos);
    EXPECT_EQ(d.detail.find(kToken), std::string::npos) << d.detail;
  }
}

// Configures a provider whose backends come from `make` with access_token
// kToken and UNION_ENDPOINT set.
template <typename MakeBackend>
tf::ConfigureProviderResponse ConfigureWithToken(MakeBackend make) {
  UnionProvider p(std::move(make), Env({{"UNION_ENDPOINT", "127.0.0.1:1"}}));
  tf::ConfigureProviderResponse resp;
  p.Configure(tf::Context(),
              {.config = Config({{"access_token", Value::String(kToken)}})},
              resp);
  return resp;
}

TEST(ProviderAccessToken, IsAnOptionalSensitiveString) {
  const tf::Schema schema = ProviderSchema();
  const tf::Attribute* a = schema.FindAttribute("access_token");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->sensitive);
  EXPECT_EQ(a->presence, tf::Presence::kOptional);
  EXPECT_EQ(a->type, tf::Type::String());
}

TEST(ProviderAccessToken, ReplacesTheApiKeyWithTheEndpointFromConfig) {
  tf::Diagnostics diags;
  ProviderSettings s = ResolveProviderSettings(
      Config({{"access_token", Value::String(kToken)},
              {"endpoint", Value::String("127.0.0.1:8089")}}),
      Env({{"UNION_API_KEY", "ignored-key"}}), diags);
  EXPECT_FALSE(diags.HasError());
  EXPECT_EQ(s.access_token, kToken);
  EXPECT_EQ(s.endpoint, "127.0.0.1:8089");
  EXPECT_TRUE(s.api_key.empty()) << "a key would compete with the token";
}

TEST(ProviderAccessToken, TakesTheEndpointFromTheEnvironment) {
  tf::Diagnostics diags;
  ProviderSettings s = ResolveProviderSettings(
      Config({{"access_token", Value::String(kToken)}}),
      Env({{"UNION_ENDPOINT", "union.example:443"}}), diags);
  EXPECT_FALSE(diags.HasError());
  EXPECT_EQ(s.endpoint, "union.example:443");
}

TEST(ProviderAccessToken, WithoutAnEndpointIsOneErrorOnAccessToken) {
  tf::Diagnostics diags;
  (void)ResolveProviderSettings(
      Config({{"access_token", Value::String(kToken)}}), Env({}), diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].attribute, tf::Path::Root("access_token"));
  EXPECT_NE(diags.items()[0].detail.find("UNION_ENDPOINT"), std::string::npos);
  ExpectNoToken(diags);
}

TEST(ProviderAccessToken, ConflictsWithApiKey) {
  tf::Diagnostics diags;
  ValidateProviderConfig(Config({{"access_token", Value::String(kToken)},
                                 {"api_key", Value::String("k")}}),
                         diags);
  ASSERT_TRUE(diags.HasError());
  EXPECT_EQ(diags.items()[0].attribute, tf::Path::Root("access_token"));
  ExpectNoToken(diags);
  // Unknown (an ephemeral value at validate time) is no conflict yet.
  tf::Diagnostics later;
  ValidateProviderConfig(
      Config({{"access_token", Value::Unknown(tf::Type::String())},
              {"api_key", Value::String("k")}}),
      later);
  EXPECT_FALSE(later.HasError());
}

TEST(ProviderAccessToken, EmptyIsAnErrorOnItsPath) {
  tf::Diagnostics diags;
  ValidateProviderConfig(Config({{"access_token", Value::String("")}}), diags);
  ASSERT_TRUE(diags.HasError());
  EXPECT_EQ(diags.items()[0].attribute, tf::Path::Root("access_token"));
}

TEST(ProviderAccessToken, ConfigureBuildsTheBackendWithoutAnApiKey) {
  std::optional<ProviderSettings> seen;
  tf::ConfigureProviderResponse resp =
      ConfigureWithToken([&](const ProviderSettings& s)
                             -> absl::StatusOr<std::shared_ptr<ApiKeyBackend>> {
        seen = s;
        return std::make_shared<testing::FakeBackend>();
      });
  EXPECT_FALSE(resp.diagnostics.HasError());
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->access_token, kToken);
  tf::Diagnostics d;
  EXPECT_NE(FromProviderData<&ProviderData::backend>(resp.provider_data, d),
            nullptr);
}

TEST(ProviderAccessToken, BackendFailureNeverShowsTheToken) {
  tf::ConfigureProviderResponse resp =
      ConfigureWithToken([&](const ProviderSettings&)
                             -> absl::StatusOr<std::shared_ptr<ApiKeyBackend>> {
        return absl::InvalidArgumentError(std::string("token ") + kToken +
                                          " rejected");
      });
  ASSERT_TRUE(resp.diagnostics.HasError());
  ExpectNoToken(resp.diagnostics);
}

TEST(UnionTokenMinter, WithAnAccessTokenThereIsNoKeyToMintFrom) {
  ProviderSettings s;
  s.access_token = kToken;
  s.endpoint = "127.0.0.1:1";
  s.insecure = true;
  absl::StatusOr<std::shared_ptr<AccessTokenMinter>> m = MakeUnionMinter(s);
  ASSERT_TRUE(m.ok()) << m.status();
  absl::StatusOr<AccessToken> t = (*m)->Mint("");
  EXPECT_TRUE(absl::IsFailedPrecondition(t.status())) << t.status();
  EXPECT_EQ(t.status().message().find(kToken), std::string::npos);
  // Another key is decoded before anything is sent.
  t = (*m)->Mint("not-an-api-key!");
  EXPECT_TRUE(absl::IsInvalidArgument(t.status())) << t.status();
}

}  // namespace
}  // namespace union_provider
