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

// A case of the identity checks: an identity and what the check must
// report about it (empty: no error).
struct IdentityCase {
  const char* what;
  Value identity;
  const char* want;
};

// Attribute values for the identities of the tables.
const Value kString = Value::String("x");
const Value kNullString = Value::Null(Type::String());

TEST(CheckIdentityTest, Table) {
  // want: the error's summary.
  const IdentityCase cases[] = {
      {"set", Id(kString, kString), ""},
      {"optional null", Id(kString, kNullString), ""},
      {"null", Value::Null(Schema1().ValueType()),
       "Missing resource identity after create"},
      {"dynamic null", Value(), "Missing resource identity after create"},
      {"unknown attribute", Id(Value::Unknown(Type::String()), kString),
       "Invalid resource identity after create"},
      {"wrong type", Value::Object({{"id", kString}}),
       "Invalid resource identity after create"},
  };
  for (const IdentityCase& c : cases) {
    Diagnostics d;
    CheckIdentity(Schema1(), c.identity, "create", d);
    if (std::string(c.want).empty()) {
      EXPECT_FALSE(d.HasError()) << c.what;
    } else {
      ASSERT_TRUE(d.HasError()) << c.what;
      EXPECT_EQ(d.items()[0].summary, c.want) << c.what;
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
  // want: a substring of the error's detail.
  const IdentityCase cases[] = {
      {"required set", Id(kString, kNullString), ""},
      {"both set", Id(kString, kString), ""},
      {"required null", Id(kNullString, kString),
       "\"id\" is required to import"},
      {"unknown", Id(Value::Unknown(Type::String()), kString),
       "\"id\" must be known"},
      {"wrong type", Value::Object({{"id", kString}}), "known object"},
  };
  for (const IdentityCase& c : cases) {
    Diagnostics d;
    CheckImportIdentity(Schema1(), c.identity, d);
    if (std::string(c.want).empty()) {
      EXPECT_FALSE(d.HasError()) << c.what;
    } else {
      ASSERT_TRUE(d.HasError()) << c.what;
      EXPECT_NE(d.items()[0].detail.find(c.want), std::string::npos)
          << c.what << ": " << d.items()[0].detail;
    }
  }
}

}  // namespace
}  // namespace tf::server
