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
#include <vector>

#include "gtest/gtest.h"
#include "provider/union/api_key_data_source.h"
#include "provider/union/api_key_resource.h"
#include "provider/union/api_keys_data_source.h"
#include "provider/union/ephemeral_access_token.h"
#include "provider/union/ephemeral_api_key.h"
#include "provider/union/functions.h"
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
    case tf::Presence::kRequired:
      return "Required";
    case tf::Presence::kOptional:
    case tf::Presence::kOptionalComputed:
      return "Optional";
    case tf::Presence::kComputed:
      return "Read-Only";
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
    EXPECT_EQ(a.sensitive,
              it->second.line.find("Sensitive") != std::string::npos)
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

// The bullets under `heading` in `doc` name exactly the attributes of the
// object type `object`.
void ExpectObjectDocumented(const std::string& doc, const std::string& heading,
                            const tf::Type& object) {
  std::set<std::string> want, got;
  for (const auto& [name, type] : object.attribute_types()) want.insert(name);
  for (const auto& [name, entry] : Bullets(ReadDoc(doc), heading)) {
    got.insert(name);
  }
  EXPECT_EQ(got, want) << doc << " " << heading;
}

TEST(DocsMatchSchema, ApiKeysDataSource) {
  ExpectDocumented("data-sources/api_keys.md", ApiKeysDataSource().GetSchema());
  ExpectObjectDocumented("data-sources/api_keys.md",
                         "### Nested Schema for `keys`", KeyObjectType());
}

// A function's type as the registry docs write it in a signature.
std::string SignatureType(const tf::Type& t) {
  switch (t.kind()) {
    case tf::TypeKind::kString:
      return "string";
    case tf::TypeKind::kNumber:
      return "number";
    case tf::TypeKind::kBool:
      return "bool";
    case tf::TypeKind::kObject:
      return "object";
    case tf::TypeKind::kDynamic:
      return "dynamic";
    default:
      return t.FriendlyName();
  }
}

// A function's doc (docs/functions/<name>.md) has its signature, as
// generated from the definition, and one "1. `name` (Type) description"
// line per parameter under "## Arguments", in order.
void ExpectFunctionDocumented(tf::Function& f) {
  const std::string rel = "functions/" + f.Name() + ".md";
  SCOPED_TRACE(rel);
  const std::string doc = ReadDoc(rel);
  const tf::FunctionDefinition def = f.Definition();
  std::string signature = f.Name() + "(";
  for (size_t i = 0; i < def.parameters.size(); ++i) {
    if (i > 0) signature += ", ";
    signature +=
        def.parameters[i].name + " " + SignatureType(def.parameters[i].type);
  }
  signature += ") " + SignatureType(def.return_type);
  EXPECT_NE(doc.find("\n" + signature + "\n"), std::string::npos)
      << "signature not documented: " << signature;
  EXPECT_NE(doc.find("# function: " + f.Name() + "\n"), std::string::npos);
  EXPECT_NE(doc.find(def.summary), std::string::npos)
      << "summary not in the doc: " << def.summary;
  std::vector<std::string> documented;
  std::istringstream in(doc);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      inside = line == "## Arguments";
      continue;
    }
    if (inside && line.rfind("1. `", 0) == 0) {
      documented.push_back(line.substr(4, line.find('`', 4) - 4));
      EXPECT_NE(line.find("(String)"), std::string::npos) << line;
    }
  }
  std::vector<std::string> in_code;
  for (const tf::FunctionParameter& p : def.parameters) {
    in_code.push_back(p.name);
  }
  EXPECT_EQ(documented, in_code);
}

TEST(DocsMatchSchema, Functions) {
  DecodeApiKeyFunction decode;
  EncodeApiKeyFunction encode;
  ExpectFunctionDocumented(decode);
  ExpectFunctionDocumented(encode);
  // decode_api_key's return object is documented attribute by attribute.
  ExpectObjectDocumented("functions/decode_api_key.md", "## Return Type",
                         DecodedApiKeyType());
}

TEST(DocsMatchSchema, EphemeralApiKey) {
  ExpectDocumented("ephemeral-resources/api_key.md",
                   EphemeralApiKey().GetSchema());
}

TEST(DocsMatchSchema, EphemeralAccessToken) {
  ExpectDocumented("ephemeral-resources/access_token.md",
                   EphemeralAccessToken().GetSchema());
}

// Every attribute of union_api_key with declared validators has a row in
// the doc's "## Validation" table, and every row names such an attribute.
TEST(DocsMatchSchema, ResourceValidationTableCoversTheDeclaredValidators) {
  const tf::Schema schema = ApiKeyResource().GetSchema();
  std::set<std::string> declared;
  for (const tf::Attribute& a : schema.block.attributes) {
    if (!a.validators.empty()) declared.insert(a.name);
  }
  ASSERT_FALSE(declared.empty());
  std::set<std::string> documented;
  std::istringstream in(ReadDoc("resources/api_key.md"));
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      inside = line == "## Validation";
      continue;
    }
    if (!inside || line.rfind("| `", 0) != 0) continue;
    // The first cell: one or more `attribute` names.
    const std::string cell = line.substr(1, line.find('|', 1) - 1);
    for (size_t at = cell.find('`'); at != std::string::npos;
         at = cell.find('`', cell.find('`', at + 1) + 1)) {
      documented.insert(cell.substr(at + 1, cell.find('`', at + 1) - at - 1));
    }
  }
  for (const std::string& name : declared) {
    EXPECT_EQ(documented.count(name), 1u) << name << " has no row";
  }
  for (const std::string& name : documented) {
    EXPECT_NE(schema.FindAttribute(name), nullptr) << name;
  }
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
