#include "provider/framework/sdk/identity.h"

#include "gtest/gtest.h"
#include "provider/framework/sdk/capabilities.h"

namespace tf {
namespace {

IdentityAttribute Attr(std::string name, Type type, bool required = true) {
  return {.name = std::move(name),
          .type = std::move(type),
          .required_for_import = required,
          .optional_for_import = !required};
}

TEST(IdentitySchemaTest, ValueTypeIsObjectOfAttributes) {
  IdentitySchema s{.attributes = {Attr("id", Type::String()),
                                  Attr("n", Type::Number(), false)}};
  EXPECT_EQ(s.ValueType(),
            Type::Object({{"id", Type::String()}, {"n", Type::Number()}}));
  EXPECT_TRUE(s.Validate().ok());
}

TEST(IdentitySchemaTest, ValidateRejects) {
  struct Case {
    const char* what;
    IdentitySchema schema;
  };
  IdentityAttribute both = Attr("id", Type::String());
  both.optional_for_import = true;
  IdentityAttribute neither = Attr("id", Type::String());
  neither.required_for_import = false;
  const Case cases[] = {
      {"empty", IdentitySchema{}},
      {"negative version",
       IdentitySchema{.version = -1,
                      .attributes = {Attr("id", Type::String())}}},
      {"bad name", IdentitySchema{.attributes = {Attr("Id", Type::String())}}},
      {"duplicate", IdentitySchema{.attributes = {Attr("id", Type::String()),
                                                  Attr("id", Type::Bool())}}},
      {"object type",
       IdentitySchema{
           .attributes = {Attr("o", Type::Object({{"a", Type::String()}}))}}},
      {"map type",
       IdentitySchema{.attributes = {Attr("m", Type::Map(Type::String()))}}},
      {"both flags", IdentitySchema{.attributes = {both}}},
      {"neither flag", IdentitySchema{.attributes = {neither}}},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(c.schema.Validate().ok()) << c.what;
  }
  IdentitySchema list{.attributes = {Attr("l", Type::List(Type::String()))}};
  EXPECT_TRUE(list.Validate().ok());
}

Value EmptyState() {
  return Value::Object({{"id", Value::Null(Type::String())},
                        {"size", Value::Null(Type::Number())}});
}

TEST(ImportStatePassthroughWithIdentityTest, ByIdOrByIdentity) {
  struct Case {
    const char* what;
    ImportStateRequest req;
    const char* want_id;
  };
  const Case cases[] = {
      {"by id", {.id = "abc"}, "abc"},
      {"by identity",
       {.identity = Value::Object({{"key", Value::String("k-1")}})},
       "k-1"},
  };
  for (const Case& c : cases) {
    ImportStateResponse resp{.state = EmptyState()};
    ImportStatePassthroughWithIdentity(Path::Root("id"), "key", c.req, resp);
    EXPECT_FALSE(resp.diagnostics.HasError()) << c.what;
    EXPECT_EQ(resp.state.Attr("id"), Value::String(c.want_id)) << c.what;
  }
}

TEST(ImportStatePassthroughWithIdentityTest, Errors) {
  ImportStateResponse missing{.state = EmptyState()};
  ImportStatePassthroughWithIdentity(
      Path::Root("id"), "other",
      {.identity = Value::Object({{"key", Value::String("k")}})}, missing);
  EXPECT_TRUE(missing.diagnostics.HasError());

  ImportStateResponse null_attr{.state = EmptyState()};
  ImportStatePassthroughWithIdentity(
      Path::Root("id"), "key",
      {.identity = Value::Object({{"key", Value::Null(Type::String())}})},
      null_attr);
  EXPECT_TRUE(null_attr.diagnostics.HasError());
  EXPECT_TRUE(null_attr.state.Attr("id").IsNull());

  ImportStateResponse neither{.state = EmptyState()};
  ImportStatePassthroughWithIdentity(Path::Root("id"), "key", {}, neither);
  EXPECT_TRUE(neither.diagnostics.HasError());  // empty id
}

}  // namespace
}  // namespace tf
