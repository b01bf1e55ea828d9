#include "provider/framework/types/json_dom.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"

namespace tf::types_internal {
namespace {

// nlohmann/json refuses a number beyond a double's range ("number
// overflow"), while cty numbers are arbitrary-precision. The input handed to
// nlohmann has each such number replaced by 0; `texts` holds the original
// text by the number's ordinal among all numbers of the document, which is
// the order of nlohmann's number events.
struct HugeNumbers {
  std::string json;
  std::map<size_t, std::string> texts;
};

bool IsNumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' ||
         c == 'e' || c == 'E';
}

HugeNumbers SetAsideHugeNumbers(std::string_view json) {
  HugeNumbers out;
  out.json.reserve(json.size());
  size_t ordinal = 0;
  for (size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (c == '"') {  // copy a string literal whole, escapes included
      size_t j = i + 1;
      while (j < json.size() && json[j] != '"') j += json[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, json.size());
      out.json.append(json.substr(i, j - i));
      i = j;
      continue;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      size_t j = i;
      while (j < json.size() && IsNumberChar(json[j])) ++j;
      const std::string token(json.substr(i, j - i));
      errno = 0;
      const double d = std::strtod(token.c_str(), nullptr);
      if (errno == ERANGE && std::isinf(d)) {
        out.texts.emplace(ordinal, token);
        out.json += '0';
      } else {
        out.json += token;
      }
      ++ordinal;
      i = j;
      continue;
    }
    out.json += c;
    ++i;
  }
  return out;
}

// Builds a JsonNode tree from nlohmann SAX events.
class DomBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  DomBuilder(int max_depth, std::map<size_t, std::string> huge_numbers)
      : max_depth_(max_depth), huge_numbers_(std::move(huge_numbers)) {}

  bool null() override { return Add(JsonNode{}); }
  bool boolean(bool val) override {
    JsonNode n;
    n.kind = JsonNode::Kind::kBool;
    n.boolean = val;
    return Add(std::move(n));
  }
  bool number_integer(number_integer_t val) override {
    return AddNumber(std::to_string(val));
  }
  bool number_unsigned(number_unsigned_t val) override {
    return AddNumber(std::to_string(val));
  }
  bool number_float(number_float_t, const string_t& s) override {
    return AddNumber(s);
  }
  bool string(string_t& val) override {
    JsonNode n;
    n.kind = JsonNode::Kind::kString;
    n.text = std::move(val);
    return Add(std::move(n));
  }
  bool binary(binary_t&) override {
    error_ = "binary values are not JSON";
    return false;
  }
  bool start_object(std::size_t) override {
    JsonNode n;
    n.kind = JsonNode::Kind::kObject;
    return Open(std::move(n));
  }
  bool key(string_t& val) override {
    pending_key_ = std::move(val);
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    JsonNode n;
    n.kind = JsonNode::Kind::kArray;
    return Open(std::move(n));
  }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  // The parser's own message quotes the input, which may hold secrets:
  // report the position only.
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    error_ = absl::StrCat("malformed JSON at byte ", position);
    return false;
  }

  JsonNode& root() { return root_; }
  const std::string& error() const { return error_; }

 private:
  bool AddNumber(std::string text) {
    JsonNode n;
    n.kind = JsonNode::Kind::kNumber;
    auto huge = huge_numbers_.find(number_ordinal_++);
    n.text = huge == huge_numbers_.end() ? std::move(text)
                                         : std::move(huge->second);
    return Add(std::move(n));
  }
  // Places `n` in its parent and returns its address there.
  JsonNode* Place(JsonNode n) {
    if (stack_.empty()) {
      root_ = std::move(n);
      return &root_;
    }
    JsonNode* parent = stack_.back();
    if (parent->kind == JsonNode::Kind::kArray) {
      parent->items.push_back(std::move(n));
      return &parent->items.back();
    }
    parent->members.emplace_back(std::move(pending_key_), std::move(n));
    return &parent->members.back().second;
  }
  bool Add(JsonNode n) {
    Place(std::move(n));
    return true;
  }
  bool Open(JsonNode n) {
    if (static_cast<int>(stack_.size()) >= max_depth_) {
      error_ = absl::StrCat("JSON nested deeper than ", max_depth_, " levels");
      return false;
    }
    stack_.push_back(Place(std::move(n)));
    return true;
  }

  int max_depth_;
  JsonNode root_;
  std::vector<JsonNode*> stack_;  // open containers (addresses are stable:
                                  // only the innermost one grows)
  std::string pending_key_;
  std::string error_;
  std::map<size_t, std::string> huge_numbers_;  // by number ordinal
  size_t number_ordinal_ = 0;
};

}  // namespace

const char* JsonKindName(JsonNode::Kind kind) {
  switch (kind) {
    case JsonNode::Kind::kNull:
      return "null";
    case JsonNode::Kind::kBool:
      return "bool";
    case JsonNode::Kind::kNumber:
      return "number";
    case JsonNode::Kind::kString:
      return "string";
    case JsonNode::Kind::kArray:
      return "array";
    case JsonNode::Kind::kObject:
      return "object";
  }
  return "unknown";
}

absl::StatusOr<JsonNode> ParseJson(std::string_view json, int max_depth) {
  HugeNumbers input = SetAsideHugeNumbers(json);
  DomBuilder builder(max_depth, std::move(input.texts));
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(input.json.begin(), input.json.end(),
                                   &builder);
  } catch (const std::exception&) {
    return absl::InvalidArgumentError("malformed JSON");
  }
  if (!ok) {
    return absl::InvalidArgumentError(
        builder.error().empty() ? std::string("malformed JSON")
                                : builder.error());
  }
  return std::move(builder.root());
}

namespace {

void AppendJson(const JsonNode& node, std::string& out) {
  switch (node.kind) {
    case JsonNode::Kind::kNull:
      out += "null";
      return;
    case JsonNode::Kind::kBool:
      out += node.boolean ? "true" : "false";
      return;
    case JsonNode::Kind::kNumber:
      out += node.text;
      return;
    case JsonNode::Kind::kString:
      out += QuoteJson(node.text);
      return;
    case JsonNode::Kind::kArray:
      out += '[';
      for (size_t i = 0; i < node.items.size(); ++i) {
        if (i > 0) out += ',';
        AppendJson(node.items[i], out);
      }
      out += ']';
      return;
    case JsonNode::Kind::kObject:
      out += '{';
      for (size_t i = 0; i < node.members.size(); ++i) {
        if (i > 0) out += ',';
        out += QuoteJson(node.members[i].first);
        out += ':';
        AppendJson(node.members[i].second, out);
      }
      out += '}';
      return;
  }
}

}  // namespace

std::string DumpJson(const JsonNode& node) {
  std::string out;
  AppendJson(node, out);
  return out;
}

std::string QuoteJson(const std::string& s, bool strict) {
  return nlohmann::json(s).dump(
      -1, ' ', false,
      strict ? nlohmann::json::error_handler_t::strict
             : nlohmann::json::error_handler_t::replace);
}

}  // namespace tf::types_internal
