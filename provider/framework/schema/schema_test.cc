#include "provider/framework/schema/schema.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace tf {
namespace {

Schema ThingSchema() {
  return Schema{
      .version = 1,
      .block = {
          .attributes =
              {
                  {.name = "name",
                   .type = Type::String(),
                   .presence = Presence::kRequired,
                   .plan_modifiers = {RequiresReplace()}},
                  {.name = "id",
                   .type = Type::String(),
                   .presence = Presence::kComputed,
                   .plan_modifiers = {UseStateForUnknown()}},
                  {.name = "tags",
                   .type = Type::List(Type::String()),
                   .presence = Presence::kOptional},
              },
          .blocks = {
              {.type_name = "rule",
               .block = {.attributes = {{.name = "port",
                                         .type = Type::Number(),
                                         .presence = Presence::kRequired}}},
               .nesting = Nesting::kList}}}};
}

TEST(SchemaTest, ValueTypeCoversAttributesAndBlocks) {
  Schema s = ThingSchema();
  Type want = Type::Object(
      {{"name", Type::String()},
       {"id", Type::String()},
       {"tags", Type::List(Type::String())},
       {"rule", Type::List(Type::Object({{"port", Type::Number()}}))}});
  EXPECT_EQ(s.ValueType(), want);
  EXPECT_NE(s.FindAttribute("id"), nullptr);
  EXPECT_EQ(s.FindAttribute("rule"), nullptr);
  EXPECT_NE(s.block.FindBlock("rule"), nullptr);
  EXPECT_TRUE(s.Validate().ok()) << s.Validate();
}

struct BadCase {
  std::string label;
  Attribute attribute;
  std::string want_in_message;
};

TEST(SchemaTest, ValidateRejectsBadAttributes) {
  std::vector<BadCase> cases = {
      {"upper case", {.name = "Name", .type = Type::String()}, "Name"},
      {"dash", {.name = "a-b", .type = Type::String()}, "a-b"},
      {"empty", {.name = "", .type = Type::String()}, "^[a-z0-9_]+$"},
      {"duplicate", {.name = "name", .type = Type::String()}, "duplicate"},
      {"default on optional",
       {.name = "d",
        .type = Type::String(),
        .presence = Presence::kOptional,
        .default_value = Value::String("x")},
       "kOptionalComputed"},
      {"default on required",
       {.name = "d",
        .type = Type::String(),
        .presence = Presence::kRequired,
        .default_value = Value::String("x")},
       "kOptionalComputed"},
      {"default of wrong type",
       {.name = "d",
        .type = Type::String(),
        .presence = Presence::kOptionalComputed,
        .default_value = Value::Int(3)},
       "type string"},
      {"unknown default",
       {.name = "d",
        .type = Type::String(),
        .presence = Presence::kOptionalComputed,
        .default_value = Value::Unknown(Type::String())},
       "known"},
      {"write-only computed",
       {.name = "w",
        .type = Type::String(),
        .presence = Presence::kComputed,
        .write_only = true},
       "write-only"},
      {"write-only optional computed",
       {.name = "w",
        .type = Type::String(),
        .presence = Presence::kOptionalComputed,
        .write_only = true},
       "write-only"},
      {"null modifier",
       {.name = "m",
        .type = Type::String(),
        .presence = Presence::kOptional,
        .plan_modifiers = {nullptr}},
       "modifier"},
  };
  for (const BadCase& c : cases) {
    Schema s = ThingSchema();
    s.block.attributes.push_back(c.attribute);
    absl::Status st = s.Validate();
    EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument) << c.label;
    EXPECT_NE(std::string(st.message()).find(c.want_in_message),
              std::string::npos)
        << c.label << ": " << st;
  }
}

TEST(SchemaTest, ValidateAcceptsGoodCombinations) {
  Schema s = ThingSchema();
  s.block.attributes.push_back({.name = "d",
                                .type = Type::String(),
                                .presence = Presence::kOptionalComputed,
                                .default_value = Value::String("x")});
  s.block.attributes.push_back({.name = "w",
                                .type = Type::String(),
                                .presence = Presence::kOptional,
                                .sensitive = true,
                                .write_only = true});
  s.block.attributes.push_back({.name = "any",
                                .type = Type::Dynamic(),
                                .presence = Presence::kOptionalComputed,
                                .default_value = Value::Bool(true)});
  EXPECT_TRUE(s.Validate().ok()) << s.Validate();
}

TEST(SchemaTest, ValidateChecksNestedBlocks) {
  Schema s = ThingSchema();
  s.block.blocks[0].block.attributes.push_back(
      {.name = "BAD", .type = Type::String()});
  absl::Status st = s.Validate();
  EXPECT_FALSE(st.ok());
  EXPECT_NE(std::string(st.message()).find("rule.BAD"), std::string::npos);

  Schema dup = ThingSchema();
  dup.block.blocks.push_back({.type_name = "name"});
  EXPECT_FALSE(dup.Validate().ok());

  Schema single = ThingSchema();
  single.block.blocks.push_back(
      {.type_name = "one", .nesting = Nesting::kSingle, .max_items = 2});
  EXPECT_FALSE(single.Validate().ok());

  Schema wo_in_set = ThingSchema();
  wo_in_set.block.blocks.push_back(
      {.type_name = "creds",
       .block = {.attributes = {{.name = "pw",
                                 .type = Type::String(),
                                 .presence = Presence::kOptional,
                                 .write_only = true}}},
       .nesting = Nesting::kSet});
  EXPECT_FALSE(wo_in_set.Validate().ok());
  wo_in_set.block.blocks.back().nesting = Nesting::kList;
  EXPECT_TRUE(wo_in_set.Validate().ok()) << wo_in_set.Validate();

  Schema minmax = ThingSchema();
  minmax.block.blocks.push_back({.type_name = "many",
                                 .nesting = Nesting::kList,
                                 .min_items = 3,
                                 .max_items = 2});
  EXPECT_FALSE(minmax.Validate().ok());
}

TEST(PlanModifierTest, RequiresReplace) {
  auto m = RequiresReplace();
  EXPECT_EQ(m->Description(), "Changing this forces a new resource.");
  struct Case {
    std::string label;
    PlanModifierRequest req;
    bool want;
  };
  std::vector<Case> cases = {
      {"create",
       {.state = Value::Null(Type::String()),
        .plan = Value::String("a"),
        .creating = true},
       false},
      {"same",
       {.state = Value::String("a"), .plan = Value::String("a")},
       false},
      {"changed",
       {.state = Value::String("a"), .plan = Value::String("b")},
       true},
      {"unknown",
       {.state = Value::String("a"), .plan = Value::Unknown(Type::String())},
       true},
  };
  for (const Case& c : cases) {
    PlanModifierResponse resp{.plan = c.req.plan};
    m->Modify(c.req, resp);
    EXPECT_EQ(resp.requires_replace, c.want) << c.label;
    EXPECT_EQ(resp.plan, c.req.plan) << c.label;
  }
}

TEST(PlanModifierTest, UseStateForUnknown) {
  auto m = UseStateForUnknown();
  EXPECT_FALSE(m->Description().empty());
  Value unknown = Value::Unknown(Type::String());
  Value null = Value::Null(Type::String());
  struct Case {
    std::string label;
    PlanModifierRequest req;
    Value want;
  };
  std::vector<Case> cases = {
      {"keeps prior",
       {.config = null, .state = Value::String("id1"), .plan = unknown},
       Value::String("id1")},
      {"create stays unknown",
       {.config = null, .state = null, .plan = unknown, .creating = true},
       unknown},
      {"null prior is kept",
       {.config = null, .state = null, .plan = unknown},
       null},
      {"known plan wins",
       {.config = null,
        .state = Value::String("a"),
        .plan = Value::String("b")},
       Value::String("b")},
      {"unknown config",
       {.config = unknown, .state = Value::String("a"), .plan = unknown},
       unknown},
  };
  for (const Case& c : cases) {
    PlanModifierResponse resp{.plan = c.req.plan};
    m->Modify(c.req, resp);
    EXPECT_EQ(resp.plan, c.want) << c.label;
    EXPECT_FALSE(resp.requires_replace) << c.label;
  }
}

TEST(ValidatorTest, StringHelpers) {
  Diagnostics d;
  StringLengthBetween(1, 3)->Validate(Value::String("abcd"), Path::Root("name"),
                                      d);
  ASSERT_TRUE(d.HasError());
  EXPECT_EQ(d.items()[0].attribute->ToString(), "name");

  Diagnostics ok;
  StringLengthBetween(1, 3)->Validate(Value::String("héé"), Path::Root("n"),
                                      ok);
  StringLengthBetween(1, 3)->Validate(Value::Null(Type::String()),
                                      Path::Root("n"), ok);
  StringMatches("[a-z]+", "must be lower-case letters")
      ->Validate(Value::String("abc"), Path::Root("n"), ok);
  StringOneOf({"a", "b"})->Validate(Value::String("b"), Path::Root("n"), ok);
  EXPECT_FALSE(ok.HasError());

  Diagnostics bad;
  StringMatches("[a-z]+", "must be lower-case letters")
      ->Validate(Value::String("aBc"), Path::Root("n"), bad);
  StringOneOf({"a", "b"})->Validate(Value::String("c"), Path::Root("n"), bad);
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_NE(bad.items()[0].detail.find("must be lower-case letters"),
            std::string::npos);
}

}  // namespace
}  // namespace tf
