// The identity checks, table-driven.
#include "provider/framework/server/identity_checks.h"

#include "gtest/gtest.h"

namespace tf::server {
namespace {

IdentitySchema Schema1() {
  return {
      .attributes = {
          {.name = "id", .type = Type::String(), .required_for_import = true},
          {.name = "region",
           .type = Type::String(),
           .optional_for_import = true}}};
}

Value Id(Value id, Value region) {
  return Value::Object({{"id", std::move(id)}, {"region", std::move(region)}});
}

TEST(CheckIdentityTest, Table) {
  const Value s = Value::String("x");
  const Value null_s = Value::Null(Type::String());
  struct Case {
    const char* what;
    Value identity;
    const char* want_summary;  // empty: no error
  };
  const Case cases[] = {
      {"set", Id(s, s), ""},
      {"optional null", Id(s, null_s), ""},
      {"null", Value::Null(Schema1().ValueType()),
       "Missing resource identity after create"},
      {"dynamic null", Value(), "Missing resource identity after create"},
      {"unknown attribute", Id(Value::Unknown(Type::String()), s),
       "Invalid resource identity after create"},
      {"wrong type", Value::Object({{"id", s}}),
       "Invalid resource identity after create"},
  };
  for (const Case& c : cases) {
    Diagnostics d;
    CheckIdentity(Schema1(), c.identity, "create", d);
    if (std::string(c.want_summary).empty()) {
      EXPECT_FALSE(d.HasError()) << c.what;
    } else {
      ASSERT_TRUE(d.HasError()) << c.what;
      EXPECT_EQ(d.items()[0].summary, c.want_summary) << c.what;
    }
  }
}

TEST(CheckIdentityUnchangedTest, Table) {
  const Value a = Id(Value::String("a"), Value::String("r"));
  const Value b = Id(Value::String("b"), Value::String("r"));
  const Value null_id = Value::Null(Schema1().ValueType());
  struct Case {
    const char* what;
    Value prior, next;
    bool error;
  };
  const Case cases[] = {
      {"same", a, a, false},
      {"from null", null_id, a, false},
      {"changed", a, b, true},
      {"to null", a, null_id, true},
  };
  for (const Case& c : cases) {
    Diagnostics d;
    CheckIdentityUnchanged(c.prior, c.next, "update", d);
    EXPECT_EQ(d.HasError(), c.error) << c.what;
  }
}

TEST(CheckNewIdentityTest, AnswersNextOnlyWhenBothChecksPass) {
  const Value prior = Id(Value::String("a"), Value::Null(Type::String()));
  const Value same = prior;
  const Value changed = Id(Value::String("b"), Value::Null(Type::String()));
  const Value null_id = Value::Null(Schema1().ValueType());
  struct Case {
    Value prior, next, want;
    bool error;
  };
  const Case cases[] = {
      {prior, same, same, false},
      {null_id, changed, changed, false},  // from null: allowed
      {prior, changed, prior, true},       // changed once held
      {prior, null_id, prior, true},       // not set
  };
  for (const Case& c : cases) {
    Diagnostics d;
    Value got = CheckNewIdentity(Schema1(), c.prior, c.next, "update", d);
    EXPECT_EQ(d.HasError(), c.error);
    EXPECT_TRUE(got == c.want);
  }
}

TEST(CheckImportIdentityTest, Table) {
  const Value s = Value::String("x");
  const Value null_s = Value::Null(Type::String());
  struct Case {
    const char* what;
    Value identity;
    const char* want_text;  // substring of the detail; empty: no error
  };
  const Case cases[] = {
      {"required set", Id(s, null_s), ""},
      {"both set", Id(s, s), ""},
      {"required null", Id(null_s, s), "\"id\" is required to import"},
      {"unknown", Id(Value::Unknown(Type::String()), s),
       "\"id\" must be known"},
      {"wrong type", Value::Object({{"id", s}}), "known object"},
  };
  for (const Case& c : cases) {
    Diagnostics d;
    CheckImportIdentity(Schema1(), c.identity, d);
    if (std::string(c.want_text).empty()) {
      EXPECT_FALSE(d.HasError()) << c.what;
    } else {
      ASSERT_TRUE(d.HasError()) << c.what;
      EXPECT_NE(d.items()[0].detail.find(c.want_text), std::string::npos)
          << c.what << ": " << d.items()[0].detail;
    }
  }
}

}  // namespace
}  // namespace tf::server
