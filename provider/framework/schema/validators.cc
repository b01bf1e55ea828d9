// Ready-made attribute validators.
#include <memory>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "provider/framework/schema/validator.h"

namespace tf {
namespace {

// Number of UTF-8 code points (continuation bytes are not counted).
int64_t Utf8Length(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool IsKnownString(const Value& v) {
  return v.IsKnown() && !v.IsNull() && v.type().kind() == TypeKind::kString;
}

class StringLengthBetweenValidator final : public Validator {
 public:
  StringLengthBetweenValidator(int64_t min, int64_t max)
      : min_(min), max_(max) {}
  std::string Description() const override {
    return absl::StrCat("Length must be between ", min_, " and ", max_, ".");
  }
  void Validate(const Value& value, const Path& path,
                Diagnostics& diags) const override {
    if (!IsKnownString(value)) return;
    int64_t len = Utf8Length(value.AsString());
    if (len < min_ || len > max_) {
      diags.AddAttributeError(
          path, "Invalid Attribute Value Length",
          absl::StrCat("Attribute ", path.ToString(),
                       " string length must be between ", min_, " and ", max_,
                       ", got: ", len, "."));
    }
  }

 private:
  int64_t min_, max_;
};

class StringMatchesValidator final : public Validator {
 public:
  StringMatchesValidator(std::string pattern, std::string message)
      : regex_(pattern, std::regex::ECMAScript), message_(std::move(message)) {}
  std::string Description() const override {
    return absl::StrCat("Value ", message_, ".");
  }
  void Validate(const Value& value, const Path& path,
                Diagnostics& diags) const override {
    if (!IsKnownString(value)) return;
    if (!std::regex_match(value.AsString(), regex_)) {
      diags.AddAttributeError(
          path, "Invalid Attribute Value Match",
          absl::StrCat("Attribute ", path.ToString(), " ", message_, "."));
    }
  }

 private:
  std::regex regex_;
  std::string message_;
};

class StringOneOfValidator final : public Validator {
 public:
  explicit StringOneOfValidator(std::vector<std::string> allowed)
      : allowed_(std::move(allowed)) {}
  std::string Description() const override {
    return absl::StrCat("Value must be one of: \"",
                        absl::StrJoin(allowed_, "\", \""), "\".");
  }
  void Validate(const Value& value, const Path& path,
                Diagnostics& diags) const override {
    if (!IsKnownString(value)) return;
    for (const std::string& a : allowed_) {
      if (a == value.AsString()) return;
    }
    diags.AddAttributeError(
        path, "Invalid Attribute Value",
        absl::StrCat("Attribute ", path.ToString(), " value must be one of: \"",
                     absl::StrJoin(allowed_, "\", \""), "\"."));
  }

 private:
  std::vector<std::string> allowed_;
};

}  // namespace

std::shared_ptr<const Validator> StringLengthBetween(int64_t min, int64_t max) {
  return std::make_shared<StringLengthBetweenValidator>(min, max);
}

std::shared_ptr<const Validator> StringMatches(std::string pattern,
                                               std::string message) {
  return std::make_shared<StringMatchesValidator>(std::move(pattern),
                                                  std::move(message));
}

std::shared_ptr<const Validator> StringOneOf(std::vector<std::string> allowed) {
  return std::make_shared<StringOneOfValidator>(std::move(allowed));
}

}  // namespace tf
