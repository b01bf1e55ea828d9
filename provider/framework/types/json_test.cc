#include "provider/framework/types/json.h"

#include <gtest/gtest.h>

#include <string>

namespace tf {
namespace {

Value MustDecode(std::string_view json, const Type& type) {
  absl::StatusOr<Value> v = DecodeJson(json, type);
  EXPECT_TRUE(v.ok()) << json << ": " << v.status();
  return v.ok() ? *v : Value();
}

std::string MustEncode(const Value& v, const Type& type) {
  absl::StatusOr<std::string> s = EncodeJson(v, type);
  EXPECT_TRUE(s.ok()) << v.DebugString() << ": " << s.status();
  return s.ok() ? *s : "";
}

std::string DecodeError(std::string_view json, const Type& type) {
  absl::StatusOr<Value> v = DecodeJson(json, type);
  EXPECT_FALSE(v.ok()) << json;
  if (v.ok()) return "";
  EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(v.status().message());
}

TEST(JsonTest, Primitives) {
  EXPECT_EQ(MustDecode(R"("x")", Type::String()), Value::String("x"));
  EXPECT_EQ(MustDecode("true", Type::Bool()), Value::Bool(true));
  EXPECT_EQ(MustDecode("42", Type::Number()), Value::Int(42));
  EXPECT_EQ(MustDecode("null", Type::String()), Value::Null(Type::String()));
  EXPECT_EQ(MustEncode(Value::String("a\"b\n"), Type::String()), R"("a\"b\n")");
  EXPECT_EQ(MustEncode(Value::Bool(false), Type::Bool()), "false");
  EXPECT_EQ(MustEncode(Value::Null(Type::Number()), Type::Number()), "null");
  EXPECT_EQ(MustEncode(Value::String("é✓"), Type::String()), "\"é✓\"");
}

TEST(JsonTest, NumbersKeepTheirPrecision) {
  for (const char* text : {"18446744073709551615", "123456789012345678901234567890",
                           "-123456789012345678901234567890", "0.1", "1.5", "-2",
                           "0", "3.141592653589793238462643383279",
                           "0.000000000000000000000000000001"}) {
    Value v = MustDecode(text, Type::Number());
    EXPECT_EQ(v.AsNumber().ToString(), text);
    EXPECT_EQ(MustEncode(v, Type::Number()), text);
  }
  EXPECT_EQ(MustDecode("1e3", Type::Number()), Value::Int(1000));
  EXPECT_EQ(MustDecode("1.0", Type::Number()), Value::Int(1));
  EXPECT_EQ(MustEncode(Value::Float(0.1), Type::Number()), "0.1");
  EXPECT_EQ(MustDecode("-9223372036854775808", Type::Number()), Value::Int(INT64_MIN));
}

TEST(JsonTest, LenientPrimitiveConversionsLikeCty) {
  EXPECT_EQ(MustDecode("12", Type::String()), Value::String("12"));
  EXPECT_EQ(MustDecode("true", Type::String()), Value::String("true"));
  EXPECT_EQ(MustDecode(R"("12.5")", Type::Number()),
            Value::Num(*Number::FromString("12.5")));
  EXPECT_EQ(MustDecode(R"("false")", Type::Bool()), Value::Bool(false));
  EXPECT_EQ(DecodeError(R"("yes")", Type::Bool()), "expected bool, got string");
  EXPECT_EQ(DecodeError(R"("abc")", Type::Number()), "invalid number: not a decimal number");
  EXPECT_EQ(DecodeError("[]", Type::String()), "expected string, got array");
}

Type StateType() {
  return Type::Object({
      {"id", Type::String()},
      {"name", Type::String()},
      {"redirect_uris", Type::List(Type::String())},
      {"scopes", Type::Set(Type::String())},
      {"tags", Type::Map(Type::String())},
      {"count", Type::Number()},
      {"enabled", Type::Bool()},
      {"pair", Type::Tuple({Type::String(), Type::Number()})},
      {"any", Type::Dynamic()},
      {"block", Type::Object({{"x", Type::Number()}})},
  });
}

TEST(JsonTest, StateRoundTrip) {
  const std::string json =
      R"({"any":{"value":["a",1],"type":["tuple",["string","number"]]},)"
      R"("block":{"x":0.1},"count":123456789012345678901234567890,)"
      R"("enabled":true,"id":"k-1","name":null,"pair":["p",18446744073709551615],)"
      R"("redirect_uris":["https://a","https://b"],"scopes":["a","b"],)"
      R"("tags":{"env":"dev","team":"x"}})";
  Value v = MustDecode(json, StateType());
  EXPECT_EQ(v.Attr("id"), Value::String("k-1"));
  EXPECT_TRUE(v.Attr("name").IsNull());
  EXPECT_EQ(v.Attr("any").type(), Type::Tuple({Type::String(), Type::Number()}));
  EXPECT_EQ(v.Attr("block").Attr("x").AsNumber().ToString(), "0.1");
  EXPECT_EQ(MustEncode(v, StateType()), json);
}

TEST(JsonTest, PrettyJsonAndSetCanonicalisation) {
  Value v = MustDecode("{\n  \"scopes\": [\"b\", \"a\", \"b\"]\n}\n",
                       Type::Object({{"scopes", Type::Set(Type::String())}}));
  EXPECT_EQ(v.Attr("scopes"),
            Value::Set(Type::String(), {Value::String("a"), Value::String("b")}));
}

TEST(JsonTest, MissingAttributesAreNull) {
  Value v = MustDecode(R"({"id":"k-1"})", StateType());
  EXPECT_EQ(v.type(), MustDecode(R"({"id":"k-1"})", StateType()).type());
  EXPECT_EQ(v.Attr("id"), Value::String("k-1"));
  EXPECT_EQ(v.Attr("redirect_uris"), Value::Null(Type::List(Type::String())));
  EXPECT_EQ(v.Entries().size(), StateType().attribute_types().size());
}

TEST(JsonTest, UnknownAttributesAreNamed) {
  EXPECT_EQ(DecodeError(R"({"id":"k","legacy_field":1})", StateType()),
            "unsupported attribute \"legacy_field\"");
  EXPECT_EQ(DecodeError(R"({"block":{"x":1,"y":2}})", StateType()),
            "at block: unsupported attribute \"y\"");
}

TEST(JsonTest, ErrorsNameThePath) {
  EXPECT_EQ(DecodeError(R"({"redirect_uris":["a","b",7.5,[]]})", StateType()),
            "at redirect_uris[3]: expected string, got array");
  EXPECT_EQ(DecodeError(R"({"tags":{"env":{}}})", StateType()),
            "at tags[\"env\"]: expected string, got object");
  EXPECT_EQ(DecodeError(R"({"pair":["a"]})", StateType()),
            "at pair: expected a tuple of 2 elements, got 1");
  EXPECT_EQ(DecodeError(R"({"id":"a","id":"b"})", StateType()), "at id: duplicate attribute");
  EXPECT_EQ(DecodeError(R"([1])", StateType()), "expected object, got array");
  EXPECT_EQ(DecodeError(R"({"any":{"value":1}})", StateType()),
            "at any: a dynamic value needs both \"value\" and \"type\"");
  EXPECT_EQ(DecodeError(R"({"any":{"value":1,"type":"number","x":1}})", StateType()),
            "at any: unexpected key \"x\" in a dynamic value");
  EXPECT_EQ(DecodeError(R"({"any":{"value":1,"type":"dynamic"}})", StateType()),
            "at any: the type of a dynamic value must be concrete");
}

TEST(JsonTest, MalformedJsonNeverEchoesTheInput) {
  for (const char* bad : {"", "{", R"({"secret":"s3cr3t")", R"({"secret":s3cr3t})",
                          "[1,]", "nul", "\"\xff\"", "{} {}"}) {
    std::string msg = DecodeError(bad, StateType());
    EXPECT_EQ(msg.find("s3cr3t"), std::string::npos) << msg;
  }
}

TEST(JsonTest, DeepNestingIsRejected) {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  EXPECT_NE(DecodeError(deep, Type::List(Type::String())), "");
  std::string deep_obj;
  for (int i = 0; i < 10000; ++i) deep_obj += "{\"a\":";
  deep_obj += "1";
  for (int i = 0; i < 10000; ++i) deep_obj += "}";
  EXPECT_NE(DecodeError(deep_obj, Type::Map(Type::Dynamic())), "");
}

TEST(JsonTest, EncodeRejectsUnknownsAndMismatches) {
  Type t = Type::Object({{"id", Type::String()}});
  absl::StatusOr<std::string> s =
      EncodeJson(Value::Object({{"id", Value::Unknown(Type::String())}}), t);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "at id: unknown values cannot be written as JSON");
  EXPECT_EQ(EncodeJson(Value::Int(1), Type::String()).status().message(),
            "expected string, got number");
  EXPECT_EQ(EncodeJson(Value::String("\xff"), Type::String()).status().message(),
            "string is not valid UTF-8");
  EXPECT_FALSE(EncodeJson(Value::Object({}), t).ok());
  EXPECT_FALSE(EncodeJson(Value::Num(*Number::FromString("Infinity")), Type::Number()).ok());
}

// A null of a concrete type in a Dynamic slot keeps its type: it is written
// as {"value":null,"type":...} (fuzz regression
// fuzz_json_state/dynamic-typed-null).
TEST(JsonTest, DynamicTypedNullKeepsItsType) {
  const char* kJson = R"({"value":null,"type":"number"})";
  Value decoded = MustDecode(kJson, Type::Dynamic());
  EXPECT_EQ(decoded, Value::Null(Type::Number()));
  EXPECT_EQ(decoded.type(), Type::Number());
  EXPECT_EQ(MustEncode(decoded, Type::Dynamic()), kJson);
  Value list_null = Value::Null(Type::List(Type::String()));
  std::string json = MustEncode(list_null, Type::Dynamic());
  EXPECT_EQ(json, R"({"value":null,"type":["list","string"]})");
  Value back = MustDecode(json, Type::Dynamic());
  EXPECT_EQ(back, list_null);
  EXPECT_EQ(back.type(), Type::List(Type::String()));
  // In a state object's dynamic attribute.
  Type obj_type = Type::Object({{"any", Type::Dynamic()}});
  Value obj = Value::Object({{"any", Value::Null(Type::Bool())}});
  std::string obj_json = MustEncode(obj, obj_type);
  EXPECT_EQ(obj_json, R"({"any":{"value":null,"type":"bool"}})");
  EXPECT_EQ(MustDecode(obj_json, obj_type).Attr("any").type(), Type::Bool());
  // Only a null of type Dynamic itself is written bare.
  EXPECT_EQ(MustEncode(Value::Null(Type::Dynamic()), Type::Dynamic()), "null");
  // Unknowns still cannot be written as JSON, typed or not.
  EXPECT_FALSE(EncodeJson(Value::Unknown(Type::Number()), Type::Dynamic()).ok());
}

TEST(JsonTest, DynamicTopLevel) {
  EXPECT_EQ(MustEncode(Value::String("x"), Type::Dynamic()),
            R"({"value":"x","type":"string"})");
  EXPECT_EQ(MustDecode(R"({"type":"string","value":"x"})", Type::Dynamic()),
            Value::String("x"));
  EXPECT_EQ(MustDecode("null", Type::Dynamic()), Value::Null(Type::Dynamic()));
  Value obj = Value::Object({{"a", Value::List(Type::Number(), {Value::Int(1)})}});
  std::string json = MustEncode(obj, Type::Dynamic());
  EXPECT_EQ(json, R"({"value":{"a":[1]},"type":["object",{"a":["list","number"]}]})");
  EXPECT_EQ(MustDecode(json, Type::Dynamic()), obj);
}

}  // namespace
}  // namespace tf
