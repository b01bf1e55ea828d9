// docs_schema_test.cc: every attribute of every schema is documented, in
// the right section, and the docs list nothing the code does not have.
//
// The docs (registry layout, under docs/) have a "## Schema" section with
// "### Required", "### Optional" and "### Read-Only" lists of
// "- `name` (Type, ...) description" bullets, and "### Nested Schema for
// `attr`" sections for nested objects.
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "provider/union/api_key_data_source.h"
#include "provider/union/api_key_resource.h"
#include "provider/union/api_keys_data_source.h"
#include "provider/union/model.h"
#include "provider/union/provider_config.h"

#ifndef TFPU_DOCS_DIR
#error "TFPU_DOCS_DIR must be defined"
#endif

namespace union_provider {
namespace {

struct DocEntry {
  std::string section;  // "Required", "Optional", "Read-Only"
  std::string line;
};
using DocSection = std::map<std::string, DocEntry>;  // attribute -> entry

std::string ReadDoc(const std::string& rel) {
  std::ifstream in(std::string(TFPU_DOCS_DIR) + "/" + rel);
  EXPECT_TRUE(in.good()) << "missing doc " << rel;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The bullets under `heading` (a full heading line, e.g. "## Schema") up to
// the next heading of the same or a higher level, or a "### Nested Schema".
DocSection Bullets(const std::string& doc, const std::string& heading) {
  DocSection out;
  std::istringstream in(doc);
  std::string line, section;
  bool inside = false;
  const size_t level = heading.find(' ');
  while (std::getline(in, line)) {
    if (!inside) {
      inside = line == heading;
      continue;
    }
    if (line.rfind("#", 0) == 0) {
      const size_t l = line.find(' ');
      if (l <= level || line.rfind("### Nested Schema", 0) == 0) break;
      section = line.substr(l + 1);
      continue;
    }
    if (line.rfind("- `", 0) == 0) {
      const size_t end = line.find('`', 3);
      if (end == std::string::npos) continue;
      out[line.substr(3, end - 3)] = {section, line};
    }
  }
  EXPECT_TRUE(inside) << "no \"" << heading << "\" heading";
  return out;
}

std::string SectionFor(tf::Presence p) {
  switch (p) {
    case tf::Presence::kRequired: return "Required";
    case tf::Presence::kOptional:
    case tf::Presence::kOptionalComputed: return "Optional";
    case tf::Presence::kComputed: return "Read-Only";
  }
  return "";
}

void ExpectDocumented(const std::string& doc_path, const tf::Schema& schema) {
  SCOPED_TRACE(doc_path);
  const std::string doc = ReadDoc(doc_path);
  DocSection documented = Bullets(doc, "## Schema");
  std::set<std::string> in_code;
  for (const tf::Attribute& a : schema.block.attributes) {
    in_code.insert(a.name);
    auto it = documented.find(a.name);
    if (it == documented.end()) {
      ADD_FAILURE() << "attribute `" << a.name << "` is not documented";
      continue;
    }
    EXPECT_EQ(it->second.section, SectionFor(a.presence)) << a.name;
    EXPECT_EQ(a.sensitive, it->second.line.find("Sensitive") != std::string::npos)
        << a.name << ": the doc must say Sensitive exactly for sensitive "
        << "attributes: " << it->second.line;
  }
  for (const auto& [name, entry] : documented) {
    EXPECT_TRUE(in_code.count(name) == 1)
        << "documented attribute `" << name << "` is not in the schema";
  }
}

TEST(DocsMatchSchema, Provider) {
  ExpectDocumented("index.md", ProviderSchema());
}

TEST(DocsMatchSchema, ApiKeyResource) {
  ExpectDocumented("resources/api_key.md", ApiKeyResource().GetSchema());
}

TEST(DocsMatchSchema, ApiKeyDataSource) {
  ExpectDocumented("data-sources/api_key.md", ApiKeyDataSource().GetSchema());
}

TEST(DocsMatchSchema, ApiKeysDataSource) {
  ExpectDocumented("data-sources/api_keys.md", ApiKeysDataSource().GetSchema());
  DocSection nested = Bullets(ReadDoc("data-sources/api_keys.md"),
                              "### Nested Schema for `keys`");
  std::set<std::string> want, got;
  const tf::Type key_type = KeyObjectType();
  for (const auto& [name, type] : key_type.attribute_types()) {
    want.insert(name);
  }
  for (const auto& [name, entry] : nested) got.insert(name);
  EXPECT_EQ(got, want);
}

TEST(DocsMatchSchema, ParserFindsBulletsAndSections) {
  const std::string doc =
      "# t\n\n## Schema\n\n### Required\n\n- `a` (String) x\n\n"
      "### Read-Only\n\n- `b` (String, Sensitive) y\n\n## Import\n\n- `c` z\n";
  DocSection s = Bullets(doc, "## Schema");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s["a"].section, "Required");
  EXPECT_EQ(s["b"].section, "Read-Only");
}

}  // namespace
}  // namespace union_provider
