#include "provider/framework/types/json_dom.h"

#include <gtest/gtest.h>

#include <string>

namespace tf::types_internal {
namespace {

std::string Reparse(const std::string& json) {
  absl::StatusOr<JsonNode> node = ParseJson(json, 16);
  EXPECT_TRUE(node.ok()) << node.status();
  return node.ok() ? DumpJson(*node) : "";
}

TEST(JsonDomTest, DumpKeepsNumberTextExactly) {
  EXPECT_EQ(Reparse(R"({"count":123456789012345678901234567890})"),
            R"({"count":123456789012345678901234567890})");
  EXPECT_EQ(Reparse("[-1.25e+300, 0.1, 18446744073709551616, -7]"),
            "[-1.25e+300,0.1,18446744073709551616,-7]");
}

// nlohmann/json refuses numbers beyond a double's range; cty numbers are
// arbitrary-precision, so they must still parse, with their exact text
// (regression fuzz_msgpack/number-beyond-double-range-json).
TEST(JsonDomTest, NumbersBeyondDoubleRangeKeepTheirText) {
  const std::string huge = "1" + std::string(400, '0');
  EXPECT_EQ(Reparse("{\"a\":" + huge + ",\"b\":\"9e999 in a string\",\"c\":-2e400,"
                    "\"d\":[1e-400,7]}"),
            "{\"a\":" + huge +
                ",\"b\":\"9e999 in a string\",\"c\":-2e400,\"d\":[1e-400,7]}");
  EXPECT_EQ(Reparse("[\"\\\"\", 1e999]"), "[\"\\\"\",1e999]");
  EXPECT_FALSE(ParseJson("[1e999,", 8).ok());
}

TEST(JsonDomTest, DumpIsCompactAndKeepsMemberOrder) {
  EXPECT_EQ(Reparse("{ \"b\" : [ true , false , null ],\n \"a\" : { } }"),
            R"({"b":[true,false,null],"a":{}})");
  EXPECT_EQ(Reparse(R"(["a\"b\n", "\u00e9"])"), "[\"a\\\"b\\n\",\"\xc3\xa9\"]");
  EXPECT_EQ(Reparse("[]"), "[]");
  EXPECT_EQ(Reparse("\"\""), "\"\"");
}

TEST(JsonDomTest, ParseRejectsTooDeepAndMalformed) {
  EXPECT_FALSE(ParseJson("[[[]]]", 2).ok());
  EXPECT_TRUE(ParseJson("[[[]]]", 3).ok());
  EXPECT_FALSE(ParseJson("{\"a\":", 8).ok());
}

}  // namespace
}  // namespace tf::types_internal
