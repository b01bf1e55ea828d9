// model_test.cc: server key -> Terraform value mapping and its
// normalisation.
#include "provider/union/model.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "provider/framework/schema/validator.h"
#include "provider/union/api_key_data_source.h"
#include "provider/union/api_key_resource.h"
#include "provider/union/api_keys_data_source.h"
#include "provider/union/ephemeral_access_token.h"
#include "provider/union/ephemeral_api_key.h"
#include "union/api_key.h"

namespace union_provider {
namespace {

using tf::Value;

unionc::ApiKey SampleKey() {
  unionc::ApiKey k;
  k.organization = "acme";
  k.client_id = "ci-pipeline";
  k.client_name = "CI";
  k.redirect_uris = {"http://b/cb", "http://a/cb"};
  k.grant_types = {"CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"};
  k.response_types = {"CODE"};
  k.token_endpoint_auth_method = "CLIENT_SECRET_BASIC";
  k.client_id_issued_at =
      absl::FromUnixSeconds(1764158400) + absl::Milliseconds(250);
  return k;
}

TEST(ResourceStateFromKey, HasTheSchemaType) {
  ApiKeyResource r;
  Value state = ResourceStateFromKey(SampleKey(), Value());
  EXPECT_EQ(state.type(), r.GetSchema().ValueType());
  EXPECT_TRUE(state.IsWhollyKnown());
}

TEST(ResourceStateFromKey, MapsEveryServerFieldInServerOrder) {
  Value s = ResourceStateFromKey(SampleKey(), Value());
  EXPECT_EQ(s.Attr("id"), Value::String("ci-pipeline"));
  EXPECT_EQ(s.Attr("client_id"), Value::String("ci-pipeline"));
  EXPECT_EQ(s.Attr("client_name"), Value::String("CI"));
  EXPECT_EQ(s.Attr("organization"), Value::String("acme"));
  EXPECT_EQ(s.Attr("redirect_uris"),
            StringList({"http://b/cb", "http://a/cb"}));
  EXPECT_EQ(s.Attr("grant_types"),
            StringList({"CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"}));
  EXPECT_EQ(s.Attr("response_types"), StringList({"CODE"}));
  EXPECT_EQ(s.Attr("token_endpoint_auth_method"),
            Value::String("CLIENT_SECRET_BASIC"));
  EXPECT_EQ(s.Attr("client_id_issued_at"),
            Value::String("2025-11-26T12:00:00Z"));
}

TEST(ResourceStateFromKey, ImportDefaults) {
  // No prior state (import): name = client_id, skip flag false, no secrets.
  Value s = ResourceStateFromKey(SampleKey(), Value());
  EXPECT_EQ(s.Attr("name"), Value::String("ci-pipeline"));
  EXPECT_EQ(s.Attr("skip_default_policy_assignments"), Value::Bool(false));
  EXPECT_TRUE(s.Attr("client_secret").IsNull());
  EXPECT_TRUE(s.Attr("encoded_credentials").IsNull());
}

TEST(ResourceStateFromKey, KeepsSecretsAndArgumentsFromPriorState) {
  Value prior =
      ResourceStateFromKey(SampleKey(), Value())
          .WithAttr("name", Value::String("CI Pipeline"))
          .WithAttr("skip_default_policy_assignments", Value::Bool(true))
          .WithAttr("client_secret", Value::String("sec"))
          .WithAttr("encoded_credentials", Value::String("enc"));
  unionc::ApiKey changed = SampleKey();
  changed.client_name = "renamed out of band";
  Value s = ResourceStateFromKey(changed, prior);
  EXPECT_EQ(s.Attr("name"), Value::String("CI Pipeline"));
  EXPECT_EQ(s.Attr("skip_default_policy_assignments"), Value::Bool(true));
  EXPECT_EQ(s.Attr("client_secret"), Value::String("sec"));
  EXPECT_EQ(s.Attr("encoded_credentials"), Value::String("enc"));
  EXPECT_EQ(s.Attr("client_name"), Value::String("renamed out of band"));
}

TEST(ResourceStateFromKey, SecretsFromCreateWin) {
  unionc::ApiKey k = SampleKey();
  k.client_secret = "new-secret";
  k.encoded_credentials = "new-enc";
  Value plan =
      ResourceStateFromKey(SampleKey(), Value())
          .WithAttr("client_secret", Value::Unknown(tf::Type::String()))
          .WithAttr("encoded_credentials", Value::Unknown(tf::Type::String()));
  Value s = ResourceStateFromKey(k, plan);
  EXPECT_EQ(s.Attr("client_secret"), Value::String("new-secret"));
  EXPECT_EQ(s.Attr("encoded_credentials"), Value::String("new-enc"));
}

TEST(ResourceStateFromKey, MissingTimestampAndEmptyListsAreNormalised) {
  unionc::ApiKey k = SampleKey();
  k.client_id_issued_at.reset();
  k.redirect_uris.clear();
  Value s = ResourceStateFromKey(k, Value());
  EXPECT_TRUE(s.Attr("client_id_issued_at").IsNull());
  // An empty list, not null: matches `redirect_uris = []` in config.
  EXPECT_FALSE(s.Attr("redirect_uris").IsNull());
  EXPECT_TRUE(s.Attr("redirect_uris").Elements().empty());
}

TEST(ResourceStateFromKey, TimesAndSecretsOfTheClientModel) {
  unionc::ApiKey k = SampleKey();
  k.client_secret = "sec";
  k.encoded_credentials = "enc";
  k.client_secret_expires_at =
      absl::FromUnixSeconds(1764244800) + absl::Milliseconds(999);
  Value s = ResourceStateFromKey(k, Value());
  EXPECT_EQ(s.Attr("client_secret_expires_at"),
            Value::String("2025-11-27T12:00:00Z"));
  EXPECT_EQ(s.Attr("client_secret"), Value::String("sec"));
  EXPECT_EQ(s.Attr("encoded_credentials"), Value::String("enc"));
  // A key from Get: no time, no secrets.
  unionc::ApiKey bare;
  bare.client_id = "x";
  Value b = ResourceStateFromKey(bare, Value());
  EXPECT_TRUE(b.Attr("client_secret_expires_at").IsNull());
  EXPECT_TRUE(b.Attr("client_id_issued_at").IsNull());
  EXPECT_TRUE(b.Attr("client_secret").IsNull());
  EXPECT_TRUE(b.Attr("encoded_credentials").IsNull());
}

TEST(KeyObject, MatchesTheDataSourceSchemas) {
  ApiKeyDataSource one;
  ApiKeysDataSource many;
  Value o = KeyObject(SampleKey());
  EXPECT_EQ(o.type(), one.GetSchema().ValueType());
  EXPECT_EQ(o.type(), KeyObjectType());
  EXPECT_EQ(many.GetSchema().FindAttribute("keys")->type,
            tf::Type::List(KeyObjectType()));
  EXPECT_TRUE(o.Attr("client_secret").IsNull());
  EXPECT_EQ(o.Entries().count("client_secret"), 0u);
}

TEST(Schemas, AreValid) {
  ApiKeyResource r;
  ApiKeyDataSource one;
  ApiKeysDataSource many;
  EXPECT_TRUE(r.GetSchema().Validate().ok()) << r.GetSchema().Validate();
  EXPECT_TRUE(one.GetSchema().Validate().ok()) << one.GetSchema().Validate();
  EXPECT_TRUE(many.GetSchema().Validate().ok()) << many.GetSchema().Validate();
  std::vector<std::string> names;
  for (const tf::Attribute& a : r.GetSchema().block.attributes)
    names.push_back(a.name);
  EXPECT_EQ(names, ResourceAttributeNames());
  EXPECT_TRUE(r.GetSchema().FindAttribute("client_secret")->sensitive);
  EXPECT_TRUE(r.GetSchema().FindAttribute("encoded_credentials")->sensitive);
}

// The plan-time validator on redirect_uris and union-client's check (which
// Create and Update apply before sending) accept and refuse the same URIs.
TEST(RedirectUriRule, SchemaValidatorAgreesWithUnionClient) {
  const std::shared_ptr<const tf::Validator> validator =
      RedirectUrisValidator();
  for (const char* uri : {
           kDefaultRedirectUri.c_str(),
           "https://app.example.com/cb",
           "HTTPS://EXAMPLE.COM",
           "myapp:/oauth",
           "com.example.app:/cb",
           "urn:ietf:wg:oauth:2.0:oob",
           "file:///etc/passwd",
           "FILE:x",
           "javascript:alert(1)",
           "JavaScript:x",
           "data:text/html,hi",
           "",
           "relative/path",
           "/abs/path",
           ":x",
           "1http://x",
           "h t:x",
           "http://x/\t",
           "https:",
           "x+y.z-w:1",
           "https:///path",
           "http://exa mple.com",
           "mailto:a@b.c",
       }) {
    tf::Diagnostics diags;
    validator->Validate(StringList({uri}), tf::Path::Root("redirect_uris"),
                        diags);
    const bool schema_ok = diags.empty();
    const bool client_ok = unionc::ValidateRedirectUri(uri).ok();
    EXPECT_EQ(schema_ok, client_ok) << "\"" << uri << "\"";
  }
}

// Every type's name, and which of its attributes are sensitive: exactly
// the secrets.
template <typename T>
std::pair<std::string, tf::Schema> NameAndSchema() {
  T t;
  return {t.TypeName(), t.GetSchema()};
}

TEST(Schemas, SecretsAndOnlySecretsAreSensitive) {
  const struct {
    std::pair<std::string, tf::Schema> type;
    std::string name;
    std::set<std::string> sensitive;
  } types[] = {
      {NameAndSchema<ApiKeyResource>(),
       "union_api_key",
       {"client_secret", "encoded_credentials"}},
      {NameAndSchema<ApiKeyDataSource>(), "union_api_key", {}},
      {NameAndSchema<ApiKeysDataSource>(), "union_api_keys", {}},
      {NameAndSchema<EphemeralApiKey>(),
       "union_api_key",
       {"client_secret", "encoded_credentials"}},
      {NameAndSchema<EphemeralAccessToken>(),
       "union_access_token",
       {"api_key", "access_token"}},
  };
  for (const auto& [type, name, want] : types) {
    const auto& [type_name, schema] = type;
    EXPECT_EQ(type_name, name);
    ASSERT_TRUE(schema.Validate().ok()) << name;
    std::set<std::string> sensitive;
    for (const tf::Attribute& a : schema.block.attributes) {
      if (a.sensitive) sensitive.insert(a.name);
    }
    EXPECT_EQ(sensitive, want) << name;
  }
}

}  // namespace
}  // namespace union_provider
