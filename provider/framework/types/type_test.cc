#include "provider/framework/types/type.h"

#include <gtest/gtest.h>

#include <string>

namespace tf {
namespace {

TEST(TypeTest, PrimitivesToJson) {
  EXPECT_EQ(Type::String().ToJson(), "\"string\"");
  EXPECT_EQ(Type::Number().ToJson(), "\"number\"");
  EXPECT_EQ(Type::Bool().ToJson(), "\"bool\"");
  EXPECT_EQ(Type::Dynamic().ToJson(), "\"dynamic\"");
  EXPECT_EQ(Type().kind(), TypeKind::kDynamic);
}

TEST(TypeTest, CompositesToJson) {
  EXPECT_EQ(Type::List(Type::String()).ToJson(), R"(["list","string"])");
  EXPECT_EQ(Type::Set(Type::Number()).ToJson(), R"(["set","number"])");
  EXPECT_EQ(Type::Map(Type::Bool()).ToJson(), R"(["map","bool"])");
  EXPECT_EQ(Type::Object({{"b", Type::Bool()}, {"a", Type::List(Type::String())}})
                .ToJson(),
            R"(["object",{"a":["list","string"],"b":"bool"}])");
  EXPECT_EQ(Type::Tuple({Type::String(), Type::Number()}).ToJson(),
            R"(["tuple",["string","number"]])");
  EXPECT_EQ(Type::Object({}).ToJson(), R"(["object",{}])");
  EXPECT_EQ(Type::Tuple({}).ToJson(), R"(["tuple",[]])");
}

TEST(TypeTest, JsonRoundTrips) {
  const Type types[] = {
      Type::String(),
      Type::Number(),
      Type::Bool(),
      Type::Dynamic(),
      Type::List(Type::Set(Type::Map(Type::Dynamic()))),
      Type::Object({{"id", Type::String()},
                    {"redirect_uris", Type::List(Type::String())},
                    {"nested", Type::Object({{"x", Type::Tuple({Type::Bool()})}})}}),
      Type::Tuple({Type::String(), Type::Object({}), Type::Tuple({})}),
  };
  for (const Type& t : types) {
    absl::StatusOr<Type> back = Type::FromJson(t.ToJson());
    ASSERT_TRUE(back.ok()) << t.ToJson() << ": " << back.status();
    EXPECT_EQ(*back, t) << t.ToJson();
    EXPECT_EQ(back->ToJson(), t.ToJson());
  }
}

TEST(TypeTest, FromJsonAcceptsWhitespace) {
  absl::StatusOr<Type> t = Type::FromJson(" [ \"map\" ,\n \"string\" ] ");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(*t, Type::Map(Type::String()));
}

TEST(TypeTest, FromJsonRejectsMalformed) {
  for (const char* bad :
       {"", "strin", "\"strings\"", "[\"list\"]", "[\"list\",\"string\",1]",
        "[\"object\",[]]", "[\"tuple\",{}]", "[\"widget\",\"string\"]", "42",
        "{\"a\":1}", "[\"list\",\"string\"", "[\"object\",{\"a\":\"bool\",\"a\":\"bool\"}]",
        "\"string\" trailing"}) {
    absl::StatusOr<Type> t = Type::FromJson(bad);
    EXPECT_FALSE(t.ok()) << bad;
    if (!t.ok()) {
      EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
    }
  }
}

TEST(TypeTest, FromJsonRejectsDeepNestingWithoutCrashing) {
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "[\"list\",";
  deep += "\"string\"";
  for (int i = 0; i < 10000; ++i) deep += "]";
  absl::StatusOr<Type> t = Type::FromJson(deep);
  EXPECT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(TypeTest, Accessors) {
  Type obj = Type::Object({{"a", Type::String()}});
  EXPECT_EQ(obj.kind(), TypeKind::kObject);
  ASSERT_EQ(obj.attribute_types().size(), 1u);
  EXPECT_EQ(obj.attribute_types().at("a"), Type::String());
  EXPECT_EQ(Type::List(Type::Bool()).element_type(), Type::Bool());
  EXPECT_EQ(Type::String().element_type(), Type::Dynamic());
  EXPECT_EQ(Type::Tuple({Type::Bool()}).tuple_types().size(), 1u);
  EXPECT_TRUE(Type::Number().IsPrimitive());
  EXPECT_TRUE(Type::Set(Type::Number()).IsCollection());
  EXPECT_FALSE(Type::Tuple({}).IsCollection());
}

TEST(TypeTest, Equality) {
  EXPECT_EQ(Type::List(Type::String()), Type::List(Type::String()));
  EXPECT_NE(Type::List(Type::String()), Type::Set(Type::String()));
  EXPECT_NE(Type::List(Type::String()), Type::List(Type::Number()));
  EXPECT_NE(Type::Object({{"a", Type::String()}}), Type::Object({{"b", Type::String()}}));
  EXPECT_NE(Type::Tuple({Type::String()}), Type::Tuple({}));
  EXPECT_NE(Type::Dynamic(), Type::String());
}

TEST(TypeTest, FriendlyName) {
  EXPECT_EQ(Type::String().FriendlyName(), "string");
  EXPECT_EQ(Type::Dynamic().FriendlyName(), "dynamic");
  EXPECT_EQ(Type::List(Type::String()).FriendlyName(), "list of string");
  EXPECT_EQ(Type::Set(Type::Map(Type::Number())).FriendlyName(), "set of map of number");
  EXPECT_EQ(Type::Object({}).FriendlyName(), "object");
  EXPECT_EQ(Type::Tuple({}).FriendlyName(), "tuple");
}

}  // namespace
}  // namespace tf
