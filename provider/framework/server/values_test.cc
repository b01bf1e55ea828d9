#include "provider/framework/server/values.h"

#include "gtest/gtest.h"
#include "provider/framework/server/test_schema.h"

namespace tf::server::test {
namespace {

TEST(ValuesTest, NullWriteOnly) {
  const Block block = test::ThingSchema().block;
  Value v = Thing({{"name", S("a")}, {"secret", S("pw")}});
  EXPECT_EQ(NullWriteOnly(block, v), Thing({{"name", S("a")}}));
  EXPECT_TRUE(NullWriteOnly(block, Value::Null(v.type())).IsNull());
  EXPECT_TRUE(HasWriteOnly(block));
  EXPECT_FALSE(HasWriteOnly(Block{}));
}

TEST(ValuesTest, UnknownAsNullAndFirstUnknown) {
  Value v = Value::Object({{"a", UnkS()},
                           {"l", Value::List(Type::String(), {S("x"), UnkS()})},
                           {"m", Value::Map(Type::String(), {{"k", UnkS()}})}});
  Value want =
      Value::Object({{"a", NullS()},
                     {"l", Value::List(Type::String(), {S("x"), NullS()})},
                     {"m", Value::Map(Type::String(), {{"k", NullS()}})}});
  EXPECT_EQ(UnknownAsNull(v), want);
  ASSERT_TRUE(FirstUnknown(v).has_value());
  EXPECT_EQ(FirstUnknown(v)->ToString(), "a");
  EXPECT_EQ(FirstUnknown(v.WithAttr("a", S("k")))->ToString(), "l[1]");
  EXPECT_EQ(FirstUnknown(want), std::nullopt);
}

TEST(ValuesTest, EmptyObject) {
  Block block{
      .attributes = {{.name = "id", .type = Type::String()}},
      .blocks = {
          {.type_name = "one",
           .block = {.attributes = {{.name = "x", .type = Type::Bool()}}},
           .nesting = Nesting::kSingle},
          {.type_name = "many",
           .block = {.attributes = {{.name = "x", .type = Type::Bool()}}},
           .nesting = Nesting::kList}}};
  Value v = EmptyObject(block);
  EXPECT_EQ(v.type(), block.ValueType());
  EXPECT_TRUE(v.Attr("id").IsNull());
  EXPECT_TRUE(v.Attr("one").IsNull());
  EXPECT_FALSE(v.Attr("many").IsNull());
  EXPECT_TRUE(v.Attr("many").Elements().empty());
}

}  // namespace
}  // namespace tf::server::test
