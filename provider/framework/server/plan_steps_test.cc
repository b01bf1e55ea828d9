#include "provider/framework/server/plan_steps.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "provider/framework/server/test_schema.h"

namespace tf::server::test {
namespace {

std::vector<std::string> ErrorPaths(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.items()) {
    if (x.severity == Severity::kError && x.attribute) {
      out.push_back(x.attribute->ToString());
    }
  }
  return out;
}

TEST(PlanStepsTest, ApplyDefaults) {
  const Block block = test::ThingSchema().block;
  struct Case {
    std::string label;
    Value config, plan, want;
  };
  std::vector<Case> cases = {
      {"null config gets default", Thing({{"name", S("a")}}),
       Thing({{"name", S("a")}}),
       Thing({{"name", S("a")}, {"mode", S("fast")}})},
      {"set config wins", Thing({{"mode", S("slow")}}),
       Thing({{"mode", S("slow")}}), Thing({{"mode", S("slow")}})},
      {"unknown config stays", Thing({{"mode", UnkS()}}),
       Thing({{"mode", UnkS()}}), Thing({{"mode", UnkS()}})},
      {"default overrides prior on update", Thing({}),
       Thing({{"mode", S("old")}}), Thing({{"mode", S("fast")}})},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ApplyDefaults(block, c.config, c.plan), c.want) << c.label;
  }
}

TEST(PlanStepsTest, HasChange) {
  Value prior = Thing({{"name", S("a")}, {"id", S("1")}});
  EXPECT_FALSE(HasChange(prior, prior));
  EXPECT_TRUE(HasChange(prior, prior.WithAttr("size", Value::Int(3))));
  EXPECT_TRUE(HasChange(Value::Null(prior.type()), prior));
}

TEST(PlanStepsTest, MarkComputedNullsUnknown) {
  const Block block = test::ThingSchema().block;
  struct Case {
    std::string label;
    Value config, plan;
    bool mark;
    Value want;
  };
  Value prior_like = StoredThing();
  std::vector<Case> cases = {
      {"create marks computed nulls", Thing({{"name", S("a")}}),
       Thing({{"name", S("a")}, {"mode", S("fast")}}), true,
       Thing({{"name", S("a")},
              {"mode", S("fast")},
              {"id", UnkS()},
              {"summary", UnkS()}})},
      {"no change: plan is untouched", Thing({{"name", S("a")}}), prior_like,
       false, prior_like},
      {"change marks every computed null (modifiers restore later)",
       Thing({{"name", S("a")}, {"size", Value::Int(2)}}),
       prior_like.WithAttr("size", Value::Int(2)), true,
       Thing({{"name", S("a")},
              {"size", Value::Int(2)},
              {"mode", S("fast")},
              {"id", UnkS()},
              {"summary", UnkS()}})},
      {"optional computed set in config is kept", Thing({{"mode", S("slow")}}),
       Thing({{"mode", S("slow")}}), true,
       Thing({{"mode", S("slow")}, {"id", UnkS()}, {"summary", UnkS()}})},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(MarkComputedNullsUnknown(block, c.config, c.plan, c.mark), c.want)
        << c.label;
  }
}

TEST(PlanStepsTest, RunAttributePlanModifiers) {
  const Block block = test::ThingSchema().block;
  struct Case {
    std::string label;
    Value config, prior, plan, want_plan;
    std::vector<std::string> want_replace;
  };
  Value prior = StoredThing();
  // An update that sets size: defaults applied, computed values unknown.
  Value size_change_plan = Thing({{"name", S("a")},
                                  {"size", Value::Int(2)},
                                  {"mode", S("fast")},
                                  {"id", UnkS()},
                                  {"summary", UnkS()}});
  std::vector<Case> cases = {
      {"create: nothing restored, no replace",
       Thing({{"name", S("a")}}),
       Value::Null(prior.type()),
       Thing({{"name", S("a")}, {"id", UnkS()}}),
       Thing({{"name", S("a")}, {"id", UnkS()}}),
       {}},
      {"update keeps id, summary stays unknown",
       Thing({{"name", S("a")}, {"size", Value::Int(2)}}),
       prior,
       size_change_plan,
       Thing({{"name", S("a")},
              {"size", Value::Int(2)},
              {"mode", S("fast")},
              {"id", S("1")},
              {"summary", UnkS()}}),
       {}},
      {"update keeps a null prior id (never set, e.g. imported)",
       Thing({{"name", S("a")}, {"size", Value::Int(2)}}),
       prior.WithAttr("id", NullS()),
       size_change_plan,
       Thing({{"name", S("a")},
              {"size", Value::Int(2)},
              {"mode", S("fast")},
              {"summary", UnkS()}}),
       {}},
      {"name change requires replace",
       Thing({{"name", S("b")}}),
       prior,
       Thing({{"name", S("b")},
              {"mode", S("fast")},
              {"id", UnkS()},
              {"summary", UnkS()}}),
       Thing({{"name", S("b")},
              {"mode", S("fast")},
              {"id", S("1")},
              {"summary", UnkS()}}),
       {"name"}},
  };
  for (const Case& c : cases) {
    Value plan = c.plan;
    std::vector<Path> replace;
    Diagnostics diags;
    RunAttributePlanModifiers(block, c.config, c.prior, plan, replace, diags);
    EXPECT_FALSE(diags.HasError()) << c.label;
    EXPECT_EQ(plan, c.want_plan) << c.label;
    std::vector<std::string> got;
    for (const Path& p : replace) got.push_back(p.ToString());
    EXPECT_EQ(got, c.want_replace) << c.label;
  }
}

TEST(PlanStepsTest, NormaliseRequiresReplace) {
  Value prior = Thing({{"name", S("a")}, {"size", Value::Int(1)}});
  Value plan = Thing({{"name", S("b")}, {"size", Value::Int(1)}});
  struct Case {
    std::string label;
    Value prior, plan;
    std::vector<Path> in;
    std::vector<std::string> want;
  };
  std::vector<Case> cases = {
      {"changed kept, same dropped, duplicates merged",
       prior,
       plan,
       {Path::Root("name"), Path::Root("size"), Path::Root("name")},
       {"name"}},
      {"create: none",
       Value::Null(prior.type()),
       plan,
       {Path::Root("name")},
       {}},
      {"destroy: none",
       prior,
       Value::Null(prior.type()),
       {Path::Root("name")},
       {}},
      {"unknown planned value counts as change",
       prior,
       prior.WithAttr("name", UnkS()),
       {Path::Root("name")},
       {"name"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got;
    for (const Path& p : NormaliseRequiresReplace(c.prior, c.plan, c.in)) {
      got.push_back(p.ToString());
    }
    EXPECT_EQ(got, c.want) << c.label;
  }
}

TEST(PlanStepsTest, CheckPlanAgainstConfig) {
  const Block block = test::ThingSchema().block;
  struct Case {
    std::string label;
    Value config, plan;
    std::vector<std::string> want_errors;
  };
  Value config =
      Thing({{"name", S("a")}, {"size", Value::Int(2)}, {"secret", S("pw")}});
  Value good = Thing({{"name", S("a")},
                      {"size", Value::Int(2)},
                      {"mode", S("fast")},
                      {"id", UnkS()}});
  std::vector<Case> cases = {
      {"valid plan", config, good, {}},
      {"optional changed",
       config,
       good.WithAttr("size", Value::Int(3)),
       {"size"}},
      {"required changed", config, good.WithAttr("name", S("z")), {"name"}},
      {"write-only must be null",
       config,
       good.WithAttr("secret", S("pw")),
       {"secret"}},
      {"non-computed null in config must stay null",
       config.WithAttr("size", test::NullN()),
       good,
       {"size"}},
      {"optional computed set in config must match",
       config.WithAttr("mode", S("slow")),
       good,
       {"mode"}},
  };
  for (const Case& c : cases) {
    Diagnostics diags;
    CheckPlanAgainstConfig(block, c.config, c.plan, diags);
    EXPECT_EQ(ErrorPaths(diags), c.want_errors) << c.label;
  }
}

TEST(PlanStepsTest, NestedListBlocks) {
  Block block{
      .attributes = {{.name = "id",
                      .type = Type::String(),
                      .presence = Presence::kComputed}},
      .blocks = {
          {.type_name = "rule",
           .block = {.attributes = {{.name = "port",
                                     .type = Type::Number(),
                                     .presence = Presence::kRequired},
                                    {.name = "proto",
                                     .type = Type::String(),
                                     .presence = Presence::kOptionalComputed,
                                     .default_value = S("tcp")},
                                    {.name = "rid",
                                     .type = Type::String(),
                                     .presence = Presence::kComputed}}},
           .nesting = Nesting::kList}}};
  Type rule = block.blocks[0].block.ValueType();
  auto Rule = [](Value port, Value proto, Value rid) {
    return Value::Object({{"port", port}, {"proto", proto}, {"rid", rid}});
  };
  Value config = Value::Object(
      {{"id", NullS()},
       {"rule", Value::List(rule, {Rule(Value::Int(80), NullS(), NullS())})}});
  Value plan = ApplyDefaults(block, config, config);
  plan = MarkComputedNullsUnknown(block, config, plan, true);
  Value want = Value::Object(
      {{"id", UnkS()},
       {"rule", Value::List(rule, {Rule(Value::Int(80), S("tcp"), UnkS())})}});
  EXPECT_EQ(plan, want);
  Diagnostics diags;
  CheckPlanAgainstConfig(block, config, plan, diags);
  EXPECT_FALSE(diags.HasError());
  Value bad = want.WithAttr(
      "rule", Value::List(rule, {Rule(Value::Int(81), S("tcp"), UnkS())}));
  CheckPlanAgainstConfig(block, config, bad, diags);
  EXPECT_EQ(ErrorPaths(diags), std::vector<std::string>{"rule[0].port"});
}

}  // namespace
}  // namespace tf::server::test
