// ephemeral_api_key_test.cc: ephemeral union_api_key against the fake
// backend: Open creates a key named prefix + suffix and hands its client_id
// to Close in the private data; Close deletes it and is idempotent; failures
// leave nothing behind.
#include "provider/union/ephemeral_api_key.h"

#include <memory>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "provider/union/model.h"
#include "provider/union/names.h"
#include "provider/union/testing/fake_backend.h"
#include "provider/union/testing/handler_steps.h"

namespace union_provider {
namespace {

using testing::FakeBackend;
using tf::Value;

class EphemeralApiKeyTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakeBackend> fake_ = std::make_shared<FakeBackend>();
  int suffixes_ = 0;
  EphemeralApiKey e_{fake_, [this]() -> absl::StatusOr<std::string> {
                       return "sfx" + std::to_string(suffixes_++) + "abcd";
                     }};
  tf::Schema schema_ = e_.GetSchema();

  Value Config() { return tf::NullAttributes(schema_.ValueType()); }

  tf::OpenEphemeralResponse Open(const Value& config) {
    tf::OpenEphemeralResponse resp;
    resp.result = config;
    e_.Open(tf::Context(), {.config = config}, resp);
    return resp;
  }
  tf::CloseEphemeralResponse Close(const std::string& private_data) {
    tf::CloseEphemeralResponse resp;
    e_.Close(tf::Context(), {.private_data = private_data}, resp);
    return resp;
  }
};

TEST_F(EphemeralApiKeyTest, OpenCreatesAKeyWithTheDefaultPrefix) {
  tf::OpenEphemeralResponse r = Open(Config());
  ASSERT_FALSE(r.diagnostics.HasError()) << r.diagnostics.items()[0].detail;
  const std::string id = r.result.Attr("client_id").AsString();
  EXPECT_EQ(id, "tf-ephemeral-sfx0abcd");
  ASSERT_EQ(fake_->keys.count(id), 1u);
  EXPECT_EQ(fake_->keys[id].redirect_uris,
            std::vector<std::string>{kDefaultRedirectUri});
  EXPECT_EQ(r.result.Attr("client_secret").AsString(), "s3cr3t-" + id);
  EXPECT_EQ(r.result.Attr("encoded_credentials").AsString(),
            "ZW5jb2RlZC0=" + id);
  EXPECT_TRUE(r.result.IsWhollyKnown());
  EXPECT_EQ(r.private_data, id);
  EXPECT_FALSE(r.renew_at.has_value());  // a key does not expire
  // The config's own values stay as written.
  EXPECT_TRUE(r.result.Attr("name_prefix").IsNull());
}

TEST_F(EphemeralApiKeyTest, PrefixIsNormalisedAndArgumentsArePassed) {
  Value config =
      Config()
          .WithAttr("name_prefix", Value::String("CI Run #"))
          .WithAttr("redirect_uris", StringList({"http://127.0.0.1/cb"}))
          .WithAttr("skip_default_policy_assignments", Value::Bool(true));
  tf::OpenEphemeralResponse r = Open(config);
  ASSERT_FALSE(r.diagnostics.HasError());
  const std::string id = r.result.Attr("client_id").AsString();
  EXPECT_EQ(id, "ci-run-sfx0abcd");
  EXPECT_EQ(fake_->keys[id].redirect_uris,
            std::vector<std::string>{"http://127.0.0.1/cb"});
}

TEST_F(EphemeralApiKeyTest, CloseDeletesTheKeyAndIsIdempotent) {
  tf::OpenEphemeralResponse r = Open(Config());
  ASSERT_FALSE(r.diagnostics.HasError());
  ASSERT_EQ(fake_->keys.size(), 1u);
  tf::CloseEphemeralResponse c = Close(r.private_data);
  EXPECT_FALSE(c.diagnostics.HasError());
  EXPECT_TRUE(fake_->keys.empty());
  // Closing again (the key is gone: NOT_FOUND) is still success.
  c = Close(r.private_data);
  EXPECT_FALSE(c.diagnostics.HasError());
  EXPECT_EQ(fake_->deletes, 2);
  // Nothing to close when Open created nothing.
  c = Close("");
  EXPECT_FALSE(c.diagnostics.HasError());
  EXPECT_EQ(fake_->deletes, 2);
}

TEST_F(EphemeralApiKeyTest, CloseReportsAFailedDeleteWithCleanupAdvice) {
  tf::OpenEphemeralResponse r = Open(Config());
  fake_->fail_next_delete = absl::UnavailableError("connection reset");
  tf::CloseEphemeralResponse c = Close(r.private_data);
  ASSERT_TRUE(c.diagnostics.HasError());
  const std::string& detail = c.diagnostics.items()[0].detail;
  EXPECT_NE(detail.find("union-apikey delete " + r.private_data),
            std::string::npos)
      << detail;
  EXPECT_EQ(detail.find(r.result.Attr("client_secret").AsString()),
            std::string::npos);
}

TEST_F(EphemeralApiKeyTest, EveryOpenGetsItsOwnKey) {
  EphemeralApiKey real_suffixes(fake_);
  std::set<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    tf::OpenEphemeralResponse resp;
    resp.result = Config();
    real_suffixes.Open(tf::Context(), {.config = Config()}, resp);
    ASSERT_FALSE(resp.diagnostics.HasError());
    const std::string id = resp.result.Attr("client_id").AsString();
    EXPECT_EQ(id.rfind(kDefaultEphemeralNamePrefix, 0), 0u) << id;
    EXPECT_EQ(id.size(), std::string(kDefaultEphemeralNamePrefix).size() +
                             kKeySuffixLength);
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_EQ(fake_->keys.size(), 5u);
}

TEST_F(EphemeralApiKeyTest, ACollidingSuffixIsDrawnAgain) {
  fake_->keys["tf-ephemeral-sfx0abcd"] = unionc::ApiKey{};
  tf::OpenEphemeralResponse r = Open(Config());
  ASSERT_FALSE(r.diagnostics.HasError());
  EXPECT_EQ(r.result.Attr("client_id").AsString(), "tf-ephemeral-sfx1abcd");
}

TEST_F(EphemeralApiKeyTest, AnAmbiguousCreateFailureLeavesNoKeyBehind) {
  fake_->fail_next_create = absl::UnavailableError("stream reset");
  fake_->create_commits_before_failing = true;
  tf::OpenEphemeralResponse r = Open(Config());
  ASSERT_TRUE(r.diagnostics.HasError());
  EXPECT_TRUE(fake_->keys.empty()) << "the half-created key was not removed";
  EXPECT_TRUE(r.private_data.empty());
}

TEST_F(EphemeralApiKeyTest, AFailedCleanupTellsHowToDeleteTheKey) {
  fake_->fail_next_create = absl::UnavailableError("stream reset");
  fake_->create_commits_before_failing = true;
  fake_->fail_next_delete = absl::UnavailableError("still down");
  tf::OpenEphemeralResponse r = Open(Config());
  ASSERT_TRUE(r.diagnostics.HasError());
  EXPECT_NE(r.diagnostics.items()[0].detail.find(
                "union-apikey delete tf-ephemeral-sfx0abcd"),
            std::string::npos)
      << r.diagnostics.items()[0].detail;
}

TEST_F(EphemeralApiKeyTest, NoRandomBytesIsAnErrorAndCreatesNothing) {
  EphemeralApiKey broken(fake_, []() -> absl::StatusOr<std::string> {
    return absl::InternalError("no random bytes");
  });
  tf::OpenEphemeralResponse resp;
  resp.result = Config();
  broken.Open(tf::Context(), {.config = Config()}, resp);
  EXPECT_TRUE(resp.diagnostics.HasError());
  EXPECT_EQ(fake_->creates, 0);
}

TEST_F(EphemeralApiKeyTest, OpenWithoutAConfiguredProviderIsAnError) {
  EphemeralApiKey unconfigured;
  tf::OpenEphemeralResponse resp;
  resp.result = Config();
  unconfigured.Open(tf::Context(), {.config = Config()}, resp);
  EXPECT_TRUE(resp.diagnostics.HasError());
}

TEST_F(EphemeralApiKeyTest, RedirectUrisFollowTheResourcesRules) {
  auto validate = [&](const Value& uris) {
    return testing::ValidateAttributes(
        schema_, Config().WithAttr("redirect_uris", uris));
  };
  tf::Diagnostics unsafe =
      validate(StringList({"https://ok.example/cb", "javascript:alert(1)"}));
  ASSERT_TRUE(unsafe.HasError());
  EXPECT_EQ(unsafe.items()[0].attribute->ToString(), "redirect_uris[1]");
  EXPECT_TRUE(validate(StringList({})).HasError());
  EXPECT_FALSE(validate(StringList({"https://ok.example/cb"})).HasError());
}

TEST_F(EphemeralApiKeyTest, ValidateRejectsATooLongPrefixOnItsPath) {
  auto validate = [&](const std::string& prefix) {
    return testing::ValidateAttributes(
        schema_, Config().WithAttr("name_prefix", Value::String(prefix)));
  };
  tf::Diagnostics too_long = validate(std::string(125, 'a'));
  ASSERT_TRUE(too_long.HasError());
  EXPECT_EQ(too_long.items()[0].attribute, tf::Path::Root("name_prefix"));
  EXPECT_TRUE(validate("--").HasError());
  EXPECT_FALSE(validate("ci-").HasError());
}

}  // namespace
}  // namespace union_provider
