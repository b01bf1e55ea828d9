// api_key_identity_test.cc: union_api_key's identity: set by Create, Read
// and Update, kept once set, and import by identity round-trips.
#include "provider/union/api_key_identity.h"

#include <memory>

#include "gtest/gtest.h"
#include "provider/union/api_key_resource.h"
#include "provider/union/testing/fake_backend.h"

namespace union_provider {
namespace {

using testing::FakeBackend;
using tf::Value;

class ApiKeyIdentityTest : public ::testing::Test {
 protected:
  void SetUp() override { fake_->org = "acme"; }
  std::shared_ptr<FakeBackend> fake_ = std::make_shared<FakeBackend>();
  ApiKeyResource r_{fake_};
  tf::Schema schema_ = r_.GetSchema();
  tf::Type identity_type_ = r_.GetIdentitySchema().ValueType();

  Value Identity(const std::string& id, std::optional<std::string> org) {
    return Value::Object(
        {{"client_id", Value::String(id)},
         {"organization", org ? Value::String(*org)
                              : Value::Null(tf::Type::String())}});
  }

  // Create as the framework runs it: state pre-filled with a plan whose
  // computed attributes are unknown.
  tf::CreateResponse Create(const std::string& name) {
    Value config = tf::NullAttributes(schema_.ValueType())
                       .WithAttr("name", Value::String(name));
    Value plan = config;
    for (const tf::Attribute& a : schema_.block.attributes) {
      if (config.Attr(a.name).IsNull() && tf::IsComputed(a.presence)) {
        plan = plan.WithAttr(a.name, a.default_value ? *a.default_value
                                                     : Value::Unknown(a.type));
      }
    }
    tf::CreateResponse resp;
    resp.state = plan;
    resp.identity = Value::Null(identity_type_);
    r_.Create(tf::Context(), {.config = config, .plan = plan}, resp);
    return resp;
  }

  tf::ReadResponse Read(const Value& state, const Value& identity) {
    tf::ReadResponse resp;
    resp.state = state;
    resp.identity = identity;
    r_.Read(tf::Context(), {.state = state, .identity = identity}, resp);
    return resp;
  }
};

TEST_F(ApiKeyIdentityTest, SchemaIsValidVersionZero) {
  tf::IdentitySchema s = r_.GetIdentitySchema();
  EXPECT_TRUE(s.Validate().ok()) << s.Validate();
  EXPECT_EQ(s.version, 0);
  ASSERT_EQ(s.attributes.size(), 2u);
  EXPECT_EQ(s.attributes[0].name, "client_id");
  EXPECT_TRUE(s.attributes[0].required_for_import);
  EXPECT_EQ(s.attributes[1].name, "organization");
  EXPECT_TRUE(s.attributes[1].optional_for_import);
}

TEST_F(ApiKeyIdentityTest, CreateAndReadSetTheSameIdentity) {
  tf::CreateResponse c = Create("CI Pipeline");
  ASSERT_FALSE(c.diagnostics.HasError());
  EXPECT_EQ(c.identity, Identity("ci-pipeline", "acme"));
  tf::ReadResponse r = Read(c.state, Value::Null(identity_type_));
  EXPECT_EQ(r.identity, Identity("ci-pipeline", "acme"));
  // Once set, Read keeps it.
  r = Read(c.state, c.identity);
  EXPECT_EQ(r.identity, c.identity);
}

TEST_F(ApiKeyIdentityTest, ReadOfAGoneKeyLeavesNoIdentityToSet) {
  tf::CreateResponse c = Create("gone");
  fake_->keys.clear();
  tf::ReadResponse r = Read(c.state, Value::Null(identity_type_));
  EXPECT_TRUE(r.state.IsNull());
  EXPECT_TRUE(r.identity.IsNull());
}

TEST_F(ApiKeyIdentityTest, UpdateSetsAMissingIdentityAndKeepsAnExistingOne) {
  tf::CreateResponse c = Create("upd");
  Value plan = c.state.WithAttr("client_name", Value::String("renamed"));
  tf::UpdateResponse u;
  u.state = plan;
  u.identity = Value::Null(identity_type_);
  r_.Update(tf::Context(),
            {.config = plan, .plan = plan, .state = c.state,
             .identity = u.identity},
            u);
  ASSERT_FALSE(u.diagnostics.HasError());
  EXPECT_EQ(u.identity, Identity("upd", "acme"));
  EXPECT_EQ(fake_->keys["upd"].client_name, "renamed");
}

TEST_F(ApiKeyIdentityTest, ImportByIdentityRoundTrips) {
  tf::CreateResponse c = Create("imported");
  for (std::optional<std::string> org :
       {std::optional<std::string>("acme"), std::optional<std::string>()}) {
    tf::ImportStateResponse imp;
    imp.state = tf::NullAttributes(schema_.ValueType());
    imp.identity = Identity("imported", org);
    r_.ImportState(tf::Context(), {.id = "", .identity = imp.identity}, imp);
    ASSERT_FALSE(imp.diagnostics.HasError());
    EXPECT_EQ(imp.state.Attr("client_id").AsString(), "imported");
    EXPECT_EQ(imp.identity, c.identity) << "organization filled in";
    tf::ReadResponse r = Read(imp.state, imp.identity);
    ASSERT_FALSE(r.diagnostics.HasError());
    EXPECT_EQ(r.identity, c.identity);
    EXPECT_EQ(r.state.Attr("client_id"), c.state.Attr("client_id"));
  }
}

TEST_F(ApiKeyIdentityTest, ImportByIdAlsoEndsWithTheIdentity) {
  tf::CreateResponse c = Create("by-id");
  tf::ImportStateResponse imp;
  imp.state = tf::NullAttributes(schema_.ValueType());
  imp.identity = Value::Null(identity_type_);
  r_.ImportState(tf::Context(), {.id = "by-id"}, imp);
  ASSERT_FALSE(imp.diagnostics.HasError());
  tf::ReadResponse r = Read(imp.state, imp.identity);
  EXPECT_EQ(r.identity, c.identity);
}

TEST_F(ApiKeyIdentityTest, ImportFromAnotherOrganizationIsAnError) {
  tf::ImportStateResponse imp;
  imp.state = tf::NullAttributes(schema_.ValueType());
  imp.identity = Identity("x", "other-org");
  r_.ImportState(tf::Context(), {.id = "", .identity = imp.identity}, imp);
  ASSERT_TRUE(imp.diagnostics.HasError());
  EXPECT_NE(imp.diagnostics.items()[0].detail.find("other-org"),
            std::string::npos);
}

TEST(ApiKeyIdentity, FromStateNeedsAKnownClientId) {
  tf::Type t = ApiKeyIdentitySchema().ValueType();
  Value state = tf::NullAttributes(ApiKeyResource().GetSchema().ValueType());
  EXPECT_EQ(ApiKeyIdentityFromState(state, "o"), Value::Null(t));
  EXPECT_EQ(ApiKeyIdentityFromState(
                state.WithAttr("client_id", Value::Unknown(tf::Type::String())),
                "o"),
            Value::Null(t));
  Value id = ApiKeyIdentityFromState(
      state.WithAttr("client_id", Value::String("k")), "fallback");
  EXPECT_EQ(id.Attr("organization").AsString(), "fallback");
}

}  // namespace
}  // namespace union_provider
