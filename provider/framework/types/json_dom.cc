#include "provider/framework/types/json_dom.h"

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"

namespace tf::types_internal {
namespace {

// Builds a JsonNode tree from nlohmann SAX events.
class DomBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit DomBuilder(int max_depth) : max_depth_(max_depth) {}

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
    n.text = std::move(text);
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
  DomBuilder builder(max_depth);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(json.begin(), json.end(), &builder);
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
