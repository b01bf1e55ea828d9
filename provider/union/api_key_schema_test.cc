// api_key_schema_test.cc: the union_api_key schema and the checks of its
// configuration, run as ValidateResourceConfig runs them (api_key_schema.cc).
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "provider/union/model.h"
#include "provider/union/names.h"
#include "provider/union/testing/api_key_resource_fixture.h"

namespace union_provider {
namespace {

using tf::Type;
using tf::Value;
using ApiKeySchemaTest = testing::ApiKeyResourceTest;

TEST_F(ApiKeySchemaTest, SkipFlagChangeReplacesThroughItsModifier) {
  const tf::Attribute* a =
      schema_.FindAttribute("skip_default_policy_assignments");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->plan_modifiers.size(), 1u);
  tf::PlanModifierResponse resp;
  resp.plan = Value::Bool(true);
  a->plan_modifiers[0]->Modify({.path = tf::Path::Root(a->name),
                                .config = Value::Bool(true),
                                .state = Value::Bool(false),
                                .plan = Value::Bool(true)},
                               resp);
  EXPECT_TRUE(resp.requires_replace);
}

TEST_F(ApiKeySchemaTest, RotateWhenChangedAndNamePrefixForceReplacement) {
  for (const char* attr : {"rotate_when_changed", "name_prefix"}) {
    const tf::Attribute* a = schema_.FindAttribute(attr);
    ASSERT_NE(a, nullptr) << attr;
    EXPECT_EQ(a->presence, tf::Presence::kOptional);
    ASSERT_EQ(a->plan_modifiers.size(), 1u) << attr;
    const Value before =
        a->type == Type::String()
            ? Value::String("a-")
            : Value::Map(Type::String(), {{"g", Value::String("1")}});
    const Value after =
        a->type == Type::String()
            ? Value::String("b-")
            : Value::Map(Type::String(), {{"g", Value::String("2")}});
    // Whether planning `planned` over `before` replaces the key.
    auto replaces = [&](const Value& planned) {
      tf::PlanModifierResponse resp{.plan = planned};
      a->plan_modifiers[0]->Modify({.path = tf::Path::Root(attr),
                                    .config = planned,
                                    .state = before,
                                    .plan = planned},
                                   resp);
      return resp.requires_replace;
    };
    EXPECT_TRUE(replaces(after)) << attr;
    EXPECT_FALSE(replaces(before)) << attr;
  }
  EXPECT_EQ(schema_.FindAttribute("name")->presence,
            tf::Presence::kOptionalComputed);
}

TEST_F(ApiKeySchemaTest, NameAndNamePrefixExcludeEachOther) {
  tf::Diagnostics both =
      Validate(Config("x").WithAttr("name_prefix", Value::String("y-")));
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both.items()[0].attribute->ToString(), "name");
  EXPECT_EQ(both.items()[1].attribute->ToString(), "name_prefix");
  tf::Diagnostics neither = Validate(tf::NullAttributes(schema_.ValueType()));
  ASSERT_EQ(neither.size(), 1u);
  EXPECT_EQ(neither.items()[0].attribute->ToString(), "name");
  EXPECT_NE(neither.items()[0].detail.find("name_prefix"), std::string::npos);
  EXPECT_TRUE(Validate(PrefixConfig("ok-")).empty());
  EXPECT_TRUE(Validate(Config("ok")).empty());
}

TEST_F(ApiKeySchemaTest, BadNamePrefixIsAnErrorOnNamePrefix) {
  for (const std::string& bad :
       {std::string("!!"), std::string(""),
        std::string(unionc::kMaxClientIdLength - kKeySuffixLength + 1, 'a')}) {
    tf::Diagnostics d = Validate(PrefixConfig(bad));
    ASSERT_EQ(d.size(), 1u) << bad;
    EXPECT_EQ(d.items()[0].summary, "Invalid API key name_prefix");
    EXPECT_EQ(d.items()[0].attribute->ToString(), "name_prefix");
  }
  EXPECT_TRUE(Validate(PrefixConfig(std::string(
                           unionc::kMaxClientIdLength - kKeySuffixLength, 'a')))
                  .empty());
}

TEST_F(ApiKeySchemaTest, RedirectUrisAreCheckedByTheSchema) {
  Value uris =
      StringList({"https://ok.example/cb", "javascript:alert(1)",
                  "relative/path", "data:text/html,x", "FILE:///etc/passwd"});
  tf::Diagnostics d = Validate(Config("ok").WithAttr("redirect_uris", uris));
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d.items()[0].attribute->ToString(), "redirect_uris[1]");
  EXPECT_NE(d.items()[0].detail.find("javascript"), std::string::npos);
  EXPECT_EQ(d.items()[1].attribute->ToString(), "redirect_uris[2]");
  EXPECT_EQ(d.items()[2].attribute->ToString(), "redirect_uris[3]");
  EXPECT_EQ(d.items()[3].attribute->ToString(), "redirect_uris[4]");
  EXPECT_TRUE(Validate(Config("ok").WithAttr("redirect_uris",
                                             StringList({kDefaultRedirectUri})))
                  .empty());
}

TEST_F(ApiKeySchemaTest, BadNameIsAnErrorOnName) {
  for (const char* bad : {"", "!!!", "   ", "\xc3\xa9"}) {
    tf::Diagnostics diags = Validate(Config(bad));
    ASSERT_EQ(diags.size(), 1u) << bad;
    const tf::Diagnostic& d = diags.items()[0];
    EXPECT_EQ(d.severity, tf::Severity::kError);
    EXPECT_EQ(d.summary, "Invalid API key name");
    ASSERT_TRUE(d.attribute.has_value());
    EXPECT_EQ(d.attribute->ToString(), "name");
  }
}

TEST_F(ApiKeySchemaTest, GoodAndUnknownNamesPass) {
  for (const Value& v :
       {Value::String("CI Pipeline #1"), Value::Unknown(Type::String())}) {
    EXPECT_TRUE(Validate(Config("x").WithAttr("name", v)).empty());
  }
}

TEST_F(ApiKeySchemaTest, EmptyClientNameIsAnError) {
  tf::Diagnostics diags =
      Validate(Config("ok").WithAttr("client_name", Value::String("")));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags.items()[0].attribute->ToString(), "client_name");
}

TEST_F(ApiKeySchemaTest, NullAndEmptyRedirectUrisAreErrorsOnTheirElement) {
  tf::Diagnostics diags = Validate(Config("ok").WithAttr(
      "redirect_uris",
      Value::List(Type::String(),
                  {Value::String("https://a.example/cb"),
                   Value::Null(Type::String()), Value::String("")})));
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags.items()[0].attribute->ToString(), "redirect_uris[1]");
  EXPECT_EQ(diags.items()[1].attribute->ToString(), "redirect_uris[2]");
}

TEST_F(ApiKeySchemaTest, EmptyRedirectUrisIsAnError) {
  tf::Diagnostics diags = Validate(
      Config("ok").WithAttr("redirect_uris", Value::List(Type::String(), {})));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags.items()[0].attribute->ToString(), "redirect_uris");
}

}  // namespace
}  // namespace union_provider
