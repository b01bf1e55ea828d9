// data_sources_test.cc: data "union_api_key" and data "union_api_keys".
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "provider/union/api_key_data_source.h"
#include "provider/union/api_keys_data_source.h"
#include "provider/union/model.h"
#include "provider/union/testing/fake_backend.h"
#include "provider/union/testing/handler_steps.h"

namespace union_provider {
namespace {

using testing::FakeBackend;
using testing::ReadWith;
using testing::ValidateAttributes;
using tf::Value;

void AddKeys(FakeBackend& fake, int n) {
  for (int i = 0; i < n; ++i) {
    auto created = fake.Create({.name = "key " + std::to_string(1000 + i),
                                .redirect_uris = {kDefaultRedirectUri}});
    ASSERT_TRUE(created.ok());
  }
}

TEST(ApiKeyDataSource, ReadsEveryNonSecretField) {
  auto fake = std::make_shared<FakeBackend>();
  AddKeys(*fake, 1);
  ApiKeyDataSource ds(fake);
  Value config = tf::NullAttributes(ds.GetSchema().ValueType())
                     .WithAttr("client_id", Value::String("key-1000"));
  tf::DataSourceReadResponse resp = ReadWith(ds, config);
  EXPECT_FALSE(resp.diagnostics.HasError());
  EXPECT_TRUE(resp.state.IsWhollyKnown());
  EXPECT_EQ(resp.state, KeyObject(fake->keys["key-1000"]));
  EXPECT_EQ(resp.state.Attr("grant_types"),
            StringList({"CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"}));
}

TEST(ApiKeyDataSource, EmptyClientIdIsRefusedOnItsPath) {
  ApiKeyDataSource ds(std::make_shared<FakeBackend>());
  const Value config = tf::NullAttributes(ds.GetSchema().ValueType());
  tf::Diagnostics empty = ValidateAttributes(
      ds.GetSchema(), config.WithAttr("client_id", Value::String("")));
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty.items()[0].attribute, tf::Path::Root("client_id"));
  EXPECT_TRUE(
      ValidateAttributes(ds.GetSchema(),
                         config.WithAttr("client_id", Value::String("k")))
          .empty());
}

TEST(ApiKeyDataSource, MissingKeyIsAnErrorOnClientId) {
  auto fake = std::make_shared<FakeBackend>();
  ApiKeyDataSource ds(fake);
  Value config = tf::NullAttributes(ds.GetSchema().ValueType())
                     .WithAttr("client_id", Value::String("nope"));
  tf::DataSourceReadResponse resp = ReadWith(ds, config);
  ASSERT_EQ(resp.diagnostics.size(), 1u);
  EXPECT_EQ(resp.diagnostics.items()[0].summary, "Union API key not found");
  EXPECT_EQ(resp.diagnostics.items()[0].attribute->ToString(), "client_id");
  EXPECT_NE(resp.diagnostics.items()[0].detail.find("\"nope\""),
            std::string::npos);
}

TEST(ApiKeysDataSource, ListsWithAndWithoutLimit) {
  auto fake = std::make_shared<FakeBackend>();
  AddKeys(*fake, 7);
  ApiKeysDataSource ds(fake);
  Value config = tf::NullAttributes(ds.GetSchema().ValueType());
  {
    tf::DataSourceReadResponse resp = ReadWith(ds, config);
    EXPECT_FALSE(resp.diagnostics.HasError());
    EXPECT_EQ(resp.state.Attr("keys").Elements().size(), 7u);
    EXPECT_TRUE(resp.state.Attr("limit").IsNull());
    EXPECT_EQ(resp.state.type(), ds.GetSchema().ValueType());
  }
  {
    Value limited = config.WithAttr("limit", Value::Int(5));
    tf::DataSourceReadResponse resp = ReadWith(ds, limited);
    EXPECT_EQ(resp.state.Attr("keys").Elements().size(), 5u);
  }
}

TEST(ApiKeysDataSource, BadLimitAndListErrors) {
  auto fake = std::make_shared<FakeBackend>();
  ApiKeysDataSource ds(fake);
  Value config = tf::NullAttributes(ds.GetSchema().ValueType());
  for (int64_t bad : {int64_t{0}, int64_t{-3}, kMaxListLimit + 1}) {
    const Value bad_config = config.WithAttr("limit", Value::Int(bad));
    tf::Diagnostics v = ValidateAttributes(ds.GetSchema(), bad_config);
    ASSERT_EQ(v.size(), 1u) << bad;
    EXPECT_EQ(v.items()[0].attribute->ToString(), "limit");
    // A limit unknown at validation arrives known at Read: checked again.
    tf::DataSourceReadResponse read = ReadWith(ds, bad_config);
    ASSERT_EQ(read.diagnostics.size(), 1u) << bad;
    EXPECT_EQ(read.diagnostics.items()[0].attribute->ToString(), "limit");
  }
  EXPECT_TRUE(ValidateAttributes(ds.GetSchema(),
                                 config.WithAttr("limit", Value::Int(1)))
                  .empty());
  fake->fail_next_list = absl::UnauthenticatedError("token rejected");
  tf::DataSourceReadResponse resp = ReadWith(ds, config);
  ASSERT_TRUE(resp.diagnostics.HasError());
  EXPECT_EQ(resp.diagnostics.items()[0].summary,
            "Union rejected the provider's credentials");
}

TEST(ApiKeysDataSource, ClientIdPrefixKeepsExactlyTheMatchingKeys) {
  auto fake = std::make_shared<FakeBackend>();
  for (const char* name : {"rot-a", "rot-b", "rotx", "other-rot-c", "ci"}) {
    ASSERT_TRUE(
        fake->Create({.name = name, .redirect_uris = {kDefaultRedirectUri}})
            .ok());
  }
  ApiKeysDataSource ds(fake);
  Value config = tf::NullAttributes(ds.GetSchema().ValueType())
                     .WithAttr("client_id_prefix", Value::String("rot-"));
  tf::DataSourceReadResponse resp = ReadWith(ds, config);
  ASSERT_FALSE(resp.diagnostics.HasError());
  EXPECT_EQ(fake->last_list_prefix, "rot-");
  std::vector<std::string> ids;
  for (const Value& k : resp.state.Attr("keys").Elements()) {
    ids.push_back(k.Attr("client_id").AsString());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"rot-a", "rot-b"}));
  EXPECT_EQ(resp.state.Attr("client_id_prefix"), Value::String("rot-"));
}

}  // namespace
}  // namespace union_provider
