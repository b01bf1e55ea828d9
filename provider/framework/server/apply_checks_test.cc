#include "provider/framework/server/apply_checks.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "provider/framework/server/test_schema.h"

namespace tf::server::test {
namespace {

std::vector<std::string> Paths(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.items()) {
    out.push_back(x.attribute ? x.attribute->ToString() : "<root>");
  }
  return out;
}

TEST(ApplyChecksTest, ConformanceTable) {
  Type list = Type::List(Type::String());
  Value planned = Thing({{"name", S("a")},
                         {"size", Value::Int(1)},
                         {"id", UnkS()},
                         {"summary", UnkS()}});
  Value good = Thing({{"name", S("a")},
                      {"size", Value::Int(1)},
                      {"id", S("x")},
                      {"summary", S("s")}});
  struct Case {
    std::string label;
    Value planned, actual;
    std::vector<std::string> want;
  };
  std::vector<Case> cases = {
      {"unknowns filled", planned, good, {}},
      {"computed may become null",
       planned,
       good.WithAttr("summary", NullS()),
       {}},
      {"known value changed", planned, good.WithAttr("name", S("b")), {"name"}},
      {"known number changed",
       planned,
       good.WithAttr("size", Value::Int(2)),
       {"size"}},
      {"unknown left unknown", planned, good.WithAttr("id", UnkS()), {"id"}},
      {"two problems",
       planned,
       good.WithAttr("id", UnkS()).WithAttr("name", S("z")),
       {"id", "name"}},
      {"known null became set",
       planned,
       good.WithAttr("secret", S("x")),
       {"secret"}},
      {"list element changed",
       Value::Object({{"l", Value::List(Type::String(), {S("a"), UnkS()})}}),
       Value::Object({{"l", Value::List(Type::String(), {S("b"), S("c")})}}),
       {"l[0]"}},
      {"list length changed",
       Value::Object({{"l", Value::List(Type::String(), {S("a"), UnkS()})}}),
       Value::Object({{"l", Value::List(Type::String(), {S("a")})}}),
       {"l"}},
      {"whole list unknown filled",
       Value::Object({{"l", Value::Unknown(list)}}),
       Value::Object({{"l", Value::List(Type::String(), {S("a")})}}),
       {}},
      {"not-null refinement broken",
       Value::Object(
           {{"s", Value::Unknown(Type::String(), {.not_null = true})}}),
       Value::Object({{"s", NullS()}}),
       {"s"}},
  };
  for (const Case& c : cases) {
    Diagnostics diags;
    CheckNewStateConformsToPlan(c.planned, c.actual, diags);
    EXPECT_EQ(Paths(diags), c.want) << c.label;
    for (const Diagnostic& d : diags.items()) {
      EXPECT_EQ(d.summary, "Provider produced inconsistent result after apply");
      EXPECT_NE(d.detail.find(d.attribute->ToString()), std::string::npos)
          << d.detail;
    }
  }
}

TEST(ApplyChecksTest, NeverPrintsValues) {
  Diagnostics diags;
  CheckNewStateConformsToPlan(Thing({{"secret", S("planned-secret")}}),
                              Thing({{"secret", S("actual-secret")}}), diags);
  ASSERT_TRUE(diags.HasError());
  EXPECT_EQ(diags.items()[0].detail.find("secret-"), std::string::npos);
  EXPECT_EQ(diags.items()[0].detail.find("actual"), std::string::npos);
}

TEST(ApplyChecksTest, WhollyKnown) {
  Diagnostics ok;
  CheckWhollyKnown(Thing({{"id", S("x")}}), "bad read", ok);
  EXPECT_TRUE(ok.empty());
  Diagnostics bad;
  CheckWhollyKnown(Thing({{"summary", UnkS()}}), "bad read", bad);
  EXPECT_EQ(Paths(bad), std::vector<std::string>{"summary"});
  EXPECT_EQ(bad.items()[0].summary, "bad read");
}

}  // namespace
}  // namespace tf::server::test
