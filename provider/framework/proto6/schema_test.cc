#include "provider/framework/proto6/schema.h"

#include "gtest/gtest.h"

namespace tf::proto6 {
namespace {

TEST(SchemaProtoTest, AttributesFlagsAndBlocks) {
  Schema s{.version = 3,
           .block = {
               .attributes = {{.name = "name",
                               .type = Type::String(),
                               .presence = Presence::kRequired,
                               .description = "The name."},
                              {.name = "tags",
                               .type = Type::List(Type::String()),
                               .presence = Presence::kOptional,
                               .deprecation_message = "gone soon"},
                              {.name = "mode",
                               .type = Type::String(),
                               .presence = Presence::kOptionalComputed},
                              {.name = "id",
                               .type = Type::String(),
                               .presence = Presence::kComputed,
                               .sensitive = true},
                              {.name = "pw",
                               .type = Type::String(),
                               .presence = Presence::kOptional,
                               .write_only = true}},
               .blocks = {{.type_name = "rule",
                           .block = {.attributes = {{.name = "port",
                                                     .type = Type::Number(),
                                                     .presence =
                                                         Presence::kRequired}}},
                           .nesting = Nesting::kSet,
                           .min_items = 1,
                           .max_items = 4}},
               .description = "A thing."}};
  tfplugin6::Schema p;
  SchemaToProto(s, &p);
  EXPECT_EQ(p.version(), 3);
  EXPECT_EQ(p.block().description(), "A thing.");
  EXPECT_EQ(p.block().description_kind(), tfplugin6::MARKDOWN);
  ASSERT_EQ(p.block().attributes_size(), 5);
  const auto& name = p.block().attributes(0);
  EXPECT_EQ(name.name(), "name");
  EXPECT_EQ(name.type(), "\"string\"");
  EXPECT_TRUE(name.required());
  EXPECT_FALSE(name.optional());
  EXPECT_FALSE(name.computed());
  EXPECT_EQ(name.description(), "The name.");
  const auto& tags = p.block().attributes(1);
  EXPECT_EQ(tags.type(), "[\"list\",\"string\"]");
  EXPECT_TRUE(tags.optional());
  EXPECT_TRUE(tags.deprecated());
  const auto& mode = p.block().attributes(2);
  EXPECT_TRUE(mode.optional());
  EXPECT_TRUE(mode.computed());
  const auto& id = p.block().attributes(3);
  EXPECT_TRUE(id.computed());
  EXPECT_FALSE(id.optional());
  EXPECT_TRUE(id.sensitive());
  EXPECT_TRUE(p.block().attributes(4).write_only());
  ASSERT_EQ(p.block().block_types_size(), 1);
  const auto& rule = p.block().block_types(0);
  EXPECT_EQ(rule.type_name(), "rule");
  EXPECT_EQ(rule.nesting(), tfplugin6::Schema::NestedBlock::SET);
  EXPECT_EQ(rule.min_items(), 1);
  EXPECT_EQ(rule.max_items(), 4);
  EXPECT_EQ(rule.block().attributes(0).type(), "\"number\"");
}

TEST(SchemaProtoTest, EmptySchemaStillHasBlock) {
  tfplugin6::Schema p;
  SchemaToProto(Schema{}, &p);
  EXPECT_TRUE(p.has_block());
  EXPECT_EQ(p.block().attributes_size(), 0);
}

}  // namespace
}  // namespace tf::proto6
