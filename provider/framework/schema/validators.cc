// Ready-made attribute validators.
#include <algorithm>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
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

class StringLengthAtLeastValidator final : public Validator {
 public:
  explicit StringLengthAtLeastValidator(int64_t min) : min_(min) {}
  std::string Description() const override {
    return min_ == 1 ? "Must not be empty."
                     : absl::StrCat("Length must be at least ", min_, ".");
  }
  void Validate(const Value& value, const Path& path,
                Diagnostics& diags) const override {
    if (!IsKnownString(value)) return;
    const int64_t len = Utf8Length(value.AsString());
    if (len >= min_) return;
    diags.AddAttributeError(
        path, "Invalid Attribute Value Length",
        absl::StrCat("Attribute ", path.ToString(),
                     " string length must be at least ", min_, ", got: ", len,
                     "."));
  }

 private:
  int64_t min_;
};

bool IsCollection(const Value& v) {
  const TypeKind kind = v.type().kind();
  return kind == TypeKind::kList || kind == TypeKind::kSet ||
         kind == TypeKind::kMap;
}

class SizeAtLeastValidator final : public Validator {
 public:
  explicit SizeAtLeastValidator(int64_t min) : min_(min) {}
  std::string Description() const override {
    return absl::StrCat("Must hold at least ", min_,
                        min_ == 1 ? " element." : " elements.");
  }
  void Validate(const Value& value, const Path& path,
                Diagnostics& diags) const override {
    if (!value.IsKnown() || value.IsNull() || !IsCollection(value)) return;
    const int64_t n = value.type().kind() == TypeKind::kMap
                          ? static_cast<int64_t>(value.Entries().size())
                          : static_cast<int64_t>(value.Elements().size());
    if (n >= min_) return;
    diags.AddAttributeError(
        path, "Invalid Attribute Value",
        absl::StrCat("Attribute ", path.ToString(), " must hold at least ",
                     min_, min_ == 1 ? " element" : " elements", ", got: ", n,
                     "."));
  }

 private:
  int64_t min_;
};

class Int64BetweenValidator final : public Validator {
 public:
  Int64BetweenValidator(int64_t min, int64_t max) : min_(min), max_(max) {}
  std::string Description() const override {
    return absl::StrCat("Must be a whole number from ", min_, " to ", max_,
                        ".");
  }
  void Validate(const Value& value, const Path& path,
                Diagnostics& diags) const override {
    if (!value.IsKnown() || value.IsNull() ||
        value.type().kind() != TypeKind::kNumber) {
      return;
    }
    const std::optional<int64_t> n = value.AsNumber().AsInt64();
    if (n && *n >= min_ && *n <= max_) return;
    diags.AddAttributeError(
        path, "Invalid Attribute Value",
        absl::StrCat("Attribute ", path.ToString(),
                     " must be a whole number from ", min_, " to ", max_,
                     ", got: ", value.AsNumber().ToString(), "."));
  }

 private:
  int64_t min_, max_;
};

// Calls fn(element, its path) for each element of a known list or set; a
// list element's path carries its index, a set element's is `path`.
template <typename Fn>
void ForEachElement(const Value& value, const Path& path, Fn fn) {
  if (!value.IsKnown() || value.IsNull()) return;
  const TypeKind kind = value.type().kind();
  if (kind != TypeKind::kList && kind != TypeKind::kSet) return;
  int64_t i = 0;
  for (const Value& e : value.Elements()) {
    fn(e, kind == TypeKind::kList ? path.Index(i) : path);
    ++i;
  }
}

class NoNullElementsValidator final : public Validator {
 public:
  std::string Description() const override {
    return "Elements must not be null.";
  }
  void Validate(const Value& value, const Path& path,
                Diagnostics& diags) const override {
    ForEachElement(value, path, [&](const Value& e, const Path& at) {
      if (!e.IsNull()) return;
      diags.AddAttributeError(
          at, "Invalid Attribute Value",
          absl::StrCat("Attribute ", at.ToString(),
                       " must not be null; remove the element or give a "
                       "value."));
    });
  }
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

class AbsoluteUriValidator final : public Validator {
 public:
  explicit AbsoluteUriValidator(AbsoluteUriOptions options)
      : options_(std::move(options)) {}
  std::string Description() const override {
    std::string out = "Value must be an absolute URI (scheme:rest).";
    if (!options_.refused_schemes.empty()) {
      absl::StrAppend(&out, " Refused schemes: ",
                      absl::StrJoin(options_.refused_schemes, ", "), ".");
    }
    return out;
  }
  void Validate(const Value& value, const Path& path,
                Diagnostics& diags) const override {
    if (!IsKnownString(value)) return;
    std::string why = AbsoluteUriError(value.AsString(), options_);
    if (why.empty()) return;
    diags.AddAttributeError(
        path, "Invalid URI",
        absl::StrCat("Attribute ", path.ToString(),
                     " must be an absolute URI: ", why,
                     ". Write it as scheme:rest, e.g. "
                     "https://example.com/callback."));
  }

 private:
  AbsoluteUriOptions options_;
};

class EachElementValidator final : public Validator {
 public:
  explicit EachElementValidator(std::shared_ptr<const Validator> element)
      : element_(std::move(element)) {}
  std::string Description() const override {
    return absl::StrCat("Each element: ", element_->Description());
  }
  void Validate(const Value& value, const Path& path,
                Diagnostics& diags) const override {
    ForEachElement(value, path, [&](const Value& e, const Path& at) {
      element_->Validate(e, at, diags);
    });
  }

 private:
  std::shared_ptr<const Validator> element_;
};

bool IsSchemeChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '+' ||
         c == '-' || c == '.';
}

}  // namespace

std::string AbsoluteUriError(std::string_view uri,
                             const AbsoluteUriOptions& options) {
  // This Abseil's string_view is its own type, so work on a std::string.
  const std::string text(uri);
  if (text.empty()) return "it is empty";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) {
      return "it contains a space or control character (percent-encode it)";
    }
  }
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return absl::StrCat("\"", text, "\" has no scheme (such as https:)");
  }
  const std::string scheme = text.substr(0, colon);
  if (!absl::ascii_isalpha(static_cast<unsigned char>(scheme[0])) ||
      !std::all_of(scheme.begin(), scheme.end(), IsSchemeChar)) {
    return absl::StrCat("\"", text,
                        "\" has no valid scheme (a letter, then letters, "
                        "digits, '+', '-' or '.', then ':')");
  }
  for (const std::string& refused : options.refused_schemes) {
    if (absl::EqualsIgnoreCase(scheme, refused)) {
      return absl::StrCat("the scheme \"", absl::AsciiStrToLower(scheme),
                          "\" is not allowed (refused: ",
                          absl::StrJoin(options.refused_schemes, ", "), ")");
    }
  }
  const std::string rest = text.substr(colon + 1);
  if (rest.empty()) {
    return absl::StrCat("\"", text, "\" has nothing after the scheme");
  }
  return "";
}

void ExactlyOneOf(const Value& object, const std::vector<std::string>& names,
                  Diagnostics& diags) {
  if (names.empty() || !object.IsKnown() || object.IsNull()) return;
  std::vector<std::string> set;
  for (const std::string& n : names) {
    const Value& v = object.Attr(n);
    if (!v.IsKnown()) return;  // may still be set or not
    if (!v.IsNull()) set.push_back(n);
  }
  if (set.size() == 1) return;
  const std::string all = absl::StrJoin(names, ", ");
  if (set.empty()) {
    diags.AddAttributeError(
        Path::Root(names[0]), "Missing required argument",
        absl::StrCat("Exactly one of these attributes must be set: ", all,
                     ". None is."));
    return;
  }
  for (const std::string& n : set) {
    diags.AddAttributeError(
        Path::Root(n), "Conflicting arguments",
        absl::StrCat("Only one of these attributes may be set: ", all,
                     ". Set are: ", absl::StrJoin(set, ", "),
                     "; remove all but one."));
  }
}

std::shared_ptr<const Validator> AbsoluteUri(AbsoluteUriOptions options) {
  return std::make_shared<AbsoluteUriValidator>(std::move(options));
}

std::shared_ptr<const Validator> EachElement(
    std::shared_ptr<const Validator> element) {
  return std::make_shared<EachElementValidator>(std::move(element));
}

std::shared_ptr<const Validator> StringLengthBetween(int64_t min, int64_t max) {
  return std::make_shared<StringLengthBetweenValidator>(min, max);
}

std::shared_ptr<const Validator> StringLengthAtLeast(int64_t min) {
  return std::make_shared<StringLengthAtLeastValidator>(min);
}

std::shared_ptr<const Validator> SizeAtLeast(int64_t min) {
  return std::make_shared<SizeAtLeastValidator>(min);
}

std::shared_ptr<const Validator> Int64Between(int64_t min, int64_t max) {
  return std::make_shared<Int64BetweenValidator>(min, max);
}

std::shared_ptr<const Validator> NoNullElements() {
  return std::make_shared<NoNullElementsValidator>();
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
