// wire_expect.h (test-only): field-by-field expectations on the tfplugin6
// messages that describe schemas, shared by the proto6 service tests and the
// protocol tests that drive a provider process.
//   ExpectIdentitySchema(resp.identity_schemas().at("fwtest_item"), 1,
//                        {{.name = "key", .required_for_import = true}});
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tfplugin6.pb.h"

namespace tf::proto6 {

// One identity attribute as the wire should carry it (`type` is the JSON
// type, e.g. "\"string\"").
struct WantIdentityAttribute {
  std::string name;
  std::string type = "\"string\"";
  bool required_for_import = false;
  bool optional_for_import = false;
  std::optional<std::string> description = std::nullopt;  // unchecked if unset
};

// Expects `schema` at `version` with exactly the attributes `want`, in
// order, field by field.
inline void ExpectIdentitySchema(
    const tfplugin6::ResourceIdentitySchema& schema, int64_t version,
    const std::vector<WantIdentityAttribute>& want) {
  EXPECT_EQ(schema.version(), version);
  ASSERT_EQ(static_cast<size_t>(schema.identity_attributes_size()),
            want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const auto& got = schema.identity_attributes(static_cast<int>(i));
    SCOPED_TRACE(want[i].name);
    EXPECT_EQ(got.name(), want[i].name);
    EXPECT_EQ(got.type(), want[i].type);
    EXPECT_EQ(got.required_for_import(), want[i].required_for_import);
    EXPECT_EQ(got.optional_for_import(), want[i].optional_for_import);
    if (want[i].description.has_value()) {
      EXPECT_EQ(got.description(), *want[i].description);
    }
  }
}

// One function parameter as the wire should carry it.
struct WantParameter {
  std::string name;
  std::string type = "\"string\"";
  bool allow_null_value = false;
  bool allow_unknown_values = false;
  std::string description = "";
};

inline void ExpectParameter(const tfplugin6::Function::Parameter& got,
                            const WantParameter& want) {
  SCOPED_TRACE(want.name);
  EXPECT_EQ(got.name(), want.name);
  EXPECT_EQ(got.type(), want.type);
  EXPECT_EQ(got.allow_null_value(), want.allow_null_value);
  EXPECT_EQ(got.allow_unknown_values(), want.allow_unknown_values);
  EXPECT_EQ(got.description(), want.description);
  EXPECT_EQ(got.description_kind(), tfplugin6::MARKDOWN);
}

}  // namespace tf::proto6
