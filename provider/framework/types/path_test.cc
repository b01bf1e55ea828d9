#include "provider/framework/types/path.h"

#include <gtest/gtest.h>

namespace tf {
namespace {

TEST(PathTest, ToString) {
  EXPECT_EQ(Path().ToString(), "");
  EXPECT_EQ(Path::Root("redirect_uris").Index(0).ToString(), "redirect_uris[0]");
  EXPECT_EQ(Path::Root("tags").Key("env").ToString(), "tags[\"env\"]");
  EXPECT_EQ(Path::Root("block").Attr("attr").ToString(), "block.attr");
  EXPECT_EQ(Path::Root("a").Index(2).Attr("b").Key("q\"x").ToString(),
            "a[2].b[\"q\\\"x\"]");
}

TEST(PathTest, Equality) {
  EXPECT_EQ(Path::Root("a").Index(1), Path().Attr("a").Index(1));
  EXPECT_NE(Path::Root("a").Index(1), Path::Root("a").Index(2));
  EXPECT_NE(Path::Root("a").Key("1"), Path::Root("a").Attr("1"));
  EXPECT_EQ(Path::Root("a").steps().size(), 1u);
  EXPECT_TRUE(Path().empty());
}

Value Sample() {
  return Value::Object(
      {{"redirect_uris",
        Value::List(Type::String(), {Value::String("u0"), Value::String("u1")})},
       {"tags", Value::Map(Type::String(), {{"env", Value::String("dev")}})},
       {"block", Value::Null(Type::Object({{"attr", Type::Number()}}))},
       {"later", Value::Unknown(Type::Object({{"x", Type::Bool()}}))},
       {"pair", Value::Tuple({Value::String("a"), Value::Int(2)})}});
}

TEST(PathTest, ValueAtFindsValues) {
  Value root = Sample();
  EXPECT_EQ(*ValueAt(root, Path()), root);
  EXPECT_EQ(*ValueAt(root, Path::Root("redirect_uris").Index(1)), Value::String("u1"));
  EXPECT_EQ(*ValueAt(root, Path::Root("tags").Key("env")), Value::String("dev"));
  EXPECT_EQ(*ValueAt(root, Path::Root("pair").Index(1)), Value::Int(2));
}

TEST(PathTest, ValueAtThroughNullAndUnknown) {
  Value root = Sample();
  absl::StatusOr<Value> v = ValueAt(root, Path::Root("block").Attr("attr"));
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(*v, Value::Null(Type::Number()));
  v = ValueAt(root, Path::Root("later").Attr("x"));
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(*v, Value::Unknown(Type::Bool()));
}

TEST(PathTest, ValueAtErrors) {
  Value root = Sample();
  EXPECT_EQ(ValueAt(root, Path::Root("redirect_uris").Index(2)).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(ValueAt(root, Path::Root("redirect_uris").Index(-1)).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(ValueAt(root, Path::Root("tags").Key("nope")).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(ValueAt(root, Path::Root("nope")).status().code(),
            absl::StatusCode::kNotFound);
  absl::Status s = ValueAt(root, Path::Root("tags").Key("env").Attr("x")).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "at tags[\"env\"]: cannot take attribute \"x\" of string");
  EXPECT_EQ(ValueAt(root, Path::Root("tags").Index(0)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace tf
