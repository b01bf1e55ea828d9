#include "provider/framework/types/msgpack.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace tf {
namespace {

// Bytes from hex text; spaces are ignored.
std::string Hex(std::string_view hex) {
  std::string out;
  int nibble = -1;
  for (char c : hex) {
    int v;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v = c - 'a' + 10;
    } else {
      continue;
    }
    if (nibble < 0) {
      nibble = v;
    } else {
      out.push_back(static_cast<char>(nibble * 16 + v));
      nibble = -1;
    }
  }
  return out;
}

std::string ToHex(std::string_view bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    if (!out.empty()) out += ' ';
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

Value MustDecode(std::string_view hex, const Type& type) {
  absl::StatusOr<Value> v = DecodeMsgpack(Hex(hex), type);
  EXPECT_TRUE(v.ok()) << hex << ": " << v.status();
  return v.ok() ? *v : Value();
}

std::string MustEncode(const Value& v, const Type& type) {
  absl::StatusOr<std::string> b = EncodeMsgpack(v, type);
  EXPECT_TRUE(b.ok()) << v.DebugString() << ": " << b.status();
  return b.ok() ? ToHex(*b) : "";
}

std::string DecodeError(std::string_view bytes, const Type& type) {
  absl::StatusOr<Value> v = DecodeMsgpack(bytes, type);
  EXPECT_FALSE(v.ok()) << ToHex(bytes) << " decoded as " << v->DebugString();
  if (v.ok()) return "";
  EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(v.status().message());
}

const Type kSeenType = Type::Object(
    {{"id", Type::String()}, {"name", Type::String()}, {"secret", Type::String()}});
constexpr char kSeenHex[] =
    "83 a2 6964 c0 a4 6e616d65 a5 616c706861 a6 736563726574 a6 733363723374";

TEST(MsgpackTest, SeenObjectVector) {
  Value v = Value::Object({{"id", Value::Null(Type::String())},
                           {"name", Value::String("alpha")},
                           {"secret", Value::String("s3cr3t")}});
  EXPECT_EQ(MustEncode(v, kSeenType), ToHex(Hex(kSeenHex)));
  EXPECT_EQ(MustDecode(kSeenHex, kSeenType), v);
}

TEST(MsgpackTest, NullForms) {
  for (const Type& t : {Type::String(), Type::Number(), kSeenType,
                        Type::List(Type::String()), Type::Dynamic()}) {
    Value v = MustDecode("c0", t);
    EXPECT_TRUE(v.IsNull());
    EXPECT_EQ(v.type(), t);
    absl::StatusOr<Value> empty = DecodeMsgpack("", t);
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->IsNull());
    EXPECT_EQ(MustEncode(Value::Null(t), t), "c0");
  }
}

TEST(MsgpackTest, DecodesEveryIntegerWidth) {
  struct Case {
    const char* hex;
    const char* number;
  } cases[] = {
      {"00", "0"},
      {"7f", "127"},
      {"ff", "-1"},
      {"e0", "-32"},
      {"cc ff", "255"},
      {"cd ffff", "65535"},
      {"ce ffffffff", "4294967295"},
      {"cf 7fffffffffffffff", "9223372036854775807"},
      {"cf ffffffffffffffff", "18446744073709551615"},
      {"d0 80", "-128"},
      {"d0 05", "5"},
      {"d1 8000", "-32768"},
      {"d2 80000000", "-2147483648"},
      {"d3 8000000000000000", "-9223372036854775808"},
      {"d3 0000000000000001", "1"},
  };
  for (const Case& c : cases) {
    Value v = MustDecode(c.hex, Type::Number());
    EXPECT_EQ(v.AsNumber().ToString(), c.number) << c.hex;
  }
}

TEST(MsgpackTest, DecodesFloatsAndDecimalStrings) {
  EXPECT_EQ(MustDecode("ca 3fc00000", Type::Number()), Value::Float(1.5));
  EXPECT_EQ(MustDecode("cb 3ff8000000000000", Type::Number()), Value::Float(1.5));
  EXPECT_EQ(MustDecode("cb 3fb999999999999a", Type::Number()).AsNumber().ToString(),
            "0.1");
  EXPECT_EQ(MustDecode("cb 7ff0000000000000", Type::Number()).AsNumber().ToString(),
            "Infinity");
  EXPECT_EQ(MustDecode("a3 302e31", Type::Number()).AsNumber().ToString(), "0.1");
  EXPECT_EQ(MustDecode("be 313233343536373839303132333435363738393031323334353637383930",
                       Type::Number())
                .AsNumber()
                .ToString(),
            "123456789012345678901234567890");
  EXPECT_EQ(MustDecode("a3 316533", Type::Number()), Value::Int(1000));
  EXPECT_NE(DecodeError(Hex("cb 7ff8000000000000"), Type::Number()), "");  // NaN
  EXPECT_EQ(DecodeError(Hex("a3 616263"), Type::Number()),
            "invalid number: not a decimal number");
}

TEST(MsgpackTest, EncodesNumbersCompactly) {
  EXPECT_EQ(MustEncode(Value::Int(0), Type::Number()), "00");
  EXPECT_EQ(MustEncode(Value::Int(1), Type::Number()), "01");
  EXPECT_EQ(MustEncode(Value::Int(127), Type::Number()), "7f");
  EXPECT_EQ(MustEncode(Value::Int(-1), Type::Number()), "ff");
  EXPECT_EQ(MustEncode(Value::Int(-32), Type::Number()), "e0");
  EXPECT_EQ(MustEncode(Value::Int(200), Type::Number()), "cc c8");
  EXPECT_EQ(MustEncode(Value::Int(-33), Type::Number()), "d0 df");
  EXPECT_EQ(MustEncode(Value::Int(-200), Type::Number()), "d1 ff 38");
  EXPECT_EQ(MustEncode(Value::Int(70000), Type::Number()), "ce 00 01 11 70");
  EXPECT_EQ(MustEncode(Value::Int(INT64_MIN), Type::Number()),
            "d3 80 00 00 00 00 00 00 00");
  EXPECT_EQ(MustEncode(Value::Int(INT64_MAX), Type::Number()),
            "cf 7f ff ff ff ff ff ff ff");
  EXPECT_EQ(MustEncode(Value::Num(Number::FromUint(UINT64_MAX)), Type::Number()),
            "cf ff ff ff ff ff ff ff ff");
  EXPECT_EQ(MustEncode(Value::Float(1.5), Type::Number()),
            "cb 3f f8 00 00 00 00 00 00");
  EXPECT_EQ(MustEncode(Value::Float(2.0), Type::Number()), "02");
  // 0.1 is not exactly a float64: it travels as a decimal string.
  EXPECT_EQ(MustEncode(Value::Float(0.1), Type::Number()), "a3 30 2e 31");
  EXPECT_EQ(MustEncode(Value::Num(*Number::FromString("18446744073709551616")),
                       Type::Number()),
            "cb 43 f0 00 00 00 00 00 00");  // 2^64 is an exact float64 (and
  // msgpack-cxx's pack_double would convert it through uint64_t: UB that
  // the UBSan stage of scripts/test reports)
  EXPECT_EQ(MustEncode(Value::Num(*Number::FromString("18446744073709551617")),
                       Type::Number()),
            ToHex("\xb4" "18446744073709551617"));
}

TEST(MsgpackTest, NumberRoundTrips) {
  for (const char* text : {"0", "-1", "255", "-9223372036854775808",
                           "18446744073709551615", "123456789012345678901234567890",
                           "0.1", "1.5", "-2.25", "1e-30", "3.14159265358979323846"}) {
    Value v = Value::Num(*Number::FromString(text));
    absl::StatusOr<std::string> bytes = EncodeMsgpack(v, Type::Number());
    ASSERT_TRUE(bytes.ok());
    absl::StatusOr<Value> back = DecodeMsgpack(*bytes, Type::Number());
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, v) << text;
  }
}

TEST(MsgpackTest, StringsBoolsAndCollections) {
  EXPECT_EQ(MustEncode(Value::Bool(true), Type::Bool()), "c3");
  EXPECT_EQ(MustEncode(Value::Bool(false), Type::Bool()), "c2");
  EXPECT_EQ(MustDecode("c3", Type::Bool()), Value::Bool(true));
  Value list = Value::List(Type::String(), {Value::String("a"), Value::String("b")});
  EXPECT_EQ(MustEncode(list, Type::List(Type::String())), "92 a1 61 a1 62");
  EXPECT_EQ(MustDecode("92 a1 61 a1 62", Type::List(Type::String())), list);
  // Sets come back de-duplicated and in canonical order.
  Value set = MustDecode("93 a1 62 a1 61 a1 62", Type::Set(Type::String()));
  EXPECT_EQ(set, Value::Set(Type::String(), {Value::String("a"), Value::String("b")}));
  EXPECT_EQ(MustEncode(set, Type::Set(Type::String())), "92 a1 61 a1 62");
  Value map = Value::Map(Type::Number(), {{"b", Value::Int(2)}, {"a", Value::Int(1)}});
  EXPECT_EQ(MustEncode(map, Type::Map(Type::Number())), "82 a1 61 01 a1 62 02");
  EXPECT_EQ(MustDecode("82 a1 62 02 a1 61 01", Type::Map(Type::Number())), map);
  Type tuple_type = Type::Tuple({Type::String(), Type::Bool()});
  Value tuple = Value::Tuple({Value::String("x"), Value::Bool(false)});
  EXPECT_EQ(MustEncode(tuple, tuple_type), "92 a1 78 c2");
  EXPECT_EQ(MustDecode("92 a1 78 c2", tuple_type), tuple);
  EXPECT_EQ(MustEncode(Value::List(Type::String(), {}), Type::List(Type::String())), "90");
  EXPECT_EQ(MustDecode("90", Type::List(Type::String())), Value::List(Type::String(), {}));
}

TEST(MsgpackTest, DynamicValues) {
  // [bin("string"), "x"]
  const char* kBinForm = "92 c4 08 22737472696e6722 a1 78";
  EXPECT_EQ(MustDecode(kBinForm, Type::Dynamic()), Value::String("x"));
  EXPECT_EQ(MustDecode("92 a8 22737472696e6722 a1 78", Type::Dynamic()),
            Value::String("x"));
  EXPECT_EQ(MustEncode(Value::String("x"), Type::Dynamic()), ToHex(Hex(kBinForm)));
  EXPECT_EQ(MustEncode(Value::Null(Type::Dynamic()), Type::Dynamic()), "c0");
  EXPECT_EQ(MustEncode(Value::Unknown(Type::Dynamic()), Type::Dynamic()), "d4 00 00");
  // A list inside a dynamic attribute, round trip.
  Type obj_type = Type::Object({{"any", Type::Dynamic()}});
  Value obj = Value::Object({{"any", Value::List(Type::Number(), {Value::Int(1)})}});
  absl::StatusOr<std::string> bytes = EncodeMsgpack(obj, obj_type);
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  absl::StatusOr<Value> back = DecodeMsgpack(*bytes, obj_type);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->Attr("any"), obj.Attr("any"));
  EXPECT_EQ(back->Attr("any").type(), Type::List(Type::Number()));
  // Malformed dynamic forms.
  EXPECT_EQ(DecodeError(Hex("a1 78"), Type::Dynamic()),
            "expected a [type, value] array for a dynamic value, got string");
  EXPECT_NE(DecodeError(Hex("92 c4 03 616263 a1 78"), Type::Dynamic()), "");
  EXPECT_NE(DecodeError(Hex("92 c4 09 2264796e616d696322 c0"), Type::Dynamic()), "");
  EXPECT_NE(DecodeError(Hex("92 c4 08 22737472696e6722 01"), Type::Dynamic()), "");
}

// A null or unknown of a concrete type in a Dynamic slot keeps its type:
// it is written in the [type, value] wrapper, like go-cty does (fuzz
// regressions fuzz_msgpack/dynamic-typed-null and dynamic-typed-unknown).
TEST(MsgpackTest, DynamicTypedNullAndUnknownKeepTheirType) {
  struct Case {
    const char* hex;
    Value value;
  };
  const Case cases[] = {
      // [bin("number"), nil]
      {"92 c4 08 226e756d62657222 c0", Value::Null(Type::Number())},
      // [bin("string"), unknown]
      {"92 c4 08 22737472696e6722 d4 00 00", Value::Unknown(Type::String())},
      // [bin(["list","bool"]), nil]
      {"92 c4 0f 5b226c697374222c22626f6f6c225d c0",
       Value::Null(Type::List(Type::Bool()))},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.hex);
    Value decoded = MustDecode(c.hex, Type::Dynamic());
    EXPECT_EQ(decoded, c.value);
    EXPECT_EQ(decoded.type(), c.value.type());
    EXPECT_EQ(MustEncode(decoded, Type::Dynamic()), ToHex(Hex(c.hex)));
    Value again = MustDecode(MustEncode(c.value, Type::Dynamic()), Type::Dynamic());
    EXPECT_EQ(again, c.value);
    EXPECT_EQ(again.type(), c.value.type());
  }
  // A refined unknown string keeps its type and its refinements.
  Value refined = Value::Unknown(Type::String(), {.not_null = true});
  Value back = MustDecode(MustEncode(refined, Type::Dynamic()), Type::Dynamic());
  EXPECT_EQ(back, refined);
  EXPECT_EQ(back.type(), Type::String());
  // Inside an object's dynamic attribute too.
  Type obj_type = Type::Object({{"any", Type::Dynamic()}});
  Value obj = Value::Object({{"any", Value::Null(Type::Number())}});
  absl::StatusOr<std::string> bytes = EncodeMsgpack(obj, obj_type);
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  absl::StatusOr<Value> obj_back = DecodeMsgpack(*bytes, obj_type);
  ASSERT_TRUE(obj_back.ok()) << obj_back.status();
  EXPECT_EQ(*obj_back, obj);
  EXPECT_EQ(obj_back->Attr("any").type(), Type::Number());
  // A known value of type Dynamic cannot exist on the wire.
  EXPECT_EQ(MustEncode(Value::Null(Type::Dynamic()), Type::Dynamic()), "c0");
}

TEST(MsgpackTest, UnknownForms) {
  for (const char* hex : {"d4 00 00", "d4 05 00", "d5 01 0000", "c7 00 03",
                          "c7 00 0c", "d6 05 00000000"}) {
    Value v = MustDecode(hex, Type::String());
    EXPECT_FALSE(v.IsKnown()) << hex;
  }
  EXPECT_TRUE(MustDecode("d4 00 00", Type::String()).refinements().empty());
  EXPECT_EQ(MustEncode(Value::Unknown(Type::String()), Type::String()), "d4 00 00");
  Value not_null = MustDecode("c7 03 0c 81 01 c2", Type::String());
  EXPECT_FALSE(not_null.IsKnown());
  EXPECT_TRUE(not_null.refinements().not_null);
  EXPECT_EQ(MustEncode(Value::Unknown(Type::String(), {.not_null = true}), Type::String()),
            "c7 03 0c 81 01 c2");
  // Nullness true says "may be null": nothing to record.
  EXPECT_TRUE(MustDecode("c7 03 0c 81 01 c3", Type::String()).refinements().empty());
  // An unknown in an object attribute.
  Value obj = MustDecode("81 a2 6964 d4 00 00", Type::Object({{"id", Type::String()}}));
  EXPECT_FALSE(obj.Attr("id").IsKnown());
  EXPECT_FALSE(obj.IsWhollyKnown());
}

TEST(MsgpackTest, RefinementKeys) {
  // {1: false, 2: "ab"}
  Value s = MustDecode("c7 07 0c 82 01 c2 02 a2 6162", Type::String());
  EXPECT_TRUE(s.refinements().not_null);
  EXPECT_EQ(s.refinements().string_prefix, "ab");
  EXPECT_EQ(MustEncode(s, Type::String()), "c7 07 0c 82 01 c2 02 a2 61 62");
  // {3: [1, true], 4: [2.5, false]}
  Value n = MustDecode("c7 11 0c 82 03 92 01 c3 04 92 cb 4004000000000000 c2",
                       Type::Number());
  ASSERT_TRUE(n.refinements().number_lower.has_value());
  EXPECT_EQ(n.refinements().number_lower->first, Number::FromInt(1));
  EXPECT_TRUE(n.refinements().number_lower->second);
  ASSERT_TRUE(n.refinements().number_upper.has_value());
  EXPECT_EQ(n.refinements().number_upper->first, Number::FromDouble(2.5));
  EXPECT_FALSE(n.refinements().number_upper->second);
  EXPECT_EQ(MustEncode(n, Type::Number()),
            "c7 11 0c 82 03 92 01 c3 04 92 cb 40 04 00 00 00 00 00 00 c2");
  // Bounds as decimal strings.
  Value d = MustDecode("c7 08 0c 81 03 92 a3 302e31 c2", Type::Number());
  EXPECT_EQ(d.refinements().number_lower->first.ToString(), "0.1");
  // {5: 1, 6: 10}
  Value l = MustDecode("c7 05 0c 82 05 01 06 0a", Type::List(Type::String()));
  EXPECT_EQ(l.refinements().length_lower, 1);
  EXPECT_EQ(l.refinements().length_upper, 10);
  EXPECT_EQ(MustEncode(l, Type::List(Type::String())), "c7 05 0c 82 05 01 06 0a");
  // Unknown keys are ignored, known ones still read.
  Value u = MustDecode("c7 08 0c 83 07 c3 01 c2 63 a1 78", Type::String());
  EXPECT_TRUE(u.refinements().not_null);
  EXPECT_FALSE(u.refinements().string_prefix.has_value());
  Value only_unknown = MustDecode("c7 03 0c 81 09 c3", Type::String());
  EXPECT_TRUE(only_unknown.refinements().empty());
  // ...and an unknown with no refinements is re-encoded canonically, never
  // as an empty extension-12 map.
  EXPECT_EQ(MustEncode(only_unknown, Type::String()), "d4 00 00");
  // Malformed refinements.
  EXPECT_NE(DecodeError(Hex("c7 03 0c 81 01 01"), Type::String()), "");
  EXPECT_NE(DecodeError(Hex("c7 03 0c 81 02 01"), Type::String()), "");
  EXPECT_NE(DecodeError(Hex("c7 03 0c 81 03 01"), Type::Number()), "");
  EXPECT_NE(DecodeError(Hex("c7 03 0c 81 05 c3"), Type::List(Type::String())), "");
  EXPECT_NE(DecodeError(Hex("c7 02 0c 81 01"), Type::String()), "");
  EXPECT_NE(DecodeError(Hex("c7 01 0c 01"), Type::String()), "");
}

TEST(MsgpackTest, ErrorsNameThePath) {
  Type t = Type::Object({{"redirect_uris", Type::List(Type::String())}});
  EXPECT_EQ(DecodeError(Hex("81 ad 72656469726563745f75726973 93 a1 61 a1 62 07"), t),
            "at redirect_uris[2]: expected string, got integer");
  Type m = Type::Object({{"tags", Type::Map(Type::String())}});
  EXPECT_EQ(DecodeError(Hex("81 a4 74616773 81 a3 656e76 c3"), m),
            "at tags[\"env\"]: expected string, got bool");
  EXPECT_EQ(DecodeError(Hex("a1 61"), Type::Number()), "invalid number: not a decimal number");
  EXPECT_EQ(DecodeError(Hex("01"), Type::String()), "expected string, got integer");
  EXPECT_EQ(DecodeError(Hex("a1 61"), Type::Bool()), "expected bool, got string");
  EXPECT_EQ(DecodeError(Hex("a1 61"), Type::List(Type::String())),
            "expected list of string, got string");
  EXPECT_EQ(DecodeError(Hex("91 a1 61"), Type::Tuple({})),
            "expected a tuple of 0 elements, got 1");
  EXPECT_EQ(DecodeError(Hex("81 01 a1 61"), Type::Map(Type::String())),
            "expected string map key, got integer");
  EXPECT_EQ(DecodeError(Hex("82 a1 61 a1 61 a1 61 a1 62"), Type::Map(Type::String())),
            "at [\"a\"]: duplicate map key");
}

TEST(MsgpackTest, ObjectAttributeCountAndKeys) {
  // Two attributes of three.
  EXPECT_EQ(DecodeError(Hex("82 a2 6964 c0 a4 6e616d65 c0"), kSeenType),
            "expected 3 attributes, got 2: missing attribute \"secret\"");
  // Unknown key.
  EXPECT_EQ(DecodeError(Hex("84 a2 6964 c0 a4 6e616d65 c0 a6 736563726574 c0 a1 78 c0"),
                        kSeenType),
            "unsupported attribute \"x\"");
  // Duplicate key.
  EXPECT_EQ(DecodeError(Hex("83 a2 6964 c0 a2 6964 c0 a4 6e616d65 c0"), kSeenType),
            "at id: duplicate attribute");
  EXPECT_EQ(DecodeError(Hex("93 c0 c0 c0"), kSeenType), "expected object, got array");
  // Encoding checks the attributes too.
  EXPECT_EQ(EncodeMsgpack(Value::Object({{"id", Value::Null(Type::String())}}), kSeenType)
                .status()
                .message(),
            "missing attribute \"name\"");
  EXPECT_EQ(EncodeMsgpack(Value::Object({{"id", Value::Null(Type::String())},
                                         {"name", Value::Null(Type::String())},
                                         {"secret", Value::Null(Type::String())},
                                         {"zzz", Value::Null(Type::String())}}),
                          kSeenType)
                .status()
                .message(),
            "unsupported attribute \"zzz\"");
  EXPECT_EQ(EncodeMsgpack(Value::Object({{"id", Value::Int(1)},
                                         {"name", Value::Null(Type::String())},
                                         {"secret", Value::Null(Type::String())}}),
                          kSeenType)
                .status()
                .message(),
            "at id: expected string, got number");
}

TEST(MsgpackTest, TrailingBytesAreAnError) {
  EXPECT_NE(DecodeError(Hex("c0 c0"), Type::String()), "");
  EXPECT_NE(DecodeError(Hex("a1 61 00"), Type::String()), "");
}

Type RichType() {
  return Type::Object({
      {"id", Type::String()},
      {"n", Type::Number()},
      {"flag", Type::Bool()},
      {"uris", Type::List(Type::String())},
      {"set", Type::Set(Type::Number())},
      {"tags", Type::Map(Type::String())},
      {"any", Type::Dynamic()},
      {"pair", Type::Tuple({Type::String(), Type::Number()})},
      {"later", Type::String()},
      {"block", Type::Object({{"x", Type::Number()}})},
  });
}

Value RichValue() {
  return Value::Object({
      {"id", Value::String("k-1")},
      {"n", Value::Num(*Number::FromString("123456789012345678901234567890"))},
      {"flag", Value::Bool(true)},
      {"uris", Value::List(Type::String(), {Value::String("https://a"), Value::String("b")})},
      {"set", Value::Set(Type::Number(), {Value::Int(3), Value::Float(0.1), Value::Int(-7)})},
      {"tags", Value::Map(Type::String(), {{"env", Value::String("dev")}})},
      {"any", Value::Map(Type::Bool(), {{"k", Value::Bool(false)}})},
      {"pair", Value::Tuple({Value::String("p"), Value::Int(70000)})},
      {"later", Value::Unknown(Type::String(), {.not_null = true, .string_prefix = "x-"})},
      {"block", Value::Null(Type::Object({{"x", Type::Number()}}))},
  });
}

TEST(MsgpackTest, RichRoundTrip) {
  absl::StatusOr<std::string> bytes = EncodeMsgpack(RichValue(), RichType());
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  absl::StatusOr<Value> back = DecodeMsgpack(*bytes, RichType());
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, RichValue()) << back->DebugString();
  absl::StatusOr<std::string> again = EncodeMsgpack(*back, RichType());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *bytes);
}

TEST(MsgpackTest, TruncationAtEveryOffsetIsAnError) {
  absl::StatusOr<std::string> bytes = EncodeMsgpack(RichValue(), RichType());
  ASSERT_TRUE(bytes.ok());
  for (size_t len = 1; len < bytes->size(); ++len) {
    absl::StatusOr<Value> v = DecodeMsgpack(bytes->substr(0, len), RichType());
    EXPECT_FALSE(v.ok()) << "prefix of " << len << " bytes decoded";
    if (!v.ok()) {
      EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
    }
  }
}

TEST(MsgpackTest, MutatedInputNeverCrashes) {
  absl::StatusOr<std::string> bytes = EncodeMsgpack(RichValue(), RichType());
  ASSERT_TRUE(bytes.ok());
  uint32_t state = 12345;
  auto next = [&state]() {
    state = state * 1103515245u + 12345u;
    return state >> 8;
  };
  int decoded = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string mutated = *bytes;
    int edits = 1 + next() % 3;
    for (int e = 0; e < edits; ++e) {
      mutated[next() % mutated.size()] = static_cast<char>(next() & 0xff);
    }
    absl::StatusOr<Value> v = DecodeMsgpack(mutated, RichType());
    if (v.ok()) {
      ++decoded;
      // Whatever decodes must encode again.
      EXPECT_TRUE(EncodeMsgpack(*v, RichType()).ok());
    } else {
      EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
    }
  }
  EXPECT_LT(decoded, 20000);
}

TEST(MsgpackTest, DeepNestingIsRejected) {
  Type t = Type::String();
  for (int i = 0; i < 200; ++i) t = Type::List(t);
  std::string deep(10000, '\x91');
  deep += '\xc0';
  EXPECT_NE(DecodeError(deep, t), "");
  EXPECT_NE(DecodeError(deep, Type::Dynamic()), "");
  EXPECT_NE(DecodeError(deep, Type::List(Type::String())), "");
  // Maps too.
  std::string deep_map;
  for (int i = 0; i < 10000; ++i) deep_map += "\x81\xa1k";
  deep_map += '\xc0';
  EXPECT_NE(DecodeError(deep_map, Type::Map(Type::String())), "");
  // 65 levels of lists is over the limit, 64 is fine.
  Type t64 = Type::String();
  for (int i = 0; i < 64; ++i) t64 = Type::List(t64);
  std::string ok_depth(64, '\x91');
  ok_depth += "\xa1x";
  EXPECT_TRUE(DecodeMsgpack(ok_depth, t64).ok());
  std::string too_deep(65, '\x91');
  too_deep += "\xa1x";
  EXPECT_NE(DecodeError(too_deep, Type::List(t64)), "");
}

TEST(MsgpackTest, HugeDeclaredLengthsAreRejected) {
  EXPECT_NE(DecodeError(Hex("dd ffffffff c0"), Type::List(Type::String())), "");
  EXPECT_NE(DecodeError(Hex("dc ffff c0"), Type::List(Type::String())), "");
  EXPECT_NE(DecodeError(Hex("df ffffffff c0 c0"), Type::Map(Type::String())), "");
  EXPECT_NE(DecodeError(Hex("de ffff c0 c0"), kSeenType), "");
  EXPECT_NE(DecodeError(Hex("db ffffffff 61"), Type::String()), "");
  EXPECT_NE(DecodeError(Hex("c6 ffffffff 61"), Type::Dynamic()), "");
  EXPECT_NE(DecodeError(Hex("c9 ffffffff 0c 81"), Type::String()), "");
  EXPECT_NE(DecodeError(Hex("c1"), Type::String()), "");  // never-used byte
}

}  // namespace
}  // namespace tf
