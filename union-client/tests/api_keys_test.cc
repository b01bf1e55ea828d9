// ApiKeys against the in-process fake: auth, tokens, retries, pagination,
// update semantics, typed errors, async variants and bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "fake_union.h"
#include "test_keys.h"
#include "tls_test_cert.h"
#include "union/access_token.h"
#include "union/api_key.h"
#include "union/client.h"
#include "union/config.h"
#include "union/credentials.h"
#include "union/log.h"

namespace unionc {
namespace {

namespace id = cloudidl::identity;
using ::testing::ElementsAre;
using testing::FakeUnion;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::TokenMode;

// Collects every log line, so tests can check no secret was logged.
class LogCapture {
 public:
  LogCapture() {
    SetLogSink([this](LogLevel, std::string_view m) {
      absl::MutexLock l(&mu_);
      lines_.emplace_back(m);
    });
  }
  ~LogCapture() { SetLogSink(nullptr); }
  std::string All() {
    absl::MutexLock l(&mu_);
    std::string all;
    for (const auto& s : lines_) absl::StrAppend(&all, s, "\n");
    return all;
  }

 private:
  absl::Mutex mu_;
  std::vector<std::string> lines_ ABSL_GUARDED_BY(mu_);
};

// A client on `in` alone (no environment), retrying with short backoffs.
absl::StatusOr<std::shared_ptr<Client>> ClientOn(const ConfigInputs& in) {
  absl::StatusOr<ClientConfig> cfg =
      ResolveConfig(in, [](std::string_view) { return std::nullopt; });
  if (!cfg.ok()) return cfg.status();
  cfg->initial_backoff = std::chrono::milliseconds(5);
  cfg->max_backoff = std::chrono::milliseconds(20);
  return Client::Create(*cfg);
}

// Plaintext inputs for a key on `endpoint` with `secret`.
ConfigInputs PlaintextInputs(const std::string& endpoint,
                             const std::string& secret,
                             std::chrono::milliseconds timeout,
                             int max_retries) {
  ConfigInputs in;
  in.api_key = testing::EncodedKey(endpoint, "id", secret);
  in.insecure = true;
  in.timeout = timeout;
  in.max_retries = max_retries;
  return in;
}

class ApiKeysTest : public ::testing::Test {
 protected:
  ApiKeys Keys(std::chrono::milliseconds timeout = std::chrono::seconds(10),
               int max_retries = 3) {
    ConfigInputs in;
    in.api_key = fake_.api_key();
    in.insecure = true;
    in.timeout = timeout;
    in.max_retries = max_retries;
    auto client = ClientOn(in);
    EXPECT_TRUE(client.ok()) << client.status();
    return ApiKeys(*client);
  }

  void ExpectNoSecrets(const std::string& text) {
    EXPECT_THAT(text, Not(HasSubstr(fake_.state().client_secret)));
    EXPECT_THAT(text, Not(HasSubstr("fake-access-token-")));
    EXPECT_THAT(text, Not(HasSubstr("generated-secret-")));
  }

  void Seed(int n) {
    absl::MutexLock l(&fake_.state().mu);
    for (int i = 0; i < n; ++i) {
      char cid_buf[16];
      std::snprintf(cid_buf, sizeof(cid_buf), "key-%04d", i);
      std::string cid = cid_buf;
      id::App app;
      app.set_client_id(cid);
      app.set_client_name(cid);
      fake_.state().apps[cid] = app;
    }
  }

  LogCapture logs_;
  FakeUnion fake_;
};

TEST_F(ApiKeysTest, CreateSendsReferenceDefaultsAndReturnsSecretOnce) {
  ApiKeys keys = Keys();
  auto key = keys.Create("CI Pipeline #1");
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(key->client_id, "ci-pipeline-1");
  EXPECT_EQ(key->client_name, "ci-pipeline-1");
  ASSERT_TRUE(key->client_secret.has_value());
  ASSERT_TRUE(key->encoded_credentials.has_value());
  auto creds = ApiKeyCredentials::Decode(*key->encoded_credentials);
  ASSERT_TRUE(creds.ok());
  EXPECT_EQ(creds->endpoint, fake_.endpoint());
  EXPECT_EQ(creds->client_id, "ci-pipeline-1");
  EXPECT_EQ(creds->client_secret, *key->client_secret);
  EXPECT_EQ(creds->org, "");
  EXPECT_THAT(key->grant_types,
              ElementsAre("CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"));
  EXPECT_THAT(key->response_types, ElementsAre("CODE"));
  EXPECT_EQ(key->token_endpoint_auth_method, "CLIENT_SECRET_BASIC");
  EXPECT_EQ(key->client_id_issued_at, absl::FromUnixSeconds(1700000000));
  EXPECT_EQ(ToJson(*key)["client_id_issued_at"], "2023-11-14T22:13:20Z");
  EXPECT_EQ(ToJson(*key)["client_id_issued_at_seconds"], 1700000000);

  {
    absl::MutexLock l(&fake_.state().mu);
    const id::CreateAppRequest& req = fake_.state().last_create;
    EXPECT_EQ(req.organization(), "");
    EXPECT_EQ(req.client_name(), "ci-pipeline-1");
    EXPECT_THAT(req.redirect_uris(),
                ElementsAre(std::string(kDefaultRedirectUri)));
    EXPECT_THAT(req.grant_types(),
                ElementsAre(id::CLIENT_CREDENTIALS, id::AUTHORIZATION_CODE));
    EXPECT_THAT(req.response_types(), ElementsAre(id::CODE));
    EXPECT_EQ(req.token_endpoint_auth_method(), id::CLIENT_SECRET_BASIC);
    EXPECT_EQ(req.consent_method(), id::CONSENT_METHOD_REQUIRED);
    EXPECT_FALSE(req.skip_default_policy_assignments());
    // The token request: client credentials, scopes, audience.
    EXPECT_THAT(fake_.state().last_token_form,
                HasSubstr("grant_type=client_credentials"));
    EXPECT_THAT(fake_.state().last_token_form,
                HasSubstr("scope=all%20offline"));
    EXPECT_THAT(fake_.state().last_token_form,
                HasSubstr("audience=fake-audience"));
  }

  auto got = keys.Get("ci-pipeline-1");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_FALSE(got->client_secret.has_value());
  EXPECT_FALSE(got->encoded_credentials.has_value());
  EXPECT_EQ(got->client_id, "ci-pipeline-1");
  ExpectNoSecrets(logs_.All());
}

TEST_F(ApiKeysTest, CreateOptionsAndRedirectUris) {
  ApiKeys keys = Keys();
  auto key = keys.Create(
      "deploy", {"https://a/cb", "https://b/cb"},
      {.skip_default_policy_assignments = true, .client_name = "Deploy bot"});
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(key->client_name, "Deploy bot");
  EXPECT_THAT(key->redirect_uris, ElementsAre("https://a/cb", "https://b/cb"));
  absl::MutexLock l(&fake_.state().mu);
  EXPECT_TRUE(fake_.state().last_create.skip_default_policy_assignments());
}

TEST_F(ApiKeysTest, EveryCallCarriesTheDiscoveredMetadataKey) {
  fake_.state().metadata_key = "flyte-authorization";
  ApiKeys keys = Keys();
  ASSERT_TRUE(keys.Create("a").ok());
  ASSERT_TRUE(keys.Get("a").ok());
  ASSERT_TRUE(keys.ListAll().ok());
  EXPECT_EQ(fake_.state().unauthenticated, 0);
  absl::MutexLock l(&fake_.state().mu);
  EXPECT_EQ(fake_.state().seen_tokens.size(), 3u);
  for (const auto& t : fake_.state().seen_tokens)
    EXPECT_EQ(t, "fake-access-token-1");
}

TEST_F(ApiKeysTest, TypedNotFoundAndAlreadyExists) {
  ApiKeys keys = Keys();
  auto missing = keys.Get("ci");
  ASSERT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(
      missing.status().message(),
      "API key \"ci\" was not found in organization \"\"; check the client_id "
      "with `union-apikey list`");
  ASSERT_TRUE(keys.Create("dup").ok());
  auto again = keys.Create("dup");
  ASSERT_EQ(again.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(std::string(again.status().message()),
              HasSubstr("\"dup\" already exists"));
  ExpectNoSecrets(std::string(again.status().message()));
  EXPECT_EQ(keys.Delete("nope").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(keys.Update("nope", {}).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(keys.Get("").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(keys.Create("").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ApiKeysTest, TokenIsRefreshedWhenExpired) {
  fake_.state().expires_in = 1;
  ApiKeys keys = Keys();
  ASSERT_TRUE(keys.Create("k").ok());
  EXPECT_EQ(fake_.state().token_requests, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ASSERT_TRUE(keys.Get("k").ok());
  EXPECT_EQ(fake_.state().token_requests, 2);
  EXPECT_EQ(fake_.state().unauthenticated, 0);
}

TEST_F(ApiKeysTest, RefreshesOnceOnUnauthenticated) {
  ApiKeys keys = Keys();
  ASSERT_TRUE(keys.Create("k").ok());
  fake_.state().RevokeAllTokens();
  auto got = keys.Get("k");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(fake_.state().token_requests, 2);
  EXPECT_EQ(fake_.state().unauthenticated, 1);

  // A server that keeps rejecting: one refresh, one retry, then the error.
  fake_.state().reject_all_tokens = true;
  const int gets_before = fake_.state().get_calls;
  auto rejected = keys.Get("k");
  EXPECT_EQ(rejected.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(fake_.state().get_calls - gets_before, 2);
  ExpectNoSecrets(std::string(rejected.status().message()));
}

TEST_F(ApiKeysTest, GetRetriesOnUnavailable) {
  ApiKeys keys = Keys();
  ASSERT_TRUE(keys.Create("k").ok());
  fake_.state().fail_get = 2;
  const int before = fake_.state().get_calls;
  auto got = keys.Get("k");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(fake_.state().get_calls - before, 3);

  ApiKeys one_retry = Keys(std::chrono::seconds(10), 1);
  fake_.state().fail_get = 5;
  const int before2 = fake_.state().get_calls;
  auto failed = one_retry.Get("k");
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(fake_.state().get_calls - before2, 2);
}

TEST_F(ApiKeysTest, CreateIsNotRetriedAfterTheRequestWasSent) {
  ApiKeys keys = Keys();
  fake_.state().fail_create_after_commit = 1;
  auto key = keys.Create("once");
  ASSERT_EQ(key.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(fake_.state().create_calls, 1);
  EXPECT_THAT(std::string(key.status().message()),
              HasSubstr("may or may not exist"));
  // It was committed: the caller can look it up.
  EXPECT_TRUE(keys.Get("once").ok());
}

TEST_F(ApiKeysTest, CreateIsRetriedWhenTheChannelCannotConnect) {
  ApiKeys keys = Keys(std::chrono::seconds(5), 2);
  ASSERT_TRUE(keys.Get("warm-up").status().code() ==
              absl::StatusCode::kNotFound);
  fake_.StopGrpc();
  auto key = keys.Create("never");
  ASSERT_EQ(key.status().code(), absl::StatusCode::kUnavailable)
      << key.status();
  EXPECT_THAT(std::string(key.status().message()), HasSubstr(fake_.endpoint()));
  const std::string logs = logs_.All();
  EXPECT_THAT(logs, HasSubstr("create failed with code 14; retry 1 of 2"));
  EXPECT_THAT(logs, HasSubstr("create failed with code 14; retry 2 of 2"));
  ExpectNoSecrets(logs);
}

TEST_F(ApiKeysTest, ListFollowsPagesUpToTheLimit) {
  Seed(250);
  ApiKeys keys = Keys();
  auto all = keys.ListAll(0);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->size(), 250u);
  EXPECT_EQ(fake_.state().list_calls, 3);
  EXPECT_EQ(all->front().client_id, "key-0000");
  EXPECT_EQ(all->back().client_id, "key-0249");

  auto some = keys.ListAll(120);
  ASSERT_TRUE(some.ok());
  EXPECT_EQ(some->size(), 120u);
  EXPECT_EQ(some->back().client_id, "key-0119");
  absl::MutexLock l(&fake_.state().mu);
  EXPECT_THAT(fake_.state().list_limits, ElementsAre(100, 100, 100, 100, 20));
}

TEST_F(ApiKeysTest, ListDefaultLimitIsOneHundred) {
  Seed(150);
  ApiKeys keys = Keys();
  auto page = keys.ListAll();
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->size(), 100u);
  EXPECT_EQ(fake_.state().list_calls, 1);
}

// Seeds apps with these client_ids.
void SeedIds(FakeUnion& fake, std::initializer_list<std::string> ids) {
  absl::MutexLock l(&fake.state().mu);
  for (const std::string& cid : ids) {
    id::App app;
    app.set_client_id(cid);
    app.set_client_name(cid);
    fake.state().apps[cid] = app;
  }
}

std::vector<std::string> Ids(const std::vector<ApiKey>& keys) {
  std::vector<std::string> out;
  for (const ApiKey& k : keys) out.push_back(k.client_id);
  return out;
}

TEST_F(ApiKeysTest, ListFilterSendsContainsAndKeepsOnlyPrefixMatches) {
  SeedIds(fake_, {"ci-a", "ci-b", "prod-ci-x", "other"});
  ApiKeys keys = Keys();
  auto got = keys.ListAll(0, {.client_id_prefix = "ci-"});
  ASSERT_TRUE(got.ok()) << got.status();
  // The server's CONTAINS also matches "prod-ci-x"; the prefix rule drops it.
  EXPECT_THAT(Ids(*got), ElementsAre("ci-a", "ci-b"));
  absl::MutexLock l(&fake_.state().mu);
  EXPECT_THAT(fake_.state().list_filters,
              ElementsAre("CONTAINS client_id=ci-"));
}

TEST_F(ApiKeysTest, ListFilterWorksWhenTheServerIgnoresFilters) {
  Seed(250);
  SeedIds(fake_, {"ci-a", "ci-b"});
  fake_.state().ignore_list_filters = true;
  ApiKeys keys = Keys();
  auto got = keys.ListAll(0, {.client_id_prefix = "ci-"});
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_THAT(Ids(*got), ElementsAre("ci-a", "ci-b"));

  // `limit` counts matching keys, across pages of non-matching ones.
  auto some = keys.ListAll(30, {.client_id_prefix = "key-01"});
  ASSERT_TRUE(some.ok()) << some.status();
  ASSERT_EQ(some->size(), 30u);
  EXPECT_EQ(some->front().client_id, "key-0100");
  EXPECT_EQ(some->back().client_id, "key-0129");

  auto async = keys.ListAllAsync(0, {.client_id_prefix = "ci-b"}).get();
  ASSERT_TRUE(async.ok()) << async.status();
  EXPECT_THAT(Ids(*async), ElementsAre("ci-b"));
}

TEST_F(ApiKeysTest, ListWithoutFilterSendsNone) {
  SeedIds(fake_, {"a1", "b1"});
  ApiKeys keys = Keys();
  auto got = keys.ListAll();
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_THAT(Ids(*got), ElementsAre("a1", "b1"));
  absl::MutexLock l(&fake_.state().mu);
  EXPECT_THAT(fake_.state().list_filters, ElementsAre(""));
}

TEST_F(ApiKeysTest, ClientSecretExpiryIsMappedWhenSet) {
  {
    absl::MutexLock l(&fake_.state().mu);
    id::App expiring;
    expiring.set_client_id("expiring");
    expiring.mutable_client_secret_expires_at()->set_seconds(1700003600);
    fake_.state().apps["expiring"] = expiring;
    id::App zero;
    zero.set_client_id("zero");
    zero.mutable_client_secret_expires_at()->set_seconds(0);
    fake_.state().apps["zero"] = zero;
    id::App unset;
    unset.set_client_id("unset");
    fake_.state().apps["unset"] = unset;
  }
  ApiKeys keys = Keys();
  auto expiring = keys.Get("expiring");
  ASSERT_TRUE(expiring.ok()) << expiring.status();
  EXPECT_EQ(expiring->client_secret_expires_at,
            absl::FromUnixSeconds(1700003600));
  EXPECT_EQ(ToJson(*expiring)["client_secret_expires_at"],
            "2023-11-14T23:13:20Z");
  for (const char* cid : {"zero", "unset"}) {
    auto key = keys.Get(cid);
    ASSERT_TRUE(key.ok()) << key.status();
    EXPECT_EQ(key->client_secret_expires_at, std::nullopt) << cid;
    EXPECT_TRUE(ToJson(*key)["client_secret_expires_at"].is_null()) << cid;
  }
}

TEST_F(ApiKeysTest, BadNamesAndRedirectUrisAreRefusedBeforeSending) {
  ApiKeys keys = Keys();
  auto punct = keys.Create("!!!");
  EXPECT_EQ(punct.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(punct.status().message()),
              HasSubstr("no letter or digit"));
  auto empty = keys.Create("");
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  auto long_name = keys.Create(std::string(kMaxClientIdLength + 1, 'a'));
  EXPECT_EQ(long_name.status().code(), absl::StatusCode::kInvalidArgument);
  auto js = keys.Create("ok", {"https://x/cb", "JavaScript:alert(1)"});
  EXPECT_EQ(js.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(js.status().message()),
              HasSubstr("redirect_uris[1]"));
  EXPECT_EQ(fake_.state().create_calls, 0);
  EXPECT_EQ(fake_.state().token_requests, 0);

  ASSERT_TRUE(keys.Create("ok").ok());
  const int gets = fake_.state().get_calls;
  auto upd = keys.Update(
      "ok", {.redirect_uris = std::vector<std::string>{"relative/path"}});
  EXPECT_EQ(upd.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(upd.status().message()),
              HasSubstr("redirect_uris[0]"));
  EXPECT_EQ(fake_.state().update_calls, 0);
  EXPECT_EQ(fake_.state().get_calls, gets);
}

TEST_F(ApiKeysTest, HugeClientIdIsNotEchoedWhole) {
  ApiKeys keys = Keys();
  const std::string huge(10000, 'q');
  for (absl::Status st : {keys.Get(huge).status(), keys.Delete(huge)}) {
    EXPECT_EQ(st.code(), absl::StatusCode::kNotFound)
        << st.message().substr(0, 200);
    EXPECT_THAT(std::string(st.message()), HasSubstr("(10000 bytes)"));
    EXPECT_LT(st.message().size(), 400u);
  }
  auto created = keys.Create(huge);
  EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_LT(created.status().message().size(), 400u);
}

// The log says what the client is doing (retries with attempt and code,
// token requests with reason and expiry, discovery results), never a secret.
TEST_F(ApiKeysTest, LogsRetriesRefreshesAndDiscoveryWithoutSecrets) {
  ApiKeys keys = Keys();
  ASSERT_TRUE(keys.Create("k").ok());
  fake_.state().fail_get = 1;
  ASSERT_TRUE(keys.Get("k").ok());
  fake_.state().RevokeAllTokens();
  ASSERT_TRUE(keys.Get("k").ok());

  const std::string logs = logs_.All();
  EXPECT_THAT(logs,
              HasSubstr(absl::StrCat("discovered the token endpoint http://",
                                     fake_.http_endpoint(), "/oauth2/token")));
  EXPECT_THAT(logs, HasSubstr("requesting an access token for client_id admin "
                              "(none cached yet)"));
  EXPECT_THAT(logs,
              HasSubstr("get failed with code 14; retry 1 of 3 (attempt 2)"));
  EXPECT_THAT(logs,
              HasSubstr("get was UNAUTHENTICATED; refreshing the token once"));
  EXPECT_THAT(
      logs,
      HasSubstr("(the server rejected the cached one (UNAUTHENTICATED))"));
  EXPECT_THAT(logs,
              HasSubstr("got an access token valid for 3600 s (expires at "));
  ExpectNoSecrets(logs);
  EXPECT_THAT(logs, Not(HasSubstr(fake_.api_key())));
  EXPECT_THAT(logs, Not(HasSubstr("Basic ")));
}

TEST_F(ApiKeysTest, AccessTokenConfigurationIsSentAsIs) {
  {
    absl::MutexLock l(&fake_.state().mu);
    fake_.state().valid_tokens.insert("configured-token-abcdef");
  }
  ConfigInputs in;
  in.access_token = "configured-token-abcdef";
  in.endpoint = fake_.endpoint();
  in.insecure = true;
  in.timeout = std::chrono::seconds(10);
  auto client = ClientOn(in);
  ASSERT_TRUE(client.ok()) << client.status();
  ApiKeys keys(*client);
  ASSERT_TRUE(keys.Create("via-token").ok());
  ASSERT_TRUE(keys.Get("via-token").ok());
  EXPECT_EQ(fake_.state().token_requests, 0);  // no discovery, no grant
  {
    absl::MutexLock l(&fake_.state().mu);
    EXPECT_THAT(
        fake_.state().seen_tokens,
        ElementsAre("configured-token-abcdef", "configured-token-abcdef"));
  }
  absl::StatusOr<AccessToken> minted = MintAccessToken(**client);
  ASSERT_TRUE(minted.ok()) << minted.status();
  EXPECT_EQ(minted->access_token, "configured-token-abcdef");
  EXPECT_EQ(minted->expires_at, absl::InfiniteFuture());

  // Rejected: nothing to refresh, so no second attempt; the token is not shown.
  fake_.state().RevokeAllTokens();
  const int gets = fake_.state().get_calls;
  auto rejected = keys.Get("via-token");
  EXPECT_EQ(rejected.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(std::string(rejected.status().message()),
              HasSubstr("access token given in the configuration"));
  EXPECT_THAT(std::string(rejected.status().message()),
              Not(HasSubstr("configured-token-abcdef")));
  EXPECT_EQ(fake_.state().get_calls - gets, 1);
  EXPECT_THAT(logs_.All(), Not(HasSubstr("configured-token-abcdef")));
}

TEST_F(ApiKeysTest, MintAccessTokenUsesTheClientsTokenSource) {
  ApiKeys keys = Keys();
  const absl::Time before = absl::Now();
  absl::StatusOr<AccessToken> minted = MintAccessToken(*keys.client());
  ASSERT_TRUE(minted.ok()) << minted.status();
  EXPECT_EQ(minted->access_token, "fake-access-token-1");
  EXPECT_EQ(minted->token_type, "bearer");
  EXPECT_GE(minted->expires_at, before + absl::Seconds(3600));
  EXPECT_LE(minted->expires_at, absl::Now() + absl::Seconds(3600));
  // The calls of the client use the same cached token.
  ASSERT_TRUE(keys.Create("k").ok());
  EXPECT_EQ(fake_.state().token_requests, 1);

  // From the encoded key: decode, discovery, grant (the same process-wide
  // connection and cache for the same key and settings).
  ConfigInputs options;
  options.insecure = true;
  options.timeout = std::chrono::seconds(10);
  options.max_retries = 3;
  auto none = [](std::string_view) -> std::optional<std::string> {
    return std::nullopt;
  };
  absl::StatusOr<AccessToken> from_key =
      MintAccessToken(fake_.api_key(), options, none);
  ASSERT_TRUE(from_key.ok()) << from_key.status();
  EXPECT_FALSE(from_key->access_token.empty());

  fake_.state().token_mode = TokenMode::k401;
  ConfigInputs other = options;
  other.timeout = std::chrono::seconds(9);  // another connection: no cache
  absl::StatusOr<AccessToken> rejected =
      MintAccessToken(fake_.api_key(), other, none);
  EXPECT_EQ(rejected.status().code(), absl::StatusCode::kUnauthenticated);
  ExpectNoSecrets(std::string(rejected.status().message()));

  EXPECT_EQ(MintAccessToken("not-a-key!!", options, none).status().code(),
            absl::StatusCode::kInvalidArgument);
  ConfigInputs with_key = options;
  with_key.api_key = fake_.api_key();
  EXPECT_EQ(MintAccessToken(fake_.api_key(), with_key, none).status().code(),
            absl::StatusCode::kInvalidArgument);
  ExpectNoSecrets(logs_.All());
}

TEST_F(ApiKeysTest, UpdatePreservesEveryFieldItDoesNotChange) {
  {
    absl::MutexLock l(&fake_.state().mu);
    id::App app;
    app.set_client_id("svc");
    app.set_client_name("Service");
    app.add_redirect_uris("https://old/cb");
    app.add_grant_types(id::CLIENT_CREDENTIALS);
    app.add_response_types(id::CODE);
    app.add_response_types(id::TOKEN);
    app.set_application_type(id::NATIVE);
    app.add_contacts("ops@example.com");
    app.set_logo_uri("https://logo");
    app.set_client_uri("https://client");
    app.set_policy_uri("https://policy");
    app.set_tos_uri("https://tos");
    app.set_jwks_uri("https://jwks");
    app.set_token_endpoint_auth_method(id::CLIENT_SECRET_POST);
    fake_.state().apps["svc"] = app;
  }
  ApiKeys keys = Keys();
  auto renamed = keys.Update("svc", {.client_name = "Renamed"});
  ASSERT_TRUE(renamed.ok()) << renamed.status();
  EXPECT_EQ(renamed->client_name, "Renamed");
  EXPECT_THAT(renamed->redirect_uris, ElementsAre("https://old/cb"));
  EXPECT_THAT(renamed->grant_types, ElementsAre("CLIENT_CREDENTIALS"));
  EXPECT_THAT(renamed->response_types, ElementsAre("CODE", "TOKEN"));
  EXPECT_EQ(renamed->token_endpoint_auth_method, "CLIENT_SECRET_POST");
  EXPECT_EQ(renamed->application_type, "NATIVE");

  auto moved = keys.Update(
      "svc", {.redirect_uris = std::vector<std::string>{"https://new/cb"}});
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->client_name, "Renamed");
  EXPECT_THAT(moved->redirect_uris, ElementsAre("https://new/cb"));

  absl::MutexLock l(&fake_.state().mu);
  const id::App& stored = fake_.state().apps["svc"];
  EXPECT_THAT(stored.contacts(), ElementsAre("ops@example.com"));
  EXPECT_EQ(stored.logo_uri(), "https://logo");
  EXPECT_EQ(stored.client_uri(), "https://client");
  EXPECT_EQ(stored.policy_uri(), "https://policy");
  EXPECT_EQ(stored.tos_uri(), "https://tos");
  EXPECT_EQ(stored.jwks_uri(), "https://jwks");
  EXPECT_EQ(stored.application_type(), id::NATIVE);
  EXPECT_EQ(stored.token_endpoint_auth_method(), id::CLIENT_SECRET_POST);
  EXPECT_THAT(stored.grant_types(), ElementsAre(id::CLIENT_CREDENTIALS));
}

TEST_F(ApiKeysTest, DeleteRemovesTheKey) {
  ApiKeys keys = Keys();
  ASSERT_TRUE(keys.Create("gone").ok());
  ASSERT_TRUE(keys.Delete("gone").ok());
  EXPECT_EQ(keys.Get("gone").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(keys.Delete("gone").code(), absl::StatusCode::kNotFound);
}

TEST_F(ApiKeysTest, AsyncVariants) {
  ApiKeys keys = Keys();
  auto created = keys.CreateAsync("async key").get();
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->client_id, "async-key");
  auto got = keys.GetAsync("async-key");
  auto listed = keys.ListAllAsync(10);
  ASSERT_TRUE(got.get().ok());
  auto list = listed.get();
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 1u);
  auto updated = keys.UpdateAsync("async-key", {.client_name = "Async"}).get();
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->client_name, "Async");
  EXPECT_TRUE(keys.DeleteAsync("async-key").get().ok());
  EXPECT_EQ(keys.GetAsync("async-key").get().status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(ApiKeysTest, ConcurrentCallsShareOneTokenAndChannel) {
  ApiKeys keys = Keys();
  ASSERT_TRUE(keys.Create("shared").ok());
  ApiKeys again = Keys();
  EXPECT_EQ(&keys.client()->connection(), &again.client()->connection());
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        if (!again.Get("shared").ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(fake_.state().token_requests, 1);
}

TEST_F(ApiKeysTest, ColdStartFromManyThreadsFetchesOneToken) {
  Seed(1);
  ApiKeys keys = Keys();
  std::vector<std::future<absl::StatusOr<ApiKey>>> calls;
  for (int i = 0; i < 16; ++i) calls.push_back(keys.GetAsync("key-0000"));
  for (auto& f : calls) EXPECT_TRUE(f.get().ok());
  EXPECT_EQ(fake_.state().token_requests, 1);
  EXPECT_EQ(fake_.state().get_calls, 16);
}

struct TokenFailure {
  TokenMode mode;
  absl::StatusCode code;
  std::string expect;
};

class TokenEndpointTest : public ApiKeysTest,
                          public ::testing::WithParamInterface<TokenFailure> {};

TEST_P(TokenEndpointTest, ClearErrorsWithoutSecrets) {
  fake_.state().token_mode = GetParam().mode;
  ApiKeys keys = Keys(std::chrono::seconds(10), 1);
  auto got = keys.Get("x");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), GetParam().code) << got.status();
  EXPECT_THAT(std::string(got.status().message()),
              HasSubstr(GetParam().expect));
  ExpectNoSecrets(std::string(got.status().message()));
  ExpectNoSecrets(logs_.All());
  EXPECT_EQ(fake_.state().get_calls, 0);
}

INSTANTIATE_TEST_SUITE_P(
    Modes, TokenEndpointTest,
    ::testing::Values(TokenFailure{TokenMode::k401,
                                   absl::StatusCode::kUnauthenticated,
                                   "rejected the API key's client credentials "
                                   "(HTTP 401 invalid_client)"},
                      TokenFailure{TokenMode::k500,
                                   absl::StatusCode::kUnavailable, "HTTP 500"},
                      TokenFailure{TokenMode::kGarbage,
                                   absl::StatusCode::kInternal,
                                   "not a JSON object"}));

int UnusedPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  EXPECT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);  // nothing listens there now
  return ntohs(addr.sin_port);
}

TEST(UnreachableTest, ReturnsUnavailableWithinTheDeadline) {
  const std::string endpoint = absl::StrCat("127.0.0.1:", UnusedPort());
  auto client = ClientOn(PlaintextInputs(endpoint, "unreachable-secret-xyz",
                                         std::chrono::milliseconds(500), 1));
  ASSERT_TRUE(client.ok());
  ApiKeys keys(*client);
  for (auto status : {keys.Get("x").status(), keys.Create("x").status(),
                      keys.ListAll().status(), keys.Delete("x")}) {
    EXPECT_TRUE(absl::IsUnavailable(status) || absl::IsDeadlineExceeded(status))
        << status;
    EXPECT_THAT(std::string(status.message()), HasSubstr(endpoint));
    EXPECT_THAT(std::string(status.message()),
                Not(HasSubstr("unreachable-secret-xyz")));
  }
}

// Discovery falls back to the HTTP well-known documents when the gRPC
// AuthMetadataService does not answer (here: the endpoint speaks HTTP/1.1).
TEST_F(ApiKeysTest, DiscoveryFallsBackToWellKnownDocuments) {
  ConfigInputs in;
  in.api_key = fake_.api_key();
  in.endpoint = fake_.http_endpoint();
  in.insecure = true;
  in.timeout = std::chrono::seconds(5);
  in.max_retries = 0;
  auto client = ClientOn(in);
  ASSERT_TRUE(client.ok());
  auto got = ApiKeys(*client).Get("x");
  EXPECT_FALSE(got.ok());  // AppsService is not served over HTTP/1.1
  EXPECT_EQ(fake_.state().token_requests, 1);
  absl::MutexLock l(&fake_.state().mu);
  EXPECT_THAT(fake_.state().last_token_form, HasSubstr("scope=from-http"));
  EXPECT_THAT(fake_.state().last_token_form, HasSubstr("audience=http-aud"));
}

// A server that accepts TCP but never answers: DeadlineExceeded, no hang.
TEST(UnreachableTest, SilentServerHitsTheDeadline) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(listen(fd, 16), 0);  // never accept()ed
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const std::string endpoint = absl::StrCat("127.0.0.1:", ntohs(addr.sin_port));
  auto client = ClientOn(PlaintextInputs(endpoint, "silent-secret-xyz",
                                         std::chrono::milliseconds(300), 0));
  ASSERT_TRUE(client.ok());
  absl::Status st = ApiKeys(*client).Get("x").status();
  close(fd);
  EXPECT_TRUE(absl::IsDeadlineExceeded(st) || absl::IsUnavailable(st)) << st;
  EXPECT_THAT(std::string(st.message()), HasSubstr(endpoint));
  EXPECT_THAT(std::string(st.message()), Not(HasSubstr("silent-secret-xyz")));
}

// A file that exists but holds no PEM certificate is reported by name when
// the configuration is built (not later as gRPC's "empty address list").
TEST(ClientTest, CaFileWithoutCertificateIsReportedByName) {
  testing::TempDir dir;
  const std::string junk = dir.File("junk.pem");
  {
    std::ofstream out(junk);
    out << "this is not a certificate\n";
  }
  ConfigInputs in;
  in.api_key = testing::EncodedKey("example.invalid", "a", "bbbbbbbb");
  in.ca_cert_file = junk;
  auto none = [](std::string_view) -> std::optional<std::string> {
    return std::nullopt;
  };
  auto cfg = ResolveConfig(in, none);
  ASSERT_FALSE(cfg.ok());
  EXPECT_EQ(cfg.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(cfg.status().message()),
              HasSubstr(absl::StrCat("no certificate in \"", junk, "\"")));

  in.ca_cert_file = dir.File("missing.pem");
  cfg = ResolveConfig(in, none);
  ASSERT_FALSE(cfg.ok());
  EXPECT_THAT(std::string(cfg.status().message()),
              HasSubstr(absl::StrCat("cannot read the CA certificate file \"",
                                     *in.ca_cert_file, "\" (No such file")));

  const std::filesystem::path cert = dir.File("cert.pem");
  ASSERT_TRUE(testing::WriteSelfSignedCert(cert, dir.File("key.pem")));
  in.ca_cert_file = cert.string();
  cfg = ResolveConfig(in, none);
  ASSERT_TRUE(cfg.ok()) << cfg.status();

  // Client::Create checks a hand-built configuration the same way.
  cfg->ca_cert_file = junk;
  auto client = Client::Create(*cfg);
  EXPECT_EQ(client.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(client.status().message()),
              HasSubstr("no certificate in"));
}

TEST(ClientTest, BadCaFileIsInvalidArgument) {
  ClientConfig cfg;
  cfg.endpoint = "example.invalid";
  cfg.credentials = {.endpoint = "example.invalid",
                     .client_id = "a",
                     .client_secret = "bbbbbbbb",
                     .org = ""};
  cfg.ca_cert_file = "/nonexistent/ca.pem";
  auto client = Client::Create(cfg);
  EXPECT_EQ(client.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace unionc
