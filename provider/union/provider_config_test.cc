// provider_config_test.cc: provider block validation, configuration-over-
// environment precedence, and the one clear error for missing or malformed
// credentials (which never echoes the secret).
#include "provider/union/provider_config.h"

#include <map>
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "provider/union/provider.h"
#include "provider/union/provider_data.h"
#include "provider/union/testing/fake_backend.h"
#include "union/config.h"
#include "union/credentials.h"

namespace union_provider {
namespace {

using tf::Value;

EnvLookup FakeEnv(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](
             std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end() || it->second.empty()) return std::nullopt;
    return it->second;
  };
}

Value Config(std::map<std::string, Value> set = {}) {
  Value v = tf::NullAttributes(ProviderSchema().ValueType());
  for (auto& [k, x] : set) v = v.WithAttr(k, x);
  return v;
}

std::string Key(std::string secret, std::string endpoint = "localhost:8089") {
  unionc::ApiKeyCredentials c{.endpoint = std::move(endpoint),
                              .client_id = "admin",
                              .client_secret = std::move(secret),
                              .org = ""};
  return c.Encode();
}

TEST(ProviderSchema, IsValidAndApiKeyIsSensitive) {
  tf::Schema s = ProviderSchema();
  EXPECT_TRUE(s.Validate().ok()) << s.Validate();
  ASSERT_NE(s.FindAttribute("api_key"), nullptr);
  EXPECT_TRUE(s.FindAttribute("api_key")->sensitive);
  for (const char* n : {"endpoint", "organization", "insecure", "ca_cert_file",
                        "request_timeout", "max_retries"}) {
    EXPECT_NE(s.FindAttribute(n), nullptr) << n;
  }
}

TEST(ResolveProviderSettings, ConfigWinsOverEnvironment) {
  tf::Diagnostics d;
  ProviderSettings s = ResolveProviderSettings(
      Config({{"api_key", Value::String("from-config")},
              {"endpoint", Value::String("config.example:443")}}),
      FakeEnv({{"UNION_API_KEY", "from-env"},
               {"UNION_ENDPOINT", "env.example:443"}}),
      d);
  EXPECT_FALSE(d.HasError());
  EXPECT_EQ(s.api_key, "from-config");
  EXPECT_EQ(s.api_key_source, "api_key");
  EXPECT_EQ(s.endpoint, "config.example:443");
}

TEST(ResolveProviderSettings, EnvironmentOrder) {
  struct Case {
    std::map<std::string, std::string> env;
    std::string want_key, want_source;
  } cases[] = {
      {{{"UNION_API_KEY", "a"},
        {"FLYTE_API_KEY", "b"},
        {"UNIONAI_API_KEY", "c"}},
       "a",
       "UNION_API_KEY"},
      {{{"FLYTE_API_KEY", "b"}, {"UNIONAI_API_KEY", "c"}},
       "b",
       "FLYTE_API_KEY"},
      {{{"UNIONAI_API_KEY", "c"}}, "c", "UNIONAI_API_KEY"},
      {{{"UNION_API_KEY", ""}, {"UNIONAI_API_KEY", "c"}},
       "c",
       "UNIONAI_API_KEY"},
  };
  for (const Case& c : cases) {
    tf::Diagnostics d;
    ProviderSettings s = ResolveProviderSettings(Config(), FakeEnv(c.env), d);
    EXPECT_FALSE(d.HasError());
    EXPECT_EQ(s.api_key, c.want_key);
    EXPECT_EQ(s.api_key_source, c.want_source);
  }
}

TEST(ResolveProviderSettings, EndpointFromEnvironmentWhenNotConfigured) {
  tf::Diagnostics d;
  ProviderSettings s = ResolveProviderSettings(
      Config({{"api_key", Value::String("k")}}),
      FakeEnv({{"UNION_ENDPOINT", "env.example:443"}}), d);
  EXPECT_EQ(s.endpoint, "env.example:443");
}

TEST(ResolveProviderSettings, UnknownConfigValuesFallBackToEnvironment) {
  tf::Diagnostics d;
  ProviderSettings s = ResolveProviderSettings(
      Config({{"api_key", Value::Unknown(tf::Type::String())},
              {"request_timeout", Value::Unknown(tf::Type::String())}}),
      FakeEnv({{"FLYTE_API_KEY", "b"}}), d);
  EXPECT_FALSE(d.HasError());
  EXPECT_EQ(s.api_key, "b");
  EXPECT_EQ(s.request_timeout, kDefaultRequestTimeout);
}

TEST(ResolveProviderSettings, MissingKeyIsOneErrorOnApiKeyNamingTheVariables) {
  tf::Diagnostics d;
  (void)ResolveProviderSettings(Config(), FakeEnv({}), d);
  ASSERT_EQ(d.size(), 1u);
  const tf::Diagnostic& diag = d.items()[0];
  EXPECT_EQ(diag.severity, tf::Severity::kError);
  ASSERT_TRUE(diag.attribute.has_value());
  EXPECT_EQ(diag.attribute->ToString(), "api_key");
  for (const char* var :
       {"UNION_API_KEY", "FLYTE_API_KEY", "UNIONAI_API_KEY"}) {
    EXPECT_NE(diag.detail.find(var), std::string::npos) << var;
  }
}

TEST(ResolveProviderSettings, TimeoutsAndRetries) {
  tf::Diagnostics d;
  ProviderSettings s =
      ResolveProviderSettings(Config({{"api_key", Value::String("k")},
                                      {"request_timeout", Value::String("2m")},
                                      {"max_retries", Value::Int(0)},
                                      {"insecure", Value::Bool(true)}}),
                              FakeEnv({}), d);
  EXPECT_FALSE(d.HasError());
  EXPECT_EQ(s.request_timeout, absl::Minutes(2));
  EXPECT_EQ(s.max_retries, 0);
  EXPECT_TRUE(s.insecure);
}

TEST(ValidateProviderConfig, RequestTimeoutBoundsFollowUnionClient) {
  // Below the minimum is an error, above the maximum a warning (clamped);
  // each names the bound.
  const struct {
    std::string timeout;
    tf::Severity severity;
    std::string bound;
  } out_of_bounds[] = {{"500us", tf::Severity::kError, "1ms"},
                       {"48h", tf::Severity::kWarning, "24h"}};
  for (const auto& c : out_of_bounds) {
    tf::Diagnostics d;
    ValidateProviderConfig(
        Config({{"request_timeout", Value::String(c.timeout)}}), d);
    ASSERT_EQ(d.size(), 1u) << c.timeout;
    EXPECT_EQ(d.items()[0].severity, c.severity) << c.timeout;
    EXPECT_EQ(d.items()[0].attribute->ToString(), "request_timeout");
    EXPECT_NE(d.items()[0].detail.find(c.bound), std::string::npos)
        << d.items()[0].detail;
  }

  tf::Diagnostics minimum;
  ValidateProviderConfig(Config({{"request_timeout", Value::String("1ms")}}),
                         minimum);
  EXPECT_TRUE(minimum.empty());

  tf::Diagnostics d;
  ProviderSettings s = ResolveProviderSettings(
      Config({{"api_key", Value::String("k")},
              {"request_timeout", Value::String("48h")}}),
      FakeEnv({}), d);
  EXPECT_FALSE(d.HasError());
  EXPECT_EQ(s.request_timeout, unionc::kMaxTimeout);
}

TEST(ValidateProviderConfig, BadValuesAreErrorsOnTheirPaths) {
  struct Case {
    std::string attr;
    Value value;
  } cases[] = {
      {"request_timeout", Value::String("soon")},
      {"request_timeout", Value::String("-5s")},
      {"request_timeout", Value::String("0s")},
      {"request_timeout", Value::String("30")},
      {"max_retries", Value::Int(-1)},
      {"max_retries", Value::Int(kMaxMaxRetries + 1)},
      {"max_retries", Value::Float(1.5)},
      {"endpoint", Value::String("")},
      {"api_key", Value::String("")},
  };
  for (const Case& c : cases) {
    tf::Diagnostics d;
    ValidateProviderConfig(Config({{c.attr, c.value}}), d);
    ASSERT_EQ(d.size(), 1u) << c.attr << " " << c.value.DebugString();
    EXPECT_EQ(d.items()[0].attribute->ToString(), c.attr);
  }
}

TEST(ValidateProviderConfig, GoodAndUnknownValuesPass) {
  tf::Diagnostics d;
  ValidateProviderConfig(
      Config({{"request_timeout", Value::String("1m30s")},
              {"max_retries", Value::Unknown(tf::Type::Number())},
              {"api_key", Value::Unknown(tf::Type::String())}}),
      d);
  EXPECT_TRUE(d.empty());
  ValidateProviderConfig(Value::Unknown(ProviderSchema().ValueType()), d);
  EXPECT_TRUE(d.empty());
}

TEST(ParseTimeout, Forms) {
  EXPECT_EQ(ParseTimeout("30s"), absl::Seconds(30));
  EXPECT_EQ(ParseTimeout("2m"), absl::Minutes(2));
  EXPECT_EQ(ParseTimeout("1m30s"), absl::Seconds(90));
  EXPECT_EQ(ParseTimeout("inf"), std::nullopt);
  EXPECT_EQ(ParseTimeout(""), std::nullopt);
}

// Provider.Configure with an injected backend factory.
class ConfigureTest : public ::testing::Test {
 protected:
  std::optional<ProviderSettings> seen_;
  UnionProvider Make(std::map<std::string, std::string> env) {
    return UnionProvider(
        [this](const ProviderSettings& s)
            -> absl::StatusOr<std::shared_ptr<ApiKeyBackend>> {
          seen_ = s;
          return std::make_shared<testing::FakeBackend>();
        },
        FakeEnv(std::move(env)));
  }
};

TEST_F(ConfigureTest, ValidKeyYieldsProviderDataWithABackend) {
  UnionProvider p = Make({{"UNION_API_KEY", Key("topsecret-1")}});
  tf::ConfigureProviderResponse resp;
  p.Configure(tf::Context(),
              {.config = Config({{"insecure", Value::Bool(true)}})}, resp);
  EXPECT_TRUE(resp.diagnostics.empty());
  tf::Diagnostics d;
  EXPECT_NE(FromProviderData<&ProviderData::backend>(resp.provider_data, d),
            nullptr);
  EXPECT_TRUE(d.empty());
  ASSERT_TRUE(seen_.has_value());
  EXPECT_TRUE(seen_->insecure);
  EXPECT_EQ(seen_->api_key_source, "UNION_API_KEY");
}

TEST_F(ConfigureTest, MalformedKeyIsOneErrorOnApiKeyWithoutTheSecret) {
  const std::string bad = "not-base64-topsecret-value!";
  UnionProvider p = Make({});
  tf::ConfigureProviderResponse resp;
  p.Configure(tf::Context(),
              {.config = Config({{"api_key", Value::String(bad)}})}, resp);
  ASSERT_EQ(resp.diagnostics.size(), 1u);
  const tf::Diagnostic& d = resp.diagnostics.items()[0];
  EXPECT_EQ(d.summary, "Invalid Union API key");
  EXPECT_EQ(d.attribute->ToString(), "api_key");
  EXPECT_EQ(d.detail.find("topsecret"), std::string::npos) << d.detail;
  EXPECT_EQ(d.summary.find("topsecret"), std::string::npos);
  EXPECT_FALSE(seen_.has_value());
  EXPECT_FALSE(resp.provider_data.has_value());
}

TEST_F(ConfigureTest, MalformedKeyFromEnvironmentNamesTheVariable) {
  UnionProvider p = Make({{"UNIONAI_API_KEY", "garbage"}});
  tf::ConfigureProviderResponse resp;
  p.Configure(tf::Context(), {.config = Config()}, resp);
  ASSERT_EQ(resp.diagnostics.size(), 1u);
  EXPECT_NE(resp.diagnostics.items()[0].detail.find("UNIONAI_API_KEY"),
            std::string::npos);
}

TEST_F(ConfigureTest, MissingKeyIsOneError) {
  UnionProvider p = Make({});
  tf::ConfigureProviderResponse resp;
  p.Configure(tf::Context(), {.config = Config()}, resp);
  ASSERT_EQ(resp.diagnostics.size(), 1u);
  EXPECT_EQ(resp.diagnostics.items()[0].summary, "Missing Union API key");
}

TEST_F(ConfigureTest, BackendFailureIsReportedWithoutSecrets) {
  const std::string key = Key("topsecret-2");
  UnionProvider p(
      [&](const ProviderSettings&)
          -> absl::StatusOr<std::shared_ptr<ApiKeyBackend>> {
        return absl::InvalidArgumentError(
            "cannot read CA file /x for topsecret-2");
      },
      FakeEnv({{"UNION_API_KEY", key}}));
  tf::ConfigureProviderResponse resp;
  p.Configure(tf::Context(),
              {.config = Config({{"ca_cert_file", Value::String("/x")}})},
              resp);
  ASSERT_EQ(resp.diagnostics.size(), 1u);
  const tf::Diagnostic& d = resp.diagnostics.items()[0];
  EXPECT_EQ(d.attribute->ToString(), "ca_cert_file");
  EXPECT_EQ(d.detail.find("topsecret-2"), std::string::npos) << d.detail;
}

}  // namespace
}  // namespace union_provider
