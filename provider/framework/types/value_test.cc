#include "provider/framework/types/value.h"

#include <gtest/gtest.h>

namespace tf {
namespace {

TEST(ValueTest, DefaultIsNullDynamic) {
  Value v;
  EXPECT_TRUE(v.IsNull());
  EXPECT_TRUE(v.IsKnown());
  EXPECT_TRUE(v.IsWhollyKnown());
  EXPECT_EQ(v.type(), Type::Dynamic());
  EXPECT_EQ(v, Value::Null(Type::Dynamic()));
}

TEST(ValueTest, Primitives) {
  EXPECT_EQ(Value::String("x").AsString(), "x");
  EXPECT_EQ(Value::String("x").type(), Type::String());
  EXPECT_TRUE(Value::Bool(true).AsBool());
  EXPECT_EQ(Value::Int(7).AsNumber().AsInt64(), 7);
  EXPECT_EQ(Value::Float(1.0), Value::Int(1));
  EXPECT_EQ(Value::Num(Number::FromUint(3)), Value::Int(3));
  EXPECT_NE(Value::String("1"), Value::Int(1));
}

TEST(ValueTest, NullAndUnknownStates) {
  Value n = Value::Null(Type::String());
  EXPECT_TRUE(n.IsNull());
  EXPECT_TRUE(n.IsKnown());
  Value u = Value::Unknown(Type::String(), {.not_null = true});
  EXPECT_FALSE(u.IsKnown());
  EXPECT_TRUE(u.IsUnknown());
  EXPECT_FALSE(u.IsNull());
  EXPECT_FALSE(u.IsWhollyKnown());
  EXPECT_TRUE(u.refinements().not_null);
  EXPECT_NE(n, u);
  EXPECT_NE(u, Value::Unknown(Type::String()));
  EXPECT_EQ(Value::Unknown(Type::String()), Value::Unknown(Type::String()));
  EXPECT_NE(Value::Null(Type::String()), Value::Null(Type::Number()));
  EXPECT_TRUE(Refinements{}.empty());
  EXPECT_FALSE(Refinements{.length_upper = 3}.empty());
}

TEST(ValueTest, WhollyKnownLooksInside) {
  Value list = Value::List(Type::String(),
                           {Value::String("a"), Value::Unknown(Type::String())});
  EXPECT_TRUE(list.IsKnown());
  EXPECT_FALSE(list.IsWhollyKnown());
  Value obj = Value::Object({{"l", list}});
  EXPECT_FALSE(obj.IsWhollyKnown());
  EXPECT_TRUE(Value::Object({{"a", Value::String("x")}}).IsWhollyKnown());
}

TEST(ValueTest, SetsAreDeduplicatedAndOrdered) {
  Value a = Value::Set(Type::String(), {Value::String("b"), Value::String("a"),
                                        Value::String("b")});
  Value b = Value::Set(Type::String(), {Value::String("a"), Value::String("b")});
  ASSERT_EQ(a.Elements().size(), 2u);
  EXPECT_EQ(a.Elements()[0].AsString(), "a");
  EXPECT_EQ(a, b);
  Value nums = Value::Set(Type::Number(),
                          {Value::Int(10), Value::Int(9), Value::Float(10.0),
                           Value::Int(-1)});
  ASSERT_EQ(nums.Elements().size(), 3u);
  EXPECT_EQ(nums.Elements()[0], Value::Int(-1));
  EXPECT_EQ(nums.Elements()[1], Value::Int(9));
  EXPECT_EQ(nums.Elements()[2], Value::Int(10));
  // Unknown elements are never merged: each may turn out different.
  Value unknowns = Value::Set(Type::String(), {Value::Unknown(Type::String()),
                                               Value::Unknown(Type::String())});
  EXPECT_EQ(unknowns.Elements().size(), 2u);
}

TEST(ValueTest, ObjectTypeDerivedFromAttributes) {
  Value obj = Value::Object({{"name", Value::String("alpha")},
                             {"id", Value::Null(Type::String())},
                             {"n", Value::Int(1)}});
  EXPECT_EQ(obj.type(), Type::Object({{"name", Type::String()},
                                      {"id", Type::String()},
                                      {"n", Type::Number()}}));
  EXPECT_EQ(obj.Attr("name").AsString(), "alpha");
  EXPECT_TRUE(obj.Attr("missing").IsNull());
  Value changed = obj.WithAttr("id", Value::String("k1"));
  EXPECT_EQ(changed.Attr("id").AsString(), "k1");
  EXPECT_TRUE(obj.Attr("id").IsNull());  // immutable
  EXPECT_EQ(changed.type(), obj.type());
  EXPECT_NE(changed, obj);
}

TEST(ValueTest, NullAttributes) {
  Type t = Type::Object({{"a", Type::String()}, {"b", Type::List(Type::Number())}});
  Value v = NullAttributes(t);
  EXPECT_TRUE(v.IsKnown());
  EXPECT_FALSE(v.IsNull());
  EXPECT_EQ(v.type(), t);
  EXPECT_TRUE(v.Attr("a").IsNull());
  EXPECT_EQ(v.Attr("b").type(), Type::List(Type::Number()));
  EXPECT_TRUE(NullAttributes(Type::String()).IsNull());
}

TEST(ValueTest, CollectionsAndTuples) {
  Value m = Value::Map(Type::String(), {{"env", Value::String("dev")}});
  EXPECT_EQ(m.type(), Type::Map(Type::String()));
  EXPECT_EQ(m.Entries().at("env").AsString(), "dev");
  Value t = Value::Tuple({Value::String("a"), Value::Bool(true)});
  EXPECT_EQ(t.type(), Type::Tuple({Type::String(), Type::Bool()}));
  EXPECT_NE(Value::List(Type::String(), {}), Value::Set(Type::String(), {}));
  EXPECT_EQ(Value::List(Type::String(), {Value::String("a")}),
            Value::List(Type::String(), {Value::String("a")}));
  EXPECT_NE(Value::List(Type::String(), {Value::String("a")}),
            Value::List(Type::String(), {Value::String("a"), Value::String("a")}));
}

TEST(ValueTest, CompareIsATotalOrder) {
  std::vector<Value> vs = {Value::String("a"), Value::String("b"),
                           Value::Null(Type::String()),
                           Value::Unknown(Type::String()), Value::Int(1)};
  for (const Value& a : vs) {
    EXPECT_EQ(Value::Compare(a, a), 0);
    for (const Value& b : vs) {
      EXPECT_EQ(Value::Compare(a, b), -Value::Compare(b, a))
          << a.DebugString() << " vs " << b.DebugString();
    }
  }
}

TEST(ValueTest, DebugString) {
  Value obj = Value::Object(
      {{"name", Value::String("alpha")},
       {"id", Value::Null(Type::String())},
       {"tags", Value::Map(Type::String(), {{"env", Value::String("dev")}})},
       {"uris", Value::List(Type::String(), {Value::Unknown(Type::String(), {.not_null = true})})}});
  EXPECT_EQ(obj.DebugString(),
            "{id = null, name = \"alpha\", tags = map{\"env\" = \"dev\"}, "
            "uris = [unknown(not_null)]}");
}

TEST(ValueTest, ObjectTypeHintIsUsedOnlyWhenItFits) {
  std::map<std::string, Value> attrs = {
      {"name", Value::String("alpha")},
      {"any", Value::Int(1)}};  // a schema would type "any" Dynamic
  Type fitting = Type::Object({{"name", Type::String()}, {"any", Type::Number()}});
  Type dynamic = Type::Object({{"name", Type::String()}, {"any", Type::Dynamic()}});
  Type fewer = Type::Object({{"name", Type::String()}});
  for (const Type& hint : {fitting, dynamic, fewer, Type::String()}) {
    Value v = Value::Object(attrs, hint);
    EXPECT_EQ(v, Value::Object(attrs)) << hint.ToJson();
    EXPECT_EQ(v.type(), fitting) << hint.ToJson();
  }
  Value unknown_inside = Value::Object(
      {{"name", Value::Unknown(Type::String())}, {"any", Value::Int(1)}}, fitting);
  EXPECT_FALSE(unknown_inside.IsWhollyKnown());
}

TEST(ValueTest, WithAttrLeavesTheOriginalUnchanged) {
  Value original = Value::Object({{"name", Value::String("alpha")},
                                  {"a_rather_long_attribute_name", Value::Int(1)}});
  Value copy = original;
  Value changed = copy.WithAttr("name", Value::String("beta"));
  Value long_changed = copy.WithAttr("a_rather_long_attribute_name", Value::Int(2));
  Value added = copy.WithAttr("extra", Value::Bool(true));
  EXPECT_EQ(original.Attr("name").AsString(), "alpha");
  EXPECT_EQ(copy.Attr("name").AsString(), "alpha");
  EXPECT_EQ(copy.Attr("a_rather_long_attribute_name"), Value::Int(1));
  EXPECT_EQ(changed.Attr("name").AsString(), "beta");
  EXPECT_EQ(long_changed.Attr("a_rather_long_attribute_name"), Value::Int(2));
  EXPECT_EQ(long_changed.Attr("name").AsString(), "alpha");
  EXPECT_EQ(added.Attr("extra"), Value::Bool(true));
  EXPECT_EQ(original.Entries().size(), 2u);
  EXPECT_EQ(added.type(), Type::Object({{"name", Type::String()},
                                        {"a_rather_long_attribute_name", Type::Number()},
                                        {"extra", Type::Bool()}}));
  // A replacement of another type changes the object's type.
  Value retyped = copy.WithAttr("name", Value::Int(3));
  EXPECT_EQ(retyped.type().attribute_types().at("name"), Type::Number());
  EXPECT_EQ(copy.type().attribute_types().at("name"), Type::String());
  // Unknown inside is seen whichever way the object was rebuilt.
  EXPECT_FALSE(copy.WithAttr("name", Value::Unknown(Type::String())).IsWhollyKnown());
  EXPECT_TRUE(copy.WithAttr("name", Value::String("x")).IsWhollyKnown());
  // Setting the value already there yields an equal object.
  EXPECT_EQ(copy.WithAttr("name", copy.Attr("name")), copy);
}

TEST(ValueTest, AttrOfLongAndMissingNames) {
  Value v = Value::Object({{"a_rather_long_attribute_name", Value::Int(1)},
                           {"b", Value::Int(2)},
                           {"zzzzzzzzzzzzzzzzzzzzzzzz", Value::Int(3)}});
  EXPECT_EQ(v.Attr("a_rather_long_attribute_name"), Value::Int(1));
  EXPECT_EQ(v.Attr("zzzzzzzzzzzzzzzzzzzzzzzz"), Value::Int(3));
  EXPECT_EQ(v.Attr("b"), Value::Int(2));
  EXPECT_EQ(v.Attr("a_rather_long_attribute_nam"), Value());
  EXPECT_EQ(v.Attr("c_missing_attribute_with_a_long_name"), Value());
  EXPECT_EQ(v.Attr("c"), Value());
}

TEST(ValueTest, UnknownWithoutRefinementsHasEmptyOnes) {
  EXPECT_TRUE(Value::Unknown(Type::String()).refinements().empty());
  EXPECT_TRUE(Value::String("a").refinements().empty());
  Value r = Value::Unknown(Type::String(), {.string_prefix = "ab"});
  EXPECT_EQ(r.refinements().string_prefix, "ab");
  EXPECT_NE(r, Value::Unknown(Type::String()));
  EXPECT_EQ(Value::Unknown(Type::String(), {}), Value::Unknown(Type::String()));
}

}  // namespace
}  // namespace tf
