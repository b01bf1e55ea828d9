// api_key_resource_test.cc: the union_api_key lifecycle against a fake
// backend, planned by the framework's steps: plan-time client_id, create,
// read (drift, gone), update in place, delete, import, name_prefix, secret
// expiry.
#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "provider/union/model.h"
#include "provider/union/names.h"
#include "provider/union/testing/api_key_resource_fixture.h"

namespace union_provider {
namespace {

using tf::Type;
using tf::Value;
using ApiKeyResourceTest = testing::ApiKeyResourceTest;

TEST_F(ApiKeyResourceTest, PlanShowsClientIdAndDefaults) {
  tf::testing::PlannedChange p =
      Plan(Config("CI Pipeline #1"), NoState());
  EXPECT_TRUE(p.requires_replace.empty());
  EXPECT_EQ(p.plan.Attr("client_id"), Value::String("ci-pipeline-1"));
  EXPECT_EQ(p.plan.Attr("id"), Value::String("ci-pipeline-1"));
  EXPECT_EQ(p.plan.Attr("client_name"), Value::String("ci-pipeline-1"));
  EXPECT_EQ(p.plan.Attr("redirect_uris"), StringList({kDefaultRedirectUri}));
  EXPECT_FALSE(p.plan.Attr("client_secret").IsKnown());
}

TEST_F(ApiKeyResourceTest, PlanOnDestroyStaysNull) {
  Value state = Apply(Config("x"));
  tf::testing::PlannedChange p = Plan(NoState(), state);
  EXPECT_FALSE(p.diagnostics.HasError());
  EXPECT_TRUE(p.plan.IsNull());
}

TEST_F(ApiKeyResourceTest, CreateFillsEveryAttribute) {
  Value s = Apply(Config("CI Pipeline"));
  EXPECT_TRUE(s.IsWhollyKnown());
  EXPECT_EQ(s.Attr("client_id"), Value::String("ci-pipeline"));
  EXPECT_EQ(s.Attr("client_secret"), Value::String("s3cr3t-ci-pipeline"));
  EXPECT_FALSE(s.Attr("encoded_credentials").IsNull());
  EXPECT_EQ(s.Attr("grant_types"),
            StringList({"CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"}));
  EXPECT_EQ(s.Attr("client_id_issued_at"), Value::String("2025-11-26T12:00:00Z"));
  EXPECT_EQ(fake_->keys.count("ci-pipeline"), 1u);
}

TEST_F(ApiKeyResourceTest, ReadAfterCreateIsUnchangedAndKeepsSecrets) {
  Value s = Apply(Config("steady"));
  tf::ReadResponse rr = Read(s);
  EXPECT_FALSE(rr.diagnostics.HasError());
  EXPECT_EQ(rr.state, s);
  // And the next plan is empty: no replacement, plan equals state.
  tf::testing::PlannedChange p = Plan(Config("steady"), rr.state);
  EXPECT_TRUE(p.requires_replace.empty());
  EXPECT_EQ(p.plan, rr.state);
}

TEST_F(ApiKeyResourceTest, ReadOfDeletedKeyRemovesIt) {
  Value s = Apply(Config("gone"));
  fake_->keys.clear();
  tf::ReadResponse rr = Read(s);
  EXPECT_FALSE(rr.diagnostics.HasError());
  EXPECT_TRUE(rr.state.IsNull());
}

TEST_F(ApiKeyResourceTest, OutOfBandRenameShowsInThePlan) {
  Value s = Apply(Config("drifty"));
  fake_->keys["drifty"].client_name = "renamed";
  tf::ReadResponse rr = Read(s);
  EXPECT_EQ(rr.state.Attr("client_name"), Value::String("renamed"));
  tf::testing::PlannedChange p = Plan(Config("drifty"), rr.state);
  EXPECT_TRUE(p.requires_replace.empty());
  EXPECT_EQ(p.plan.Attr("client_name"), Value::String("drifty"));  // back to default
}

TEST_F(ApiKeyResourceTest, ReadErrorIsADiagnostic) {
  Value s = Apply(Config("flaky"));
  fake_->fail_next_get = absl::UnavailableError("connection refused");
  tf::ReadResponse rr = Read(s);
  ASSERT_TRUE(rr.diagnostics.HasError());
  EXPECT_EQ(rr.diagnostics.items()[0].summary, "Union endpoint unreachable");
  EXPECT_FALSE(rr.state.IsNull());
}

TEST_F(ApiKeyResourceTest, UpdateInPlace) {
  Value s = Apply(Config("upd"));
  Value config = Config("upd")
                     .WithAttr("client_name", Value::String("Updated"))
                     .WithAttr("redirect_uris", StringList({"http://x/cb"}));
  tf::testing::PlannedChange p = Plan(config, s);
  EXPECT_TRUE(p.requires_replace.empty());
  tf::UpdateResponse ur;
  ur.state = p.plan;
  r_.Update(tf::Context(), {.config = config, .plan = p.plan, .state = s}, ur);
  EXPECT_FALSE(ur.diagnostics.HasError());
  EXPECT_EQ(ur.state.Attr("client_name"), Value::String("Updated"));
  EXPECT_EQ(ur.state.Attr("redirect_uris"), StringList({"http://x/cb"}));
  EXPECT_EQ(ur.state.Attr("client_secret"), s.Attr("client_secret"));
  EXPECT_EQ(ur.state, p.plan);
  EXPECT_EQ(fake_->keys["upd"].client_name, "Updated");
  EXPECT_EQ(fake_->updates, 1);
}

TEST_F(ApiKeyResourceTest, RenameToAnotherClientIdReplaces) {
  Value s = Apply(Config("one"));
  tf::testing::PlannedChange p = Plan(Config("two"), s);
  ASSERT_EQ(p.requires_replace.size(), 1u);
  EXPECT_EQ(p.requires_replace[0].ToString(), "name");
  EXPECT_EQ(p.plan.Attr("client_id"), Value::String("two"));
}

TEST_F(ApiKeyResourceTest, RenameToTheSameClientIdIsInPlaceWithoutACall) {
  Value s = Apply(Config("Same Key"));
  tf::testing::PlannedChange p = Plan(Config("same key"), s);
  EXPECT_TRUE(p.requires_replace.empty());
  tf::UpdateResponse ur;
  ur.state = p.plan;
  r_.Update(tf::Context(), {.config = Config("same key"), .plan = p.plan, .state = s},
            ur);
  EXPECT_FALSE(ur.diagnostics.HasError());
  EXPECT_EQ(ur.state.Attr("name"), Value::String("same key"));
  EXPECT_EQ(fake_->updates, 0);
}

TEST_F(ApiKeyResourceTest, UpdateOfDeletedKeySaysSo) {
  Value s = Apply(Config("vanish"));
  fake_->keys.clear();
  Value config = Config("vanish").WithAttr("client_name", Value::String("n"));
  tf::testing::PlannedChange p = Plan(config, s);
  tf::UpdateResponse ur;
  ur.state = p.plan;
  r_.Update(tf::Context(), {.config = config, .plan = p.plan, .state = s}, ur);
  ASSERT_TRUE(ur.diagnostics.HasError());
  EXPECT_NE(ur.diagnostics.items()[0].detail.find("deleted outside Terraform"),
            std::string::npos);
}

TEST_F(ApiKeyResourceTest, DeleteTreatsNotFoundAsSuccess) {
  Value s = Apply(Config("del"));
  tf::DeleteResponse d1;
  r_.Delete(tf::Context(), {.state = s}, d1);
  EXPECT_TRUE(d1.diagnostics.empty());
  EXPECT_TRUE(fake_->keys.empty());
  tf::DeleteResponse d2;
  r_.Delete(tf::Context(), {.state = s}, d2);
  EXPECT_TRUE(d2.diagnostics.empty());
  fake_->fail_next_delete = absl::PermissionDeniedError("no");
  tf::DeleteResponse d3;
  r_.Delete(tf::Context(), {.state = s}, d3);
  EXPECT_TRUE(d3.diagnostics.HasError());
}

TEST_F(ApiKeyResourceTest, ImportThenReadMatchesCreatedExceptSecrets) {
  Value created = Apply(Config("imp"));
  tf::ImportStateResponse ir;
  ir.state = tf::NullAttributes(schema_.ValueType());
  r_.ImportState(tf::Context(), {.id = "imp"}, ir);
  ASSERT_EQ(ir.diagnostics.size(), 1u);
  EXPECT_EQ(ir.diagnostics.items()[0].severity, tf::Severity::kWarning);
  EXPECT_NE(ir.diagnostics.items()[0].detail.find("-replace"), std::string::npos);
  tf::ReadResponse rr = Read(ir.state);
  EXPECT_FALSE(rr.diagnostics.HasError());
  EXPECT_TRUE(rr.state.Attr("client_secret").IsNull());
  EXPECT_TRUE(rr.state.Attr("encoded_credentials").IsNull());
  EXPECT_EQ(rr.state.WithAttr("client_secret", created.Attr("client_secret"))
                .WithAttr("encoded_credentials", created.Attr("encoded_credentials")),
            created);
  // The imported key plans empty against its config.
  tf::testing::PlannedChange p = Plan(Config("imp"), rr.state);
  EXPECT_TRUE(p.requires_replace.empty());
  EXPECT_EQ(p.plan, rr.state);
}

TEST_F(ApiKeyResourceTest, ImportOfEmptyIdFails) {
  tf::ImportStateResponse ir;
  ir.state = tf::NullAttributes(schema_.ValueType());
  r_.ImportState(tf::Context(), {.id = ""}, ir);
  EXPECT_TRUE(ir.diagnostics.HasError());
}

TEST_F(ApiKeyResourceTest, ServerlessLeavesClientIdUnknownUntilCreate) {
  fake_->serverless = true;
  Value config = Config("ci");
  tf::testing::PlannedChange p = Plan(config, NoState());
  EXPECT_FALSE(p.plan.Attr("client_id").IsKnown());
  tf::CreateResponse cr;
  cr.state = p.plan;
  r_.Create(tf::Context(), {.config = config, .plan = p.plan}, cr);
  EXPECT_FALSE(cr.diagnostics.HasError());
  EXPECT_EQ(cr.state.Attr("client_id"), Value::String("tenant-user-ci"));
  // Same name later: no replacement, client_id kept.
  tf::testing::PlannedChange p2 = Plan(config, cr.state);
  EXPECT_TRUE(p2.requires_replace.empty());
  EXPECT_EQ(p2.plan.Attr("client_id"), Value::String("tenant-user-ci"));
}

TEST_F(ApiKeyResourceTest, NamePrefixPlanLeavesNameAndClientIdUnknown) {
  tf::testing::PlannedChange p =
      Plan(PrefixConfig("CI "), NoState());
  EXPECT_FALSE(p.diagnostics.HasError());
  EXPECT_TRUE(p.plan.Attr("name").IsUnknown());
  EXPECT_TRUE(p.plan.Attr("client_id").IsUnknown());
  EXPECT_TRUE(p.plan.Attr("id").IsUnknown());
  EXPECT_TRUE(p.plan.Attr("client_name").IsUnknown());
  EXPECT_EQ(p.plan.Attr("name_prefix"), Value::String("CI "));
}

TEST_F(ApiKeyResourceTest, NamePrefixCreateMakesAUniqueClientIdPerKey) {
  Value a = Apply(PrefixConfig("CI "));
  Value b = Apply(PrefixConfig("CI "));
  for (const Value& s : {a, b}) {
    const std::string id = s.Attr("client_id").AsString();
    EXPECT_EQ(id.rfind("ci-", 0), 0u) << id;
    EXPECT_EQ(id.size(), 3 + kKeySuffixLength) << id;
    EXPECT_EQ(s.Attr("name"), s.Attr("client_id"));
    EXPECT_EQ(s.Attr("id"), s.Attr("client_id"));
    EXPECT_EQ(s.Attr("client_name"), s.Attr("client_id"));
    EXPECT_EQ(s.Attr("name_prefix"), Value::String("CI "));
    EXPECT_TRUE(s.Attr("client_secret").IsKnown());
    EXPECT_EQ(unionc::NormalizeKeyName(id), id);
    EXPECT_TRUE(unionc::ValidateKeyName(id).ok()) << id;
  }
  EXPECT_NE(a.Attr("client_id"), b.Attr("client_id"));
  EXPECT_EQ(fake_->keys.size(), 2u);
}

TEST_F(ApiKeyResourceTest, NamePrefixHasNoDiffAfterCreate) {
  Value config = PrefixConfig("ci-")
                     .WithAttr("rotate_when_changed",
                               Value::Map(Type::String(),
                                          {{"generation", Value::String("1")}}));
  Value state = Apply(config);
  tf::testing::PlannedChange p = Plan(config, state);
  EXPECT_FALSE(p.diagnostics.HasError());
  EXPECT_TRUE(p.requires_replace.empty());
  EXPECT_EQ(p.plan, state);
  // And a refresh keeps it that way.
  tf::ReadResponse rr = Read(state);
  EXPECT_EQ(rr.state, state);
}

TEST_F(ApiKeyResourceTest, FixedNameHasNoDiffAfterCreate) {
  Value config = Config("Fixed Key");
  Value state = Apply(config);
  EXPECT_EQ(state.Attr("name"), Value::String("Fixed Key"));
  EXPECT_TRUE(state.Attr("name_prefix").IsNull());
  tf::testing::PlannedChange p = Plan(config, state);
  EXPECT_TRUE(p.requires_replace.empty());
  EXPECT_EQ(p.plan, state);
}

TEST_F(ApiKeyResourceTest, SecretExpiryIsRecordedAndWarnedAboutOnceItPassed) {
  fake_->issued_at = absl::Now();
  fake_->secret_ttl = absl::Hours(1);
  Value state = Apply(Config("expiring"));
  EXPECT_EQ(state.Attr("client_secret_expires_at"),
            Value::String(
                unionc::FormatRfc3339(fake_->issued_at + absl::Hours(1))));
  tf::ReadResponse fresh = Read(state);
  EXPECT_TRUE(fresh.diagnostics.empty());
  fake_->keys["expiring"].client_secret_expires_at =
      absl::Now() - absl::Minutes(1);
  tf::ReadResponse expired = Read(state);
  ASSERT_EQ(expired.diagnostics.size(), 1u);
  const tf::Diagnostic& d = expired.diagnostics.items()[0];
  EXPECT_EQ(d.severity, tf::Severity::kWarning);
  EXPECT_EQ(d.summary, "Union API key secret expired");
  EXPECT_NE(d.detail.find("\"expiring\""), std::string::npos);
  EXPECT_NE(d.detail.find("rotate_when_changed"), std::string::npos);
  EXPECT_NE(d.detail.find("-replace="), std::string::npos);
  EXPECT_EQ(expired.state.Attr("client_secret"),
            state.Attr("client_secret"));  // still in state
}

TEST_F(ApiKeyResourceTest, NoExpiryIsNull) {
  Value state = Apply(Config("forever"));
  EXPECT_TRUE(state.Attr("client_secret_expires_at").IsNull());
  EXPECT_TRUE(Read(state).diagnostics.empty());
}

TEST_F(ApiKeyResourceTest, UnconfiguredResourceErrors) {
  ApiKeyResource bare;
  tf::ReadResponse rr;
  bare.Read(tf::Context(), {.state = Config("x")}, rr);
  EXPECT_TRUE(rr.diagnostics.HasError());
}

}  // namespace
}  // namespace union_provider
