#include "provider/framework/types/number.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace tf {
namespace {

Number Parse(std::string_view s) {
  absl::StatusOr<Number> n = Number::FromString(s);
  EXPECT_TRUE(n.ok()) << s << ": " << n.status();
  return n.ok() ? *n : Number();
}

TEST(NumberTest, CanonicalText) {
  EXPECT_EQ(Parse("0").ToString(), "0");
  EXPECT_EQ(Parse("-0").ToString(), "0");
  EXPECT_EQ(Parse("0.000").ToString(), "0");
  EXPECT_EQ(Parse("007").ToString(), "7");
  EXPECT_EQ(Parse("1.50").ToString(), "1.5");
  EXPECT_EQ(Parse("-12.0").ToString(), "-12");
  EXPECT_EQ(Parse("1e3").ToString(), "1000");
  EXPECT_EQ(Parse("1.5E-3").ToString(), "0.0015");
  EXPECT_EQ(Parse("+2").ToString(), "2");
  EXPECT_EQ(Parse(".5").ToString(), "0.5");
  EXPECT_EQ(Parse("5.").ToString(), "5");
  EXPECT_EQ(Parse("123456789012345678901234567890").ToString(),
            "123456789012345678901234567890");
  EXPECT_EQ(Parse("Infinity").ToString(), "Infinity");
  EXPECT_EQ(Parse("-Infinity").ToString(), "-Infinity");
}

TEST(NumberTest, RejectsNonNumbers) {
  for (const char* bad : {"", "-", ".", "e5", "1e", "1e+", "abc", "1.2.3", " 1",
                          "1 ", "0x10", "1e999999", "1e-999999", "NaN"}) {
    EXPECT_FALSE(Number::FromString(bad).ok()) << bad;
  }
}

TEST(NumberTest, NumericEquality) {
  EXPECT_EQ(Number::FromInt(1), Number::FromDouble(1.0));
  EXPECT_EQ(Number::FromInt(1), Parse("1"));
  EXPECT_EQ(Number::FromInt(1), Parse("1.000"));
  EXPECT_EQ(Number::FromUint(10), Parse("1e1"));
  EXPECT_EQ(Number::FromDouble(0.1), Parse("0.1"));
  EXPECT_NE(Number::FromInt(1), Number::FromInt(-1));
  EXPECT_EQ(Number::FromDouble(-0.0), Number::FromInt(0));
}

TEST(NumberTest, Conversions) {
  EXPECT_EQ(Number::FromInt(INT64_MIN).AsInt64(), INT64_MIN);
  EXPECT_EQ(Number::FromInt(INT64_MAX).AsInt64(), INT64_MAX);
  EXPECT_EQ(Number::FromInt(INT64_MIN).ToString(), "-9223372036854775808");
  EXPECT_FALSE(Number::FromUint(UINT64_MAX).AsInt64().has_value());
  EXPECT_EQ(Number::FromUint(UINT64_MAX).AsUint64(), UINT64_MAX);
  EXPECT_EQ(Number::FromUint(UINT64_MAX).ToString(), "18446744073709551615");
  EXPECT_FALSE(Parse("1.5").AsInt64().has_value());
  EXPECT_FALSE(Parse("99999999999999999999999").AsInt64().has_value());
  EXPECT_FALSE(Parse("-1").AsUint64().has_value());
  EXPECT_EQ(Parse("1e2").AsInt64(), 100);
  EXPECT_DOUBLE_EQ(*Parse("1.5").AsDouble(), 1.5);
  EXPECT_DOUBLE_EQ(*Parse("0.1").AsDouble(), 0.1);
  EXPECT_TRUE(std::isinf(*Parse("Infinity").AsDouble()));
  EXPECT_EQ(Number::FromDouble(std::numeric_limits<double>::quiet_NaN()), Number());
  EXPECT_TRUE(Number::FromDouble(-HUGE_VAL).IsInfinity());
}

TEST(NumberTest, ExactDouble) {
  EXPECT_TRUE(Parse("0.5").IsExactDouble());
  EXPECT_TRUE(Parse("1.5").IsExactDouble());
  EXPECT_TRUE(Parse("-0.25").IsExactDouble());
  EXPECT_TRUE(Parse("0").IsExactDouble());
  EXPECT_TRUE(Parse("1e300").IsExactDouble() == false);
  EXPECT_TRUE(Parse("9007199254740992").IsExactDouble());   // 2^53
  EXPECT_FALSE(Parse("9007199254740993").IsExactDouble());  // 2^53 + 1
  EXPECT_FALSE(Parse("0.1").IsExactDouble());
  EXPECT_FALSE(Parse("123456789012345678901234567890").IsExactDouble());
  EXPECT_TRUE(Number::FromDouble(3.0e-300).IsExactDouble() == false);
  EXPECT_TRUE(Parse("1180591620717411303424").IsExactDouble());  // 2^70
}

TEST(NumberTest, Ordering) {
  EXPECT_LT(Number::FromInt(-5), Number::FromInt(-1));
  EXPECT_LT(Number::FromInt(-1), Number::FromInt(0));
  EXPECT_LT(Number::FromInt(0), Parse("0.001"));
  EXPECT_LT(Parse("0.001"), Parse("0.01"));
  EXPECT_LT(Parse("9"), Parse("10"));
  EXPECT_LT(Parse("1.09"), Parse("1.1"));
  EXPECT_LT(Parse("-Infinity"), Parse("-1e100"));
  EXPECT_LT(Parse("1e100"), Parse("Infinity"));
  EXPECT_EQ(Parse("2.50").Compare(Parse("2.5")), 0);
  EXPECT_GT(Parse("-1.09").Compare(Parse("-1.1")), 0);
}

}  // namespace
}  // namespace tf
