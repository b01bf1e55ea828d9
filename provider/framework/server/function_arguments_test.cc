// The CallFunction argument checks, table-driven.
#include "provider/framework/server/function_arguments.h"

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace tf::server {
namespace {

FunctionDefinition Def(bool variadic, bool allow_null = false,
                       bool allow_unknown = false) {
  FunctionDefinition d{.parameters = {{.name = "a", .type = Type::String()},
                                      {.name = "b",
                                       .type = Type::Number(),
                                       .allow_null_value = allow_null,
                                       .allow_unknown_values = allow_unknown}},
                       .return_type = Type::String()};
  if (variadic) {
    d.variadic_parameter = FunctionParameter{
        .name = "rest", .type = Type::String(), .allow_null_value = allow_null};
  }
  return d;
}

Value S(const char* s) { return Value::String(s); }

TEST(CheckFunctionArgumentsTest, Table) {
  struct Case {
    const char* what;
    FunctionDefinition def;
    std::vector<Value> args;
    bool want_error;
    std::optional<int64_t> want_argument;
    const char* want_text;  // substring
  };
  const Case cases[] = {
      {"exact", Def(false), {S("x"), Value::Int(1)}, false, {}, ""},
      {"too few", Def(false), {S("x")}, true, {}, "missing \"b\""},
      {"none", Def(false), {}, true, {}, "Not enough function arguments"},
      {"too many",
       Def(false),
       {S("x"), Value::Int(1), S("y")},
       true,
       2,
       "Too many function arguments"},
      {"variadic zero", Def(true), {S("x"), Value::Int(1)}, false, {}, ""},
      {"variadic two",
       Def(true),
       {S("x"), Value::Int(1), S("y"), S("z")},
       false,
       {},
       ""},
      {"null fixed",
       Def(false),
       {Value::Null(Type::String()), Value::Int(1)},
       true,
       0,
       "Invalid value for \"a\" parameter"},
      {"null allowed",
       Def(false, /*allow_null=*/true),
       {S("x"), Value::Null(Type::Number())},
       false,
       {},
       ""},
      {"null variadic",
       Def(true),
       {S("x"), Value::Int(1), S("y"), Value::Null(Type::String())},
       true,
       3,
       "\"rest\" parameter: argument must not be null"},
      {"unknown is not null",
       Def(false),
       {Value::Unknown(Type::String()), Value::Int(1)},
       false,
       {},
       ""},
  };
  for (const Case& c : cases) {
    std::optional<FunctionError> err =
        CheckFunctionArguments("fn", c.def, c.args);
    ASSERT_EQ(err.has_value(), c.want_error) << c.what;
    if (!err) continue;
    EXPECT_EQ(err->argument, c.want_argument) << c.what;
    EXPECT_NE(err->text.find(c.want_text), std::string::npos)
        << c.what << ": " << err->text;
  }
}

TEST(SkipForUnknownTest, Table) {
  const Value unk_s = Value::Unknown(Type::String());
  const Value unk_n = Value::Unknown(Type::Number());
  const Value partly = Value::List(Type::String(), {S("a"), unk_s});
  struct Case {
    const char* what;
    FunctionDefinition def;
    std::vector<Value> args;
    bool skip;
  };
  FunctionDefinition list_def{
      .parameters = {{.name = "l", .type = Type::List(Type::String())}},
      .return_type = Type::String()};
  const Case cases[] = {
      {"all known", Def(false), {S("x"), Value::Int(1)}, false},
      {"unknown not allowed", Def(false), {unk_s, Value::Int(1)}, true},
      {"unknown allowed",
       Def(false, false, /*allow_unknown=*/true),
       {S("x"), unk_n},
       false},
      {"unknown variadic", Def(true), {S("x"), Value::Int(1), unk_s}, true},
      {"nested unknown", list_def, {partly}, true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SkipForUnknown(c.def, c.args), c.skip) << c.what;
  }
}

TEST(ParameterForTest, FixedThenVariadic) {
  FunctionDefinition d = Def(true);
  EXPECT_EQ(ParameterFor(d, 0)->name, "a");
  EXPECT_EQ(ParameterFor(d, 1)->name, "b");
  EXPECT_EQ(ParameterFor(d, 5)->name, "rest");
  EXPECT_EQ(ParameterFor(Def(false), 2), nullptr);
}

}  // namespace
}  // namespace tf::server
