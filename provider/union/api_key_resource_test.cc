// api_key_resource_test.cc: the union_api_key lifecycle against a fake
// backend: plan-time client_id, create, read (drift, gone), update in place,
// delete, import, and the error paths (duplicate, ambiguous create).
#include "provider/union/api_key_resource.h"

#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "provider/union/model.h"
#include "provider/union/names.h"
#include "provider/union/testing/fake_backend.h"

namespace union_provider {
namespace {

using tf::Type;
using tf::Value;
using testing::FakeBackend;

class ApiKeyResourceTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakeBackend> fake_ = std::make_shared<FakeBackend>();
  ApiKeyResource r_{fake_};
  tf::Schema schema_ = r_.GetSchema();

  Value Config(const std::string& name) {
    return tf::NullAttributes(schema_.ValueType())
        .WithAttr("name", Value::String(name));
  }

  Value PrefixConfig(const std::string& prefix) {
    return tf::NullAttributes(schema_.ValueType())
        .WithAttr("name_prefix", Value::String(prefix));
  }

  tf::Diagnostics Validate(const Value& config) {
    tf::ValidateConfigResponse resp;
    r_.ValidateConfig(tf::Context(), {.config = config}, resp);
    return resp.diagnostics;
  }

  // What the schema's declared validators say about `config`'s `attr`.
  tf::Diagnostics RunValidators(const std::string& attr, const Value& value) {
    tf::Diagnostics diags;
    for (const auto& v : schema_.FindAttribute(attr)->validators) {
      v->Validate(value, tf::Path::Root(attr), diags);
    }
    return diags;
  }

  // What the framework does before ModifyPlan: defaults, then computed
  // attributes null in config become unknown (or keep the prior value when
  // UseStateForUnknown applies).
  Value FrameworkPlan(const Value& config, const Value& prior) {
    Value plan = config;
    for (const tf::Attribute& a : schema_.block.attributes) {
      const Value& c = config.Attr(a.name);
      if (!c.IsNull()) continue;
      if (a.default_value) {
        plan = plan.WithAttr(a.name, *a.default_value);
      } else if (tf::IsComputed(a.presence)) {
        bool keep = !prior.IsNull() && !a.plan_modifiers.empty() &&
                    a.name != "skip_default_policy_assignments";
        plan = plan.WithAttr(a.name,
                             keep ? prior.Attr(a.name) : Value::Unknown(a.type));
      }
    }
    return plan;
  }

  tf::ModifyPlanResponse Plan(const Value& config, const Value& prior) {
    tf::ModifyPlanResponse resp;
    resp.plan = FrameworkPlan(config, prior);
    r_.ModifyPlan(tf::Context(),
                  {.config = config, .state = prior, .plan = resp.plan}, resp);
    return resp;
  }

  Value Apply(const Value& config) {
    tf::ModifyPlanResponse p = Plan(config, Value::Null(schema_.ValueType()));
    EXPECT_FALSE(p.diagnostics.HasError());
    tf::CreateResponse resp;
    resp.state = p.plan;
    r_.Create(tf::Context(), {.config = config, .plan = p.plan}, resp);
    EXPECT_FALSE(resp.diagnostics.HasError())
        << resp.diagnostics.items()[0].summary << ": "
        << resp.diagnostics.items()[0].detail;
    return resp.state;
  }

  // Plans `config` as a create and runs Create; the response as the
  // resource left it (state pre-filled with the plan, as the framework does).
  tf::CreateResponse CreateAfterPlan(const Value& config, Value* plan_out) {
    tf::ModifyPlanResponse p = Plan(config, Value::Null(schema_.ValueType()));
    tf::CreateResponse cr;
    cr.state = p.plan;
    r_.Create(tf::Context(), {.config = config, .plan = p.plan}, cr);
    *plan_out = p.plan;
    return cr;
  }

  tf::ReadResponse Read(const Value& state) {
    tf::ReadResponse resp;
    resp.state = state;
    r_.Read(tf::Context(), {.state = state}, resp);
    return resp;
  }
};

TEST_F(ApiKeyResourceTest, PlanShowsClientIdAndDefaults) {
  tf::ModifyPlanResponse p =
      Plan(Config("CI Pipeline #1"), Value::Null(schema_.ValueType()));
  EXPECT_TRUE(p.requires_replace.empty());
  EXPECT_EQ(p.plan.Attr("client_id"), Value::String("ci-pipeline-1"));
  EXPECT_EQ(p.plan.Attr("id"), Value::String("ci-pipeline-1"));
  EXPECT_EQ(p.plan.Attr("client_name"), Value::String("ci-pipeline-1"));
  EXPECT_EQ(p.plan.Attr("redirect_uris"), StringList({kDefaultRedirectUri}));
  EXPECT_FALSE(p.plan.Attr("client_secret").IsKnown());
}

TEST_F(ApiKeyResourceTest, PlanOnDestroyStaysNull) {
  Value state = Apply(Config("x"));
  tf::ModifyPlanResponse resp;
  resp.plan = Value::Null(schema_.ValueType());
  r_.ModifyPlan(tf::Context(),
                {.config = Value::Null(schema_.ValueType()), .state = state,
                 .plan = resp.plan},
                resp);
  EXPECT_TRUE(resp.plan.IsNull());
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
  tf::ModifyPlanResponse p = Plan(Config("steady"), rr.state);
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
  tf::ModifyPlanResponse p = Plan(Config("drifty"), rr.state);
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
  tf::ModifyPlanResponse p = Plan(config, s);
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
  tf::ModifyPlanResponse p = Plan(Config("two"), s);
  ASSERT_EQ(p.requires_replace.size(), 1u);
  EXPECT_EQ(p.requires_replace[0].ToString(), "name");
  EXPECT_EQ(p.plan.Attr("client_id"), Value::String("two"));
}

TEST_F(ApiKeyResourceTest, RenameToTheSameClientIdIsInPlaceWithoutACall) {
  Value s = Apply(Config("Same Key"));
  tf::ModifyPlanResponse p = Plan(Config("same key"), s);
  EXPECT_TRUE(p.requires_replace.empty());
  tf::UpdateResponse ur;
  ur.state = p.plan;
  r_.Update(tf::Context(), {.config = Config("same key"), .plan = p.plan, .state = s},
            ur);
  EXPECT_FALSE(ur.diagnostics.HasError());
  EXPECT_EQ(ur.state.Attr("name"), Value::String("same key"));
  EXPECT_EQ(fake_->updates, 0);
}

TEST_F(ApiKeyResourceTest, SkipFlagChangeReplacesThroughItsModifier) {
  const tf::Attribute* a = schema_.FindAttribute("skip_default_policy_assignments");
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

TEST_F(ApiKeyResourceTest, UpdateOfDeletedKeySaysSo) {
  Value s = Apply(Config("vanish"));
  fake_->keys.clear();
  Value config = Config("vanish").WithAttr("client_name", Value::String("n"));
  tf::ModifyPlanResponse p = Plan(config, s);
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

TEST_F(ApiKeyResourceTest, DuplicateNameGivesTheImportCommand) {
  Apply(Config("dup"));
  Value config = Config("DUP");
  tf::ModifyPlanResponse p = Plan(config, Value::Null(schema_.ValueType()));
  tf::CreateResponse cr;
  cr.state = p.plan;
  r_.Create(tf::Context(), {.config = config, .plan = p.plan}, cr);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  const tf::Diagnostic& d = cr.diagnostics.items()[0];
  EXPECT_EQ(d.summary, "Union API key already exists");
  EXPECT_NE(d.detail.find("terraform import <address of this resource> dup"),
            std::string::npos)
      << d.detail;
  EXPECT_EQ(d.attribute->ToString(), "name");
}

TEST_F(ApiKeyResourceTest, AmbiguousCreateThatCommittedAdoptsTheKeyTainted) {
  fake_->fail_next_create = absl::DeadlineExceededError("deadline exceeded");
  fake_->create_commits_before_failing = true;
  fake_->issued_at = absl::Now();  // made by this apply
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("amb"), &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  const tf::Diagnostic& d = cr.diagnostics.items()[0];
  EXPECT_EQ(d.severity, tf::Severity::kError);
  EXPECT_EQ(d.summary, "Union API key created but its secret was lost");
  EXPECT_NE(d.detail.find("tainted"), std::string::npos) << d.detail;
  EXPECT_NE(d.detail.find("next terraform apply replaces it"),
            std::string::npos)
      << d.detail;
  // The key is in state (Terraform taints it), without a secret.
  EXPECT_EQ(cr.state.Attr("client_id"), Value::String("amb"));
  EXPECT_EQ(cr.state.Attr("id"), Value::String("amb"));
  EXPECT_TRUE(cr.state.Attr("client_secret").IsNull());
  EXPECT_TRUE(cr.state.Attr("encoded_credentials").IsNull());
  EXPECT_TRUE(cr.state.Attr("grant_types").IsKnown());
  EXPECT_NE(cr.state, plan);
  EXPECT_EQ(fake_->creates, 1);  // never created twice
  EXPECT_EQ(fake_->gets, 1);
}

TEST_F(ApiKeyResourceTest, AmbiguousCreateFindingAnOlderKeyLeavesItAlone) {
  // The key that exists was issued long before this apply: not ours.
  fake_->fail_next_create = absl::DeadlineExceededError("deadline exceeded");
  fake_->create_commits_before_failing = true;
  fake_->issued_at = absl::Now() - absl::Hours(3);
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("old"), &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  const tf::Diagnostic& d = cr.diagnostics.items()[0];
  EXPECT_EQ(d.summary, "Union API key already exists");
  EXPECT_NE(d.detail.find("terraform import <address of this resource> old"),
            std::string::npos)
      << d.detail;
  EXPECT_EQ(cr.state, plan);  // nothing recorded: the framework drops it
  EXPECT_EQ(fake_->keys.count("old"), 1u);
  EXPECT_EQ(fake_->deletes, 0);
}

TEST_F(ApiKeyResourceTest, AmbiguousCreateFindingADifferentKeyLeavesItAlone) {
  ApiKeyInfo other;
  other.client_id = "mine";
  other.client_name = "someone else's";
  other.redirect_uris = {"http://localhost:9999/cb"};
  other.client_id_issued_at = absl::Now();
  fake_->keys["mine"] = other;
  fake_->fail_next_create = absl::UnavailableError("connection reset");
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("mine"), &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  EXPECT_EQ(cr.diagnostics.items()[0].summary, "Union API key already exists");
  EXPECT_EQ(cr.state, plan);
  EXPECT_EQ(fake_->keys["mine"].client_name, "someone else's");
}

TEST_F(ApiKeyResourceTest, CreateThatCommitsAfterTheLookUpIsAdoptedOnRetry) {
  // The first create fails ambiguously, the look-up finds nothing, then the
  // server commits that first create: the retry is answered ALREADY_EXISTS.
  fake_->fail_next_create = absl::DeadlineExceededError("deadline exceeded");
  fake_->create_commits_after_next_get = true;
  fake_->issued_at = absl::Now();  // made by this apply
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("late"), &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  const tf::Diagnostic& d = cr.diagnostics.items()[0];
  EXPECT_EQ(d.summary, "Union API key created but its secret was lost");
  EXPECT_NE(d.detail.find("DEADLINE_EXCEEDED"), std::string::npos) << d.detail;
  // In state (tainted by Terraform), so the key is not orphaned.
  EXPECT_EQ(cr.state.Attr("client_id"), Value::String("late"));
  EXPECT_TRUE(cr.state.Attr("client_secret").IsNull());
  EXPECT_TRUE(cr.state.Attr("grant_types").IsKnown());
  EXPECT_EQ(fake_->creates, 2);
  EXPECT_EQ(fake_->gets, 2);
  EXPECT_EQ(fake_->keys.count("late"), 1u);
  EXPECT_EQ(fake_->deletes, 0);
}

TEST_F(ApiKeyResourceTest, RetryAnsweredAlreadyExistsByAnotherKeyReportsIt) {
  // After the empty look-up someone else creates a key with this client_id.
  fake_->fail_next_create = absl::UnavailableError("connection reset");
  fake_->create_commits_after_next_get = true;
  fake_->issued_at = absl::Now() - absl::Hours(3);  // not this apply's
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("theirs"), &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  const tf::Diagnostic& d = cr.diagnostics.items()[0];
  EXPECT_EQ(d.summary, "Union API key already exists");
  EXPECT_NE(d.detail.find("terraform import <address of this resource> theirs"),
            std::string::npos)
      << d.detail;
  EXPECT_EQ(cr.state, plan);  // nothing recorded
  EXPECT_EQ(fake_->keys.count("theirs"), 1u);
  EXPECT_EQ(fake_->deletes, 0);
}

TEST_F(ApiKeyResourceTest, CreateThatProvablyDidNotHappenIsRetried) {
  fake_->create_failures = {absl::UnavailableError("injected"),
                            absl::UnavailableError("injected")};
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("retry"), &plan);
  EXPECT_FALSE(cr.diagnostics.HasError());
  EXPECT_EQ(fake_->creates, 3);
  EXPECT_EQ(fake_->gets, 2);  // one look-up after each failure
  EXPECT_EQ(cr.state.Attr("client_secret"), Value::String("s3cr3t-retry"));
  EXPECT_EQ(fake_->keys.size(), 1u);
}

TEST_F(ApiKeyResourceTest, CreateRetriesStopAtTheBudgetAndSayItIsSafe) {
  fake_->max_create_attempts = 2;
  fake_->create_failures = {absl::UnavailableError("connection reset"),
                            absl::UnavailableError("connection reset"),
                            absl::UnavailableError("connection reset")};
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("amb2"), &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  EXPECT_EQ(cr.diagnostics.items()[0].summary, "Union endpoint unreachable");
  EXPECT_NE(cr.diagnostics.items()[0].detail.find(
                "(2 attempts), so it is safe to run terraform apply again"),
            std::string::npos)
      << cr.diagnostics.items()[0].detail;
  EXPECT_EQ(fake_->creates, 2);
  EXPECT_EQ(cr.state, plan);
  EXPECT_TRUE(fake_->keys.empty());
}

TEST_F(ApiKeyResourceTest, CreateWithUnknownOutcomeRecordsATentativeKey) {
  fake_->fail_next_create = absl::UnavailableError("connection reset");
  fake_->fail_next_get = absl::UnavailableError("connection refused");
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("unsure"), &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  const tf::Diagnostic& d = cr.diagnostics.items()[0];
  EXPECT_EQ(d.severity, tf::Severity::kError);
  EXPECT_NE(d.detail.find("records it in state as tainted"), std::string::npos)
      << d.detail;
  EXPECT_EQ(cr.state.Attr("client_id"), Value::String("unsure"));
  EXPECT_EQ(cr.state.Attr("id"), Value::String("unsure"));
  EXPECT_TRUE(cr.state.Attr("client_secret").IsNull());
  // The next refresh settles it: the key does not exist, so it is dropped
  // and planned again.
  tf::ReadResponse rr = Read(cr.state);
  EXPECT_FALSE(rr.diagnostics.HasError());
  EXPECT_TRUE(rr.state.IsNull());
}

TEST_F(ApiKeyResourceTest, ServerlessAmbiguousCreateRecordsNothing) {
  fake_->serverless = true;
  fake_->fail_next_create = absl::UnavailableError("connection reset");
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("sl"), &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  EXPECT_NE(cr.diagnostics.items()[0].detail.find("union-apikey get"),
            std::string::npos);
  EXPECT_EQ(cr.state, plan);
  EXPECT_EQ(fake_->gets, 0);
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
  tf::ModifyPlanResponse p = Plan(Config("imp"), rr.state);
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
  tf::ModifyPlanResponse p = Plan(config, Value::Null(schema_.ValueType()));
  EXPECT_FALSE(p.plan.Attr("client_id").IsKnown());
  tf::CreateResponse cr;
  cr.state = p.plan;
  r_.Create(tf::Context(), {.config = config, .plan = p.plan}, cr);
  EXPECT_FALSE(cr.diagnostics.HasError());
  EXPECT_EQ(cr.state.Attr("client_id"), Value::String("tenant-user-ci"));
  // Same name later: no replacement, client_id kept.
  tf::ModifyPlanResponse p2 = Plan(config, cr.state);
  EXPECT_TRUE(p2.requires_replace.empty());
  EXPECT_EQ(p2.plan.Attr("client_id"), Value::String("tenant-user-ci"));
}


TEST_F(ApiKeyResourceTest, NamePrefixPlanLeavesNameAndClientIdUnknown) {
  tf::ModifyPlanResponse p =
      Plan(PrefixConfig("CI "), Value::Null(schema_.ValueType()));
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
    EXPECT_TRUE(ValidateClientId(id).ok()) << id;
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
  tf::ModifyPlanResponse p = Plan(config, state);
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
  tf::ModifyPlanResponse p = Plan(config, state);
  EXPECT_TRUE(p.requires_replace.empty());
  EXPECT_EQ(p.plan, state);
}

TEST_F(ApiKeyResourceTest, RotateWhenChangedAndNamePrefixForceReplacement) {
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
    tf::PlanModifierResponse changed{.plan = after};
    a->plan_modifiers[0]->Modify({.path = tf::Path::Root(attr),
                                  .config = after,
                                  .state = before,
                                  .plan = after},
                                 changed);
    EXPECT_TRUE(changed.requires_replace) << attr;
    tf::PlanModifierResponse same{.plan = before};
    a->plan_modifiers[0]->Modify({.path = tf::Path::Root(attr),
                                  .config = before,
                                  .state = before,
                                  .plan = before},
                                 same);
    EXPECT_FALSE(same.requires_replace) << attr;
  }
  EXPECT_EQ(schema_.FindAttribute("name")->presence,
            tf::Presence::kOptionalComputed);
}

TEST_F(ApiKeyResourceTest, NameAndNamePrefixExcludeEachOther) {
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

TEST_F(ApiKeyResourceTest, BadNamePrefixIsAnErrorOnNamePrefix) {
  for (const std::string& bad :
       {std::string("!!"), std::string(""),
        std::string(kMaxClientIdLength - kKeySuffixLength + 1, 'a')}) {
    tf::Diagnostics d = Validate(PrefixConfig(bad));
    ASSERT_EQ(d.size(), 1u) << bad;
    EXPECT_EQ(d.items()[0].summary, "Invalid API key name_prefix");
    EXPECT_EQ(d.items()[0].attribute->ToString(), "name_prefix");
  }
  EXPECT_TRUE(
      Validate(PrefixConfig(
                   std::string(kMaxClientIdLength - kKeySuffixLength, 'a')))
          .empty());
}

TEST_F(ApiKeyResourceTest, RedirectUrisAreCheckedByTheSchema) {
  Value uris = StringList({"https://ok.example/cb", "javascript:alert(1)",
                           "relative/path", "data:text/html,x",
                           "FILE:///etc/passwd"});
  tf::Diagnostics d = RunValidators("redirect_uris", uris);
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d.items()[0].attribute->ToString(), "redirect_uris[1]");
  EXPECT_NE(d.items()[0].detail.find("javascript"), std::string::npos);
  EXPECT_EQ(d.items()[1].attribute->ToString(), "redirect_uris[2]");
  EXPECT_EQ(d.items()[2].attribute->ToString(), "redirect_uris[3]");
  EXPECT_EQ(d.items()[3].attribute->ToString(), "redirect_uris[4]");
  EXPECT_TRUE(
      RunValidators("redirect_uris", StringList({kDefaultRedirectUri})).empty());
}

TEST_F(ApiKeyResourceTest, FixedNameAlreadyExistsNamesBothCauses) {
  Apply(Config("rotating"));
  Value config = Config("rotating");
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(config, &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  const tf::Diagnostic& d = cr.diagnostics.items()[0];
  EXPECT_EQ(d.summary, "Union API key already exists");
  EXPECT_NE(d.detail.find("create_before_destroy"), std::string::npos);
  EXPECT_NE(d.detail.find("name_prefix"), std::string::npos);
  EXPECT_NE(d.detail.find("terraform import <address of this resource> "
                          "rotating"),
            std::string::npos);
  EXPECT_EQ(d.attribute->ToString(), "name");
  EXPECT_EQ(fake_->keys.count("rotating"), 1u);  // the old key is untouched
  EXPECT_EQ(fake_->deletes, 0);
}

TEST_F(ApiKeyResourceTest, SecretExpiryIsRecordedAndWarnedAboutOnceItPassed) {
  fake_->issued_at = absl::Now();
  fake_->secret_ttl = absl::Hours(1);
  Value state = Apply(Config("expiring"));
  EXPECT_EQ(state.Attr("client_secret_expires_at"),
            Value::String(FormatTimestamp(fake_->issued_at + absl::Hours(1))));
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
