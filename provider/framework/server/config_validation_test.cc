#include "provider/framework/server/config_validation.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace tf::server {
namespace {

std::vector<std::string> Paths(const Diagnostics& d, Severity severity) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.items()) {
    if (x.severity == severity && x.attribute) {
      out.push_back(x.attribute->ToString());
    }
  }
  return out;
}

Block TestBlock() {
  return Block{
      .attributes = {{.name = "name",
                      .type = Type::String(),
                      .presence = Presence::kRequired,
                      .validators = {StringLengthBetween(1, 3)}},
                     {.name = "old",
                      .type = Type::String(),
                      .presence = Presence::kOptional,
                      .deprecation_message = "Use name."},
                     {.name = "pw",
                      .type = Type::String(),
                      .presence = Presence::kOptional,
                      .write_only = true}},
      .blocks = {
          {.type_name = "rule",
           .block = {.attributes = {{.name = "host",
                                     .type = Type::String(),
                                     .presence = Presence::kRequired,
                                     .validators = {StringMatches(
                                         "[a-z]+", "must be lower-case")}}}},
           .nesting = Nesting::kList}}};
}

Value Config(Value name, Value old, Value pw, std::vector<Value> hosts) {
  Type rule = Type::Object({{"host", Type::String()}});
  std::vector<Value> rules;
  for (Value& h : hosts) rules.push_back(Value::Object({{"host", h}}));
  return Value::Object({{"name", name},
                        {"old", old},
                        {"pw", pw},
                        {"rule", Value::List(rule, std::move(rules))}});
}

TEST(ConfigValidationTest, Table) {
  Value null = Value::Null(Type::String());
  Value unknown = Value::Unknown(Type::String());
  struct Case {
    std::string label;
    Value config;
    bool write_only_allowed;
    std::vector<std::string> errors, warnings;
  };
  std::vector<Case> cases = {
      {"valid",
       Config(Value::String("ab"), null, null, {Value::String("x")}),
       true,
       {},
       {}},
      {"unknowns are skipped",
       Config(unknown, unknown, unknown, {unknown}),
       false,
       {},
       {}},
      {"nulls are skipped", Config(null, null, null, {}), false, {}, {}},
      {"too long",
       Config(Value::String("abcd"), null, null, {}),
       true,
       {"name"},
       {}},
      {"nested list element",
       Config(Value::String("a"), null, null,
              {Value::String("ok"), Value::String("BAD")}),
       true,
       {"rule[1].host"},
       {}},
      {"deprecated set",
       Config(Value::String("a"), Value::String("x"), null, {}),
       true,
       {},
       {"old"}},
      {"write-only not allowed",
       Config(Value::String("a"), null, Value::String("pw"), {}),
       false,
       {"pw"},
       {}},
      {"write-only allowed",
       Config(Value::String("a"), null, Value::String("pw"), {}),
       true,
       {},
       {}},
  };
  for (const Case& c : cases) {
    Diagnostics d;
    ValidateAttributes(TestBlock(), c.config, c.write_only_allowed, d);
    EXPECT_EQ(Paths(d, Severity::kError), c.errors) << c.label;
    EXPECT_EQ(Paths(d, Severity::kWarning), c.warnings) << c.label;
  }
  Diagnostics whole_unknown;
  ValidateAttributes(TestBlock(), Value::Unknown(TestBlock().ValueType()), true,
                     whole_unknown);
  EXPECT_TRUE(whole_unknown.empty());
}

}  // namespace
}  // namespace tf::server
