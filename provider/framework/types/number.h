// number.h: an exact cty number.
//
// Numbers are kept as an exact decimal (sign, digits, power of ten), so big
// integers and decimals such as 0.1 survive every codec unchanged.
//   Number n = *Number::FromString("123456789012345678901234567890");
//   Number::FromInt(1) == *Number::FromString("1.0");   // true
//   Number::FromDouble(0.1).ToString();                   // "0.1"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace tf {

class Number {
 public:
  Number() = default;  // zero

  static Number FromInt(int64_t i);
  static Number FromUint(uint64_t u);
  // The shortest decimal that reads back as `d` (so FromDouble(0.1) equals
  // FromString("0.1"), as cty's number equality has it). Infinities are
  // kept; NaN becomes zero (cty has no NaN).
  static Number FromDouble(double d);
  // Decimal text: [-+]digits[.digits][(e|E)[-+]digits], or "Infinity" /
  // "-Infinity". The exponent must stay within +-10000.
  [[nodiscard]] static absl::StatusOr<Number> FromString(
      std::string_view decimal);

  // Only when exactly an integer in range.
  std::optional<int64_t> AsInt64() const;
  std::optional<uint64_t> AsUint64() const;
  // The nearest double (always present for finite or infinite numbers).
  std::optional<double> AsDouble() const;
  // True when AsDouble() holds this number exactly.
  bool IsExactDouble() const;
  bool IsInteger() const;
  bool IsInfinity() const { return special_ != Special::kFinite; }

  // Canonical decimal without exponent: "0", "-12", "0.001", "1.5",
  // "Infinity", "-Infinity".
  std::string ToString() const;

  // Numeric equality and order (1 == 1.0 == "1").
  bool operator==(const Number& other) const;
  bool operator!=(const Number& other) const { return !(*this == other); }
  // <0, 0, >0 as this is less than, equal to or greater than `other`.
  int Compare(const Number& other) const;
  bool operator<(const Number& other) const { return Compare(other) < 0; }

 private:
  enum class Special { kFinite, kPosInf, kNegInf };
  void Normalize();

  Special special_ = Special::kFinite;
  bool negative_ = false;
  std::string digits_;    // no leading or trailing zeros; empty means zero
  int64_t exponent_ = 0;  // value = digits * 10^exponent
};

}  // namespace tf
