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

TEST(ValidatorTest, StringLengthAtLeastCountsCharacters) {
  Diagnostics bad;
  StringLengthAtLeast(1)->Validate(Value::String(""), Path::Root("n"), bad);
  StringLengthAtLeast(3)->Validate(Value::String("h\xc3\xa9"), Path::Root("m"),
                                   bad);
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(bad.items()[0].attribute->ToString(), "n");
  EXPECT_NE(bad.items()[1].detail.find("at least 3, got: 2"),
            std::string::npos)
      << bad.items()[1].detail;
  Diagnostics ok;
  StringLengthAtLeast(1)->Validate(Value::String("x"), Path::Root("n"), ok);
  StringLengthAtLeast(1)->Validate(Value::Null(Type::String()), Path::Root("n"),
                                   ok);
  StringLengthAtLeast(1)->Validate(Value::Unknown(Type::String()),
                                   Path::Root("n"), ok);
  EXPECT_TRUE(ok.empty());
  EXPECT_EQ(StringLengthAtLeast(1)->Description(), "Must not be empty.");
}

TEST(ValidatorTest, SizeAtLeastCountsElements) {
  const Value empty = Value::List(Type::String(), {});
  Diagnostics bad;
  SizeAtLeast(1)->Validate(empty, Path::Root("l"), bad);
  SizeAtLeast(2)->Validate(Value::Map(Type::String(), {{"a", Value::String("")}}),
                           Path::Root("m"), bad);
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(bad.items()[0].attribute->ToString(), "l");
  EXPECT_NE(bad.items()[0].detail.find("at least 1 element, got: 0"),
            std::string::npos)
      << bad.items()[0].detail;
  Diagnostics ok;
  SizeAtLeast(1)->Validate(Value::List(Type::String(), {Value::String("a")}),
                           Path::Root("l"), ok);
  SizeAtLeast(1)->Validate(Value::Null(Type::List(Type::String())),
                           Path::Root("l"), ok);
  SizeAtLeast(1)->Validate(Value::Unknown(Type::List(Type::String())),
                           Path::Root("l"), ok);
  EXPECT_TRUE(ok.empty());
}

TEST(ValidatorTest, Int64BetweenNeedsAWholeNumberInRange) {
  auto v = Int64Between(0, 10);
  for (const Value& bad : {Value::Int(-1), Value::Int(11), Value::Float(1.5)}) {
    Diagnostics d;
    v->Validate(bad, Path::Root("n"), d);
    ASSERT_EQ(d.size(), 1u) << bad.DebugString();
    EXPECT_EQ(d.items()[0].attribute->ToString(), "n");
    EXPECT_NE(d.items()[0].detail.find("whole number from 0 to 10"),
              std::string::npos);
  }
  Diagnostics ok;
  for (const Value& good : {Value::Int(0), Value::Int(10), Value::Float(3.0),
                            Value::Null(Type::Number()),
                            Value::Unknown(Type::Number())}) {
    v->Validate(good, Path::Root("n"), ok);
  }
  EXPECT_TRUE(ok.empty());
}

TEST(ValidatorTest, NoNullElementsNamesTheElement) {
  Diagnostics d;
  NoNullElements()->Validate(
      Value::List(Type::String(), {Value::String("a"),
                                   Value::Null(Type::String())}),
      Path::Root("l"), d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.items()[0].attribute->ToString(), "l[1]");
  Diagnostics ok;
  NoNullElements()->Validate(
      Value::List(Type::String(), {Value::Unknown(Type::String())}),
      Path::Root("l"), ok);
  NoNullElements()->Validate(Value::Null(Type::List(Type::String())),
                             Path::Root("l"), ok);
  EXPECT_TRUE(ok.empty());
}

TEST(ValidatorTest, AbsoluteUriRule) {
  const AbsoluteUriOptions refuse{.refused_schemes = {"javascript", "data",
                                                      "file"}};
  for (const char* good :
       {"https://example.com/cb", "http://localhost:8080/authorization-code/"
        "callback", "myapp:/oauth", "urn:ietf:wg:oauth:2.0:oob",
        "com.example.app:/callback", "HTTPS://EXAMPLE.COM"}) {
    EXPECT_EQ(AbsoluteUriError(good, refuse), "") << good;
  }
  struct Bad {
    const char* uri;
    const char* why;
  };
  for (const Bad& bad : std::vector<Bad>{
           {"", "empty"},
           {"/relative/path", "no scheme"},
           {"example.com/cb", "no scheme"},
           {":nothing", "no scheme"},
           {"1http://x", "no valid scheme"},
           {"ht tp://x", "space"},
           {"https://x/\ty", "control"},
           {"https:", "nothing after"},
           {"javascript:alert(1)", "\"javascript\" is not allowed"},
           {"JavaScript:alert(1)", "\"javascript\" is not allowed"},
           {"data:text/html,hi", "\"data\" is not allowed"},
           {"file:///etc/passwd", "\"file\" is not allowed"},
       }) {
    std::string why = AbsoluteUriError(bad.uri, refuse);
    EXPECT_NE(why.find(bad.why), std::string::npos)
        << bad.uri << " -> " << why;
  }
  // Without refused schemes only the syntax counts (an empty authority is
  // allowed by RFC 3986).
  EXPECT_EQ(AbsoluteUriError("file:///etc/hosts", {}), "");
}

TEST(ValidatorTest, EachElementAbsoluteUriNamesTheElement) {
  auto v = EachElement(
      AbsoluteUri({.refused_schemes = {"javascript", "data", "file"}}));
  Value list = Value::List(
      Type::String(),
      {Value::String("https://ok.example/cb"),
       Value::String("javascript:alert(1)"), Value::Unknown(Type::String()),
       Value::String("not a uri")});
  Diagnostics d;
  v->Validate(list, Path::Root("redirect_uris"), d);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d.items()[0].attribute->ToString(), "redirect_uris[1]");
  EXPECT_NE(d.items()[0].detail.find("javascript"), std::string::npos);
  EXPECT_EQ(d.items()[1].attribute->ToString(), "redirect_uris[3]");
  EXPECT_NE(v->Description().find("javascript"), std::string::npos);

  Diagnostics ok;
  v->Validate(Value::Null(Type::List(Type::String())), Path::Root("r"), ok);
  v->Validate(Value::Unknown(Type::List(Type::String())), Path::Root("r"), ok);
  v->Validate(Value::List(Type::String(), {Value::String("https://a.b")}),
              Path::Root("r"), ok);
  EXPECT_FALSE(ok.HasError());
}

TEST(ValidatorTest, ExactlyOneOf) {
  auto obj = [](Value a, Value b) {
    return Value::Object({{"a", std::move(a)}, {"b", std::move(b)}});
  };
  const Value null = Value::Null(Type::String());
  const Value unknown = Value::Unknown(Type::String());
  const Value x = Value::String("x");

  Diagnostics one;
  ExactlyOneOf(obj(x, null), {"a", "b"}, one);
  ExactlyOneOf(obj(null, x), {"a", "b"}, one);
  ExactlyOneOf(obj(unknown, null), {"a", "b"}, one);  // undecided
  ExactlyOneOf(obj(unknown, x), {"a", "b"}, one);     // undecided
  EXPECT_FALSE(one.HasError());

  Diagnostics both;
  ExactlyOneOf(obj(x, x), {"a", "b"}, both);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both.items()[0].attribute->ToString(), "a");
  EXPECT_EQ(both.items()[1].attribute->ToString(), "b");
  EXPECT_NE(both.items()[0].detail.find("Only one of"), std::string::npos);

  Diagnostics none;
  ExactlyOneOf(obj(null, null), {"a", "b"}, none);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none.items()[0].attribute->ToString(), "a");
  EXPECT_NE(none.items()[0].detail.find("Exactly one of"), std::string::npos);
}

}  // namespace
}  // namespace tf
