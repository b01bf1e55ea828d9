// json_dom.h: internal. A small JSON tree whose numbers keep their decimal
// text (nlohmann's DOM would round big numbers through double), parsed with
// nlohmann's SAX interface under a nesting limit.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace tf::types_internal {

struct JsonNode {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;  // kNumber: decimal text; kString: the string
  std::vector<JsonNode> items;                            // kArray
  std::vector<std::pair<std::string, JsonNode>> members;  // kObject, in order

  // Declared here and defaulted below: clang instantiates the member
  // vectors' destructors at the implicit declarations, while
  // pair<string, JsonNode> is still incomplete.
  JsonNode();
  ~JsonNode();
  JsonNode(const JsonNode&);
  JsonNode(JsonNode&&) noexcept;
  JsonNode& operator=(const JsonNode&);
  JsonNode& operator=(JsonNode&&) noexcept;
};

inline JsonNode::JsonNode() = default;
inline JsonNode::~JsonNode() = default;
inline JsonNode::JsonNode(const JsonNode&) = default;
inline JsonNode::JsonNode(JsonNode&&) noexcept = default;
inline JsonNode& JsonNode::operator=(const JsonNode&) = default;
inline JsonNode& JsonNode::operator=(JsonNode&&) noexcept = default;

// "null", "bool", "number", "string", "array", "object".
const char* JsonKindName(JsonNode::Kind kind);

// Parses one JSON document. InvalidArgument on syntax errors or nesting
// deeper than `max_depth` arrays/objects.
absl::StatusOr<JsonNode> ParseJson(std::string_view json, int max_depth);

// Compact JSON text of `node`: numbers are written as their decimal text,
// object members in order. DumpJson(*ParseJson(s, d)) is s without
// insignificant whitespace (and with strings re-escaped).
std::string DumpJson(const JsonNode& node);

// A JSON string literal (quoted, escaped). Invalid UTF-8 is replaced by
// U+FFFD, or, when `strict`, throws nlohmann's type_error.
std::string QuoteJson(const std::string& s, bool strict = false);

}  // namespace tf::types_internal

namespace tf {
class Type;
}

namespace tf::types_internal {
// A Type from its parsed cty type JSON.
absl::StatusOr<Type> TypeFromJsonNode(const JsonNode& node);
}  // namespace tf::types_internal
