#include "provider/framework/types/number.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"

namespace tf {
namespace {

// Decimal exponents beyond this are rejected (keeps ToString bounded).
constexpr int64_t kMaxMagnitude = 10000;

}  // namespace

void Number::Normalize() {
  size_t lead = digits_.find_first_not_of('0');
  if (lead == std::string::npos) {
    digits_.clear();
    negative_ = false;
    exponent_ = 0;
    return;
  }
  digits_.erase(0, lead);
  size_t last = digits_.find_last_not_of('0');
  exponent_ += static_cast<int64_t>(digits_.size() - last - 1);
  digits_.erase(last + 1);
}

Number Number::FromInt(int64_t i) {
  Number n;
  n.negative_ = i < 0;
  uint64_t mag = i < 0 ? ~static_cast<uint64_t>(i) + 1 : static_cast<uint64_t>(i);
  n.digits_ = std::to_string(mag);
  n.Normalize();
  return n;
}

Number Number::FromUint(uint64_t u) {
  Number n;
  n.digits_ = std::to_string(u);
  n.Normalize();
  return n;
}

Number Number::FromDouble(double d) {
  Number n;
  if (std::isnan(d)) return n;
  if (std::isinf(d)) {
    n.special_ = d > 0 ? Special::kPosInf : Special::kNegInf;
    return n;
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), d);
  absl::StatusOr<Number> parsed =
      FromString(std::string_view(buf, res.ptr - buf));
  return parsed.ok() ? *parsed : n;
}

absl::StatusOr<Number> Number::FromString(std::string_view s) {
  auto invalid = [&]() {
    return absl::InvalidArgumentError("invalid number: not a decimal number");
  };
  Number n;
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    negative = s[i] == '-';
    ++i;
  }
  std::string_view rest = s.substr(i);
  if (rest == "Infinity" || rest == "Inf" || rest == "inf") {
    n.special_ = negative ? Special::kNegInf : Special::kPosInf;
    return n;
  }
  int64_t fraction_digits = 0;
  bool seen_digit = false;
  bool seen_point = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      n.digits_.push_back(c);
      if (seen_point) ++fraction_digits;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!seen_digit) return invalid();
  int64_t exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
      exp_negative = s[i] == '-';
      ++i;
    }
    size_t start = i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (exponent > kMaxMagnitude * 100) {
        return absl::InvalidArgumentError("invalid number: exponent out of range");
      }
      exponent = exponent * 10 + (s[i] - '0');
    }
    if (i == start) return invalid();
    if (exp_negative) exponent = -exponent;
  }
  if (i != s.size()) return invalid();
  n.negative_ = negative;
  n.exponent_ = exponent - fraction_digits;
  n.Normalize();
  if (!n.digits_.empty()) {
    int64_t magnitude = n.exponent_ + static_cast<int64_t>(n.digits_.size());
    if (magnitude > kMaxMagnitude || magnitude < -kMaxMagnitude) {
      return absl::InvalidArgumentError("invalid number: exponent out of range");
    }
  }
  return n;
}

bool Number::IsInteger() const {
  return special_ == Special::kFinite && exponent_ >= 0;
}

std::optional<int64_t> Number::AsInt64() const {
  if (!IsInteger() || digits_.size() + exponent_ > 20) return std::nullopt;
  std::string text = ToString();
  int64_t v = 0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), v);
  if (res.ec != std::errc() || res.ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return v;
}

std::optional<uint64_t> Number::AsUint64() const {
  if (!IsInteger() || negative_ || digits_.size() + exponent_ > 20) {
    return std::nullopt;
  }
  std::string text = ToString();
  uint64_t v = 0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), v);
  if (res.ec != std::errc() || res.ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return v;
}

std::optional<double> Number::AsDouble() const {
  switch (special_) {
    case Special::kPosInf:
      return HUGE_VAL;
    case Special::kNegInf:
      return -HUGE_VAL;
    case Special::kFinite:
      break;
  }
  if (digits_.empty()) return 0.0;
  std::string text =
      absl::StrCat(negative_ ? "-" : "", digits_, "e", exponent_);
  return std::strtod(text.c_str(), nullptr);
}

bool Number::IsExactDouble() const {
  if (special_ != Special::kFinite) return true;
  if (digits_.empty()) return true;
  // A double has at most 17 significant digits that matter, but its exact
  // decimal expansion can be long; anything with more than 767 significant
  // digits is never exact.
  if (digits_.size() > 767) return false;
  double d = *AsDouble();
  if (std::isinf(d) || d == 0.0) return false;
  // glibc prints the exact binary value at any precision.
  char buf[1024];
  int len = std::snprintf(buf, sizeof(buf), "%.800e", d);
  if (len <= 0 || len >= static_cast<int>(sizeof(buf))) return false;
  absl::StatusOr<Number> exact = FromString(std::string_view(buf, len));
  return exact.ok() && *exact == *this;
}

std::string Number::ToString() const {
  switch (special_) {
    case Special::kPosInf:
      return "Infinity";
    case Special::kNegInf:
      return "-Infinity";
    case Special::kFinite:
      break;
  }
  if (digits_.empty()) return "0";
  std::string out = negative_ ? "-" : "";
  if (exponent_ >= 0) {
    out += digits_;
    out.append(static_cast<size_t>(exponent_), '0');
    return out;
  }
  int64_t point = static_cast<int64_t>(digits_.size()) + exponent_;
  if (point > 0) {
    out += digits_.substr(0, point);
    out += ".";
    out += digits_.substr(point);
  } else {
    out += "0.";
    out.append(static_cast<size_t>(-point), '0');
    out += digits_;
  }
  return out;
}

bool Number::operator==(const Number& other) const {
  return special_ == other.special_ && negative_ == other.negative_ &&
         digits_ == other.digits_ && exponent_ == other.exponent_;
}

int Number::Compare(const Number& other) const {
  auto rank = [](const Number& n) {
    switch (n.special_) {
      case Special::kNegInf:
        return -2;
      case Special::kPosInf:
        return 2;
      case Special::kFinite:
        break;
    }
    if (n.digits_.empty()) return 0;
    return n.negative_ ? -1 : 1;
  };
  int ra = rank(*this), rb = rank(other);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (ra == 0 || ra == 2 || ra == -2) return 0;
  // Same sign, both non-zero: compare magnitudes.
  int magnitude_cmp = 0;
  int64_t oa = exponent_ + static_cast<int64_t>(digits_.size());
  int64_t ob = other.exponent_ + static_cast<int64_t>(other.digits_.size());
  if (oa != ob) {
    magnitude_cmp = oa < ob ? -1 : 1;
  } else {
    size_t len = std::max(digits_.size(), other.digits_.size());
    for (size_t k = 0; k < len && magnitude_cmp == 0; ++k) {
      char ca = k < digits_.size() ? digits_[k] : '0';
      char cb = k < other.digits_.size() ? other.digits_[k] : '0';
      if (ca != cb) magnitude_cmp = ca < cb ? -1 : 1;
    }
  }
  return ra < 0 ? -magnitude_cmp : magnitude_cmp;
}

}  // namespace tf
