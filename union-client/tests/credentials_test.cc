// API key codec, endpoint and name normalisation, redaction, config.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "absl/strings/escaping.h"
#include "union/api_key.h"
#include "union/config.h"
#include "union/credentials.h"
#include "union/endpoint.h"
#include "union/errors.h"
#include "union/redact.h"

namespace unionc {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kSecret[] = "s3cr3t-VALUE-42";

std::string B64(std::string_view s) {
  return absl::Base64Escape(absl::string_view(s.data(), s.size()));
}

// Keys that decode, and the parts they decode to. The key is split from the
// right, so an endpoint keeps its port (and a dns:/// scheme or an IPv6
// literal) whole; "" and "None" both mean no organization.
TEST(CredentialsTest, DecodesEachPartFromTheRight) {
  const struct {
    std::string plain;  // before base64
    ApiKeyCredentials want;
  } cases[] = {
      {"acme.union.ai:my-key:s3cr3t-VALUE-42:acme",
       {"acme.union.ai", "my-key", kSecret, "acme"}},
      {"localhost:8089:id:s3cr3t-VALUE-42:None",
       {"localhost:8089", "id", kSecret, ""}},
      {"dns:///host:443:id:s3cr3t-VALUE-42:org",
       {"dns:///host:443", "id", kSecret, "org"}},
      {"[::1]:8089:id:s3cr3t-VALUE-42:None", {"[::1]:8089", "id", kSecret, ""}},
  };
  for (const auto& [plain, want] : cases) {
    SCOPED_TRACE(want.endpoint);
    auto c = ApiKeyCredentials::Decode(B64(plain));
    ASSERT_TRUE(c.ok()) << c.status();
    EXPECT_EQ(c->endpoint, want.endpoint);
    EXPECT_EQ(c->client_id, want.client_id);
    EXPECT_EQ(c->client_secret, want.client_secret);
    EXPECT_EQ(c->org, want.org);
  }
}

TEST(EndpointTest, IsHostPort) {
  for (std::string_view good :
       {"acme.union.ai", "localhost:8089", "127.0.0.1:1", "h:65535",
        "[::1]:8089", "[fe80::1%eth0]:443", "my_host-1.example"}) {
    EXPECT_TRUE(IsHostPort(good)) << good;
  }
  for (std::string_view bad :
       {"", "host:", ":443", "host:0", "host:65536", "host:123456", "host:8o",
        "host:id", "host:1:2", "::1", "[::1]", "[::1]:", "[host]:443",
        "[::1]x:443", "a b", "host/path", "user@host"}) {
    EXPECT_FALSE(IsHostPort(bad)) << bad;
  }
}

TEST(CredentialsTest, EmptyOrgAndNoneMeanNoOrg) {
  auto empty = ApiKeyCredentials::Decode(B64("h:id:s3cr3t-VALUE-42:"));
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_EQ(empty->org, "");
  auto none = ApiKeyCredentials::Decode(B64("h:id:s3cr3t-VALUE-42:None"));
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_EQ(none->org, "");
}

TEST(CredentialsTest, EncodeMatchesReferenceFormat) {
  ApiKeyCredentials c{.endpoint = "localhost:8089", .client_id = "ci",
                      .client_secret = kSecret, .org = ""};
  EXPECT_EQ(c.Encode(), B64("localhost:8089:ci:s3cr3t-VALUE-42:None"));
  c.org = "acme";
  EXPECT_EQ(c.Encode(), B64("localhost:8089:ci:s3cr3t-VALUE-42:acme"));
  auto back = ApiKeyCredentials::Decode(c.Encode());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->endpoint, c.endpoint);
  EXPECT_EQ(back->client_id, c.client_id);
  EXPECT_EQ(back->client_secret, c.client_secret);
  EXPECT_EQ(back->org, c.org);
}

TEST(CredentialsTest, TrimsWhitespaceAroundTheKey) {
  auto c = ApiKeyCredentials::Decode(" " + B64("h:id:s3cr3t-VALUE-42:o") + "\n");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->client_id, "id");
}

struct BadKey {
  std::string name;
  std::string encoded;
  std::string expect;
};

class BadKeyTest : public ::testing::TestWithParam<BadKey> {};

TEST_P(BadKeyTest, ClearErrorWithoutSecret) {
  const BadKey& bad = GetParam();
  auto c = ApiKeyCredentials::Decode(bad.encoded);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  std::string msg(c.status().message());
  EXPECT_THAT(msg, HasSubstr(bad.expect));
  EXPECT_THAT(msg, Not(HasSubstr(kSecret)));
  if (!bad.encoded.empty()) {
    EXPECT_THAT(msg, Not(HasSubstr(bad.encoded)));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Keys, BadKeyTest,
    ::testing::Values(
        BadKey{"empty", "", "empty"},
        BadKey{"bad_base64", "s3cr3t-VALUE-42!!!###", "not valid base64"},
        BadKey{"too_few_fields", B64("host:s3cr3t-VALUE-42:org"),
               "does not decode"},
        BadKey{"empty_id", B64("host::s3cr3t-VALUE-42:org"), "empty client_id"},
        BadKey{"empty_secret", B64("host:id::org"), "empty client secret"},
        BadKey{"empty_endpoint", B64(":id:s3cr3t-VALUE-42:org"),
               "empty endpoint"},
        // An extra field shifts the secret into client_id and "id" into the
        // endpoint's port.
        BadKey{"extra_field", B64("host:id:s3cr3t-VALUE-42:xtra:None"),
               "malformed"},
        BadKey{"extra_field_after_port",
               B64("host:8089:id:s3cr3t-VALUE-42:xtra:None"), "host[:port]"},
        BadKey{"port_zero", B64("host:0:id:s3cr3t-VALUE-42:None"), "malformed"},
        BadKey{"port_too_big", B64("host:65536:id:s3cr3t-VALUE-42:None"),
               "malformed"},
        BadKey{"bare_v6", B64("::1:id:s3cr3t-VALUE-42:None"), "malformed"},
        BadKey{"v6_without_port", B64("[::1]:id:s3cr3t-VALUE-42:None"),
               "malformed"},
        BadKey{"space_in_host", B64("ho st:id:s3cr3t-VALUE-42:None"),
               "malformed"}),
    [](const auto& info) { return info.param.name; });

TEST(CredentialsTest, DebugStringRedactsSecret) {
  ApiKeyCredentials c{.endpoint = "e", .client_id = "id",
                      .client_secret = kSecret, .org = ""};
  EXPECT_THAT(c.DebugString(), Not(HasSubstr(kSecret)));
  EXPECT_THAT(c.DebugString(), HasSubstr("<redacted>"));
}

TEST(EndpointTest, Normalises) {
  const std::map<std::string, std::string> cases = {
      {"https://acme.union.ai", "acme.union.ai"},
      {"dns:///localhost:8089", "localhost:8089"},
      {"http://127.0.0.1:8089/", "127.0.0.1:8089"},
      {"acme.union.ai", "acme.union.ai"},
      {" localhost:8089 ", "localhost:8089"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(NormalizeEndpoint(in), want) << in;
}

TEST(EndpointTest, TargetAddsTlsPortWhenMissing) {
  EXPECT_EQ(GrpcTarget("acme.union.ai"), "acme.union.ai:443");
  EXPECT_EQ(GrpcTarget("localhost:8089"), "localhost:8089");
  EXPECT_EQ(GrpcTarget("[::1]:8089"), "[::1]:8089");
  EXPECT_EQ(EndpointHost("localhost:8089"), "localhost");
  EXPECT_EQ(EndpointHost("[::1]:8089"), "::1");
  EXPECT_EQ(EndpointHost("acme.union.ai"), "acme.union.ai");
}

TEST(NameTest, ReferenceNormalisationTable) {
  const std::map<std::string, std::string> cases = {
      {"CI Pipeline #1", "ci-pipeline-1"},
      {"a..b", "a-b"},
      {"Deploy!", "deploy-"},
      {"already-ok", "already-ok"},
      {"UPPER", "upper"},
      {"  lead", "-lead"},
      {"caf\xc3\xa9 bar", "caf-bar"},       // é (2 bytes) + space: one run
      {"\xe6\x97\xa5\xe6\x9c\xac", "-"},    // all non-ASCII
      {"x_y", "x-y"},
      {"--x--", "-x-"},
      {"", ""},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(NormalizeKeyName(in), want) << in;
    EXPECT_EQ(NormalizeKeyName(want), want) << "idempotent: " << in;
  }
}

TEST(NameTest, ValidateKeyNameRefusesNamesWithoutLettersOrDigits) {
  for (std::string_view bad : {"!!!", " ", "---", "\xc3\xa9\xc3\xa9"}) {
    absl::Status st = ValidateKeyName(bad);
    EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(std::string(st.message()), HasSubstr("no letter or digit")) << st;
    EXPECT_THAT(std::string(st.message()), HasSubstr("such as")) << st;
  }
  EXPECT_THAT(std::string(ValidateKeyName("!!!").message()),
              HasSubstr("would become \"-\""));
  for (std::string_view good : {"a", "CI Pipeline #1", "!x!", "9"}) {
    EXPECT_TRUE(ValidateKeyName(good).ok()) << good;
  }
}

TEST(NameTest, ValidateKeyNameEnforcesTheClientIdLimit) {
  EXPECT_EQ(kMaxClientIdLength, 128u);
  EXPECT_TRUE(ValidateKeyName(std::string(kMaxClientIdLength, 'a')).ok());
  const std::string huge(10000, 'a');
  absl::Status st = ValidateKeyName(huge);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  std::string msg(st.message());
  EXPECT_THAT(msg, HasSubstr("10000 characters, more than Union's limit of 128"));
  EXPECT_THAT(msg, HasSubstr("shorter name"));
  EXPECT_LT(msg.size(), 300u) << "the name is echoed in full";
  // Normalisation can shrink a name under the limit: "a b" is 3 bytes, "a-b".
  EXPECT_TRUE(ValidateKeyName(std::string(64, 'a') + std::string(100, ' ') +
                              std::string(63, 'b'))
                  .ok());
}

TEST(RedirectUriTest, AcceptsAbsoluteUris) {
  for (std::string_view good :
       {"https://example.com/cb", "http://localhost:8080/authorization-code/callback",
        "com.example.app:/oauth2redirect", "urn:ietf:wg:oauth:2.0:oob",
        "my+app-1.x://cb"}) {
    EXPECT_TRUE(ValidateRedirectUri(good).ok()) << good << ": "
                                                << ValidateRedirectUri(good);
  }
}

TEST(RedirectUriTest, RefusesRelativeEmptyAndDangerousUris) {
  struct Case {
    std::string uri;
    std::string expect;
  };
  for (const Case& c : std::vector<Case>{
           {"", "is empty"},
           {"/relative/path", "not absolute"},
           {"example.com/cb", "not absolute"},
           {"1http://x", "not absolute"},
           {":nothing", "not absolute"},
           {"https:", "nothing after its scheme"},
           {"https://a b", "space or a control character"},
           {"https://a\nb", "space or a control character"},
           {"javascript:alert(1)", "\"javascript:\""},
           {"JaVaScRiPt:alert(1)", "\"javascript:\""},
           {"data:text/html,hi", "\"data:\""},
           {"FILE:///etc/passwd", "\"file:\""},
       }) {
    absl::Status st = ValidateRedirectUri(c.uri);
    EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument) << c.uri;
    EXPECT_THAT(std::string(st.message()), HasSubstr(c.expect)) << c.uri;
    EXPECT_THAT(std::string(st.message()), HasSubstr("https://example.com/callback"));
  }
  const std::string huge = "javascript:" + std::string(10000, 'x');
  EXPECT_LT(ValidateRedirectUri(huge).message().size(), 300u);
}

TEST(TimeoutTest, RefusesUnderOneMillisecondWithAPreciseMessage) {
  absl::StatusOr<absl::Duration> tiny = CheckTimeout(absl::Seconds(0.0001));
  ASSERT_FALSE(tiny.ok());
  EXPECT_EQ(tiny.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(tiny.status().message()),
              HasSubstr("timeout 0.0001s is below the minimum of 1ms"));
  for (absl::Duration d : {absl::ZeroDuration(), absl::Seconds(-5),
                           -absl::InfiniteDuration(), absl::Microseconds(999)}) {
    EXPECT_FALSE(CheckTimeout(d).ok()) << d;
  }
  EXPECT_EQ(*CheckTimeout(absl::Milliseconds(1)), absl::Milliseconds(1));
  EXPECT_EQ(*CheckTimeout(absl::Seconds(30)), absl::Seconds(30));
}

TEST(TimeoutTest, ClampsAboveTheMaximum) {
  EXPECT_EQ(kMaxTimeout, absl::Hours(24));
  EXPECT_EQ(*CheckTimeout(absl::Hours(24)), absl::Hours(24));
  EXPECT_EQ(*CheckTimeout(absl::Seconds(1e10)), kMaxTimeout);
  EXPECT_EQ(*CheckTimeout(absl::InfiniteDuration()), kMaxTimeout);
}

TEST(TruncateTest, ShortValuesUnchangedLongOnesCutAndMarked) {
  EXPECT_EQ(TruncateForMessage("ci-pipeline"), "ci-pipeline");
  const std::string huge(10000, 'x');
  const std::string cut = TruncateForMessage(huge);
  EXPECT_EQ(cut, std::string(kMaxEchoedLength, 'x') + "...(10000 bytes)");
  EXPECT_EQ(TruncateForMessage("abcdef", 3), "abc...(6 bytes)");
  // Never cuts a UTF-8 sequence: "é" is two bytes.
  EXPECT_EQ(TruncateForMessage("a\xc3\xa9z", 2), "a...(4 bytes)");
  EXPECT_EQ(TruncateForMessage("line\nforged"), "line?forged");
}

TEST(NameTest, ServerlessHostsTable) {
  EXPECT_TRUE(IsServerlessEndpoint("serverless-1.us-east-2.s.union.ai"));
  EXPECT_TRUE(IsServerlessEndpoint("https://serverless-1.us-east-2.s.union.ai"));
  EXPECT_TRUE(IsServerlessEndpoint("dns:///serverless-preview.canary.unionai.cloud:443"));
  EXPECT_TRUE(IsServerlessEndpoint("serverless-gcp.cloud-staging.union.ai"));
  EXPECT_FALSE(IsServerlessEndpoint("acme.union.ai"));
  EXPECT_FALSE(IsServerlessEndpoint("localhost:8089"));
}

TEST(RedactTest, ReplacesEverySecretOccurrence) {
  EXPECT_EQ(RedactSecrets("a s3cr3t b s3cr3t", {"s3cr3t"}),
            "a <redacted> b <redacted>");
  EXPECT_EQ(RedactSecrets("token abcd and wxyz", std::vector<std::string>{"abcd", "wxyz"}),
            "token <redacted> and <redacted>");
  EXPECT_EQ(RedactSecrets("nothing here", {"", "zz"}), "nothing here");
  EXPECT_EQ(Redact(""), "");
  EXPECT_EQ(Redact("x"), "<redacted>");
}

TEST(ErrorsTest, ExitCodes) {
  EXPECT_EQ(ExitCodeFor(absl::OkStatus()), 0);
  EXPECT_EQ(ExitCodeFor(absl::NotFoundError("x")), 2);
  EXPECT_EQ(ExitCodeFor(absl::UnavailableError("x")), 1);
}

TEST(ErrorsTest, RequestNeverSent) {
  EXPECT_TRUE(RequestNeverSent(absl::UnavailableError(
      "cannot reach Union at 127.0.0.1:1 (failed to connect to all addresses)")));
  EXPECT_TRUE(RequestNeverSent(absl::UnavailableError("Connection refused")));
  EXPECT_TRUE(RequestNeverSent(absl::UnavailableError("DNS resolution failed")));
  EXPECT_TRUE(RequestNeverSent(absl::UnavailableError("empty address list: x")));
  EXPECT_FALSE(RequestNeverSent(absl::UnavailableError("Socket closed")));
  EXPECT_FALSE(RequestNeverSent(absl::DeadlineExceededError("failed to connect")));
  EXPECT_FALSE(RequestNeverSent(absl::OkStatus()));
}

TEST(JsonTest, SecretsRedactedUnlessAsked) {
  ApiKey k;
  k.client_id = "ci";
  k.client_secret = kSecret;
  k.encoded_credentials = "ZW5jb2RlZA==";
  std::string plain = ToJsonString(k);
  EXPECT_THAT(plain, Not(HasSubstr(kSecret)));
  EXPECT_THAT(plain, Not(HasSubstr("ZW5jb2RlZA==")));
  EXPECT_EQ(ToJson(k)["client_secret"], "<redacted>");
  auto with = ToJson(k, {.include_secrets = true});
  EXPECT_EQ(with["client_secret"], kSecret);
  EXPECT_EQ(with["encoded_credentials"], "ZW5jb2RlZA==");
  ApiKey no_secret;
  EXPECT_FALSE(ToJson(no_secret).contains("client_secret"));
  EXPECT_TRUE(ToJson(no_secret)["client_secret_expires_at"].is_null());
  no_secret.client_secret_expires_at = absl::FromUnixSeconds(1893456000);
  EXPECT_EQ(ToJson(no_secret)["client_secret_expires_at"], "2030-01-01T00:00:00Z");
}

class ConfigTest : public ::testing::Test {
 protected:
  std::map<std::string, std::string> env_;
  EnvLookup Env() {
    return [this](std::string_view n) -> std::optional<std::string> {
      auto it = env_.find(std::string(n));
      if (it == env_.end()) return std::nullopt;
      return it->second;
    };
  }
};

TEST(JsonTest, TimesAreRfc3339InUtcWholeSeconds) {
  ApiKey k;
  EXPECT_EQ(ToJson(k)["client_id_issued_at"], "");
  EXPECT_EQ(ToJson(k)["client_id_issued_at_seconds"], 0);
  k.client_id_issued_at = absl::FromUnixSeconds(1764158400);
  EXPECT_EQ(ToJson(k)["client_id_issued_at"], "2025-11-26T12:00:00Z");
  EXPECT_EQ(ToJson(k)["client_id_issued_at_seconds"], 1764158400);
  EXPECT_EQ(FormatRfc3339(absl::FromUnixSeconds(1764158400) +
                          absl::Milliseconds(250)),
            "2025-11-26T12:00:00Z");
}

TEST_F(ConfigTest, EnvironmentPrecedenceIsTheListOrderSkippingEmpties) {
  EXPECT_FALSE(ApiKeyFromEnv(Env()).has_value());
  EXPECT_FALSE(EndpointFromEnv(Env()).has_value());
  env_["UNIONAI_API_KEY"] = "third";
  env_["FLYTE_API_KEY"] = "second";
  env_["UNION_API_KEY"] = "";
  env_["UNION_ENDPOINT"] = "";
  std::optional<EnvValue> found = ApiKeyFromEnv(Env());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->variable, "FLYTE_API_KEY");
  EXPECT_EQ(found->value, "second");
  EXPECT_FALSE(EndpointFromEnv(Env()).has_value());
  env_["UNION_API_KEY"] = "first";
  env_["UNION_ENDPOINT"] = "h:1";
  EXPECT_EQ(ApiKeyFromEnv(Env())->variable, "UNION_API_KEY");
  EXPECT_EQ(EndpointFromEnv(Env()), "h:1");
  EXPECT_EQ(ApiKeyEnvVarList(), "UNION_API_KEY, FLYTE_API_KEY, UNIONAI_API_KEY");
}

TEST_F(ConfigTest, NoKeyIsAClearError) {
  auto c = ResolveConfig({}, Env());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(c.status().message()),
              HasSubstr("set one of UNION_API_KEY, FLYTE_API_KEY or "
                        "UNIONAI_API_KEY"));
}

TEST_F(ConfigTest, EnvPrecedence) {
  env_["UNIONAI_API_KEY"] = B64("c.example:c:s3cr3t-VALUE-42:None");
  env_["FLYTE_API_KEY"] = B64("b.example:b:s3cr3t-VALUE-42:None");
  auto c = ResolveConfig({}, Env());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->credentials.client_id, "b");
  env_["UNION_API_KEY"] = B64("a.example:a:s3cr3t-VALUE-42:orga");
  c = ResolveConfig({}, Env());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->credentials.client_id, "a");
  EXPECT_EQ(c->endpoint, "a.example");
  EXPECT_EQ(c->org, "orga");
  ConfigInputs in;
  in.api_key = B64("x.example:x:s3cr3t-VALUE-42:None");
  c = ResolveConfig(in, Env());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->credentials.client_id, "x");  // explicit wins
}

TEST_F(ConfigTest, EndpointPrecedenceAndOptions) {
  env_["UNION_API_KEY"] = B64("dns:///key.example:443:a:s3cr3t-VALUE-42:None");
  auto c = ResolveConfig({}, Env());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->endpoint, "key.example:443");
  env_["UNION_ENDPOINT"] = "https://env.example";
  c = ResolveConfig({}, Env());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->endpoint, "env.example");
  ConfigInputs in;
  in.endpoint = "localhost:8089";
  in.insecure = true;
  in.org = "o2";
  in.timeout = std::chrono::milliseconds(1500);
  in.max_retries = 0;
  c = ResolveConfig(in, Env());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->endpoint, "localhost:8089");
  EXPECT_TRUE(c->insecure);
  EXPECT_EQ(c->org, "o2");
  EXPECT_EQ(c->timeout, std::chrono::milliseconds(1500));
  EXPECT_EQ(c->max_retries, 0);
  in.timeout = std::chrono::milliseconds(0);
  EXPECT_FALSE(ResolveConfig(in, Env()).ok());
  in.timeout = std::chrono::milliseconds(10'000'000'000'000);  // 1e10 s
  c = ResolveConfig(in, Env());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->timeout, std::chrono::hours(24));
}

TEST_F(ConfigTest, AccessTokenInsteadOfAnApiKey) {
  ConfigInputs in;
  in.access_token = "access-token-value-1";
  // It needs an endpoint: there is no key to take one from.
  auto c = ResolveConfig(in, Env());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(c.status().message()), HasSubstr("UNION_ENDPOINT"));
  EXPECT_THAT(std::string(c.status().message()), Not(HasSubstr("access-token-value-1")));

  env_["UNION_ENDPOINT"] = "https://env.example";
  env_["UNION_API_KEY"] = B64("key.example:a:s3cr3t-VALUE-42:orga");
  c = ResolveConfig(in, Env());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->access_token, "access-token-value-1");
  EXPECT_EQ(c->endpoint, "env.example");
  EXPECT_EQ(c->org, "");  // not the environment key's
  EXPECT_EQ(c->credentials.client_id, "");  // the env key is not consulted

  in.endpoint = "explicit.example:8089";
  in.org = "o";
  c = ResolveConfig(in, Env());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->endpoint, "explicit.example:8089");
  EXPECT_EQ(c->org, "o");

  in.api_key = B64("x.example:x:s3cr3t-VALUE-42:None");
  c = ResolveConfig(in, Env());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(c.status().message()), HasSubstr("give only one"));
  EXPECT_THAT(std::string(c.status().message()), Not(HasSubstr(kSecret)));
  EXPECT_THAT(std::string(c.status().message()), Not(HasSubstr("access-token-value-1")));

  in.access_token = "";  // empty means not given: the API key is used
  c = ResolveConfig(in, Env());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->access_token, "");
  EXPECT_EQ(c->credentials.client_id, "x");
}

TEST_F(ConfigTest, MalformedEnvKeyNamesTheVariableNotTheValue) {
  env_["UNION_API_KEY"] = B64("host:s3cr3t-VALUE-42");
  auto c = ResolveConfig({}, Env());
  ASSERT_FALSE(c.ok());
  std::string msg(c.status().message());
  EXPECT_THAT(msg, HasSubstr("UNION_API_KEY"));
  EXPECT_THAT(msg, Not(HasSubstr(kSecret)));
  EXPECT_THAT(msg, Not(HasSubstr(env_["UNION_API_KEY"])));
}

}  // namespace
}  // namespace unionc
