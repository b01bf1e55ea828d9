#include "provider/framework/proto6/attribute_path.h"

#include "gtest/gtest.h"

namespace tf::proto6 {
namespace {

TEST(AttributePathTest, RoundTrip) {
  Path p = Path::Root("rule").Index(2).Attr("tags").Key("env");
  tfplugin6::AttributePath proto;
  AttributePathToProto(p, &proto);
  ASSERT_EQ(proto.steps_size(), 4);
  EXPECT_EQ(proto.steps(0).attribute_name(), "rule");
  EXPECT_EQ(proto.steps(1).element_key_int(), 2);
  EXPECT_EQ(proto.steps(2).attribute_name(), "tags");
  EXPECT_EQ(proto.steps(3).element_key_string(), "env");
  EXPECT_EQ(AttributePathFromProto(proto), p);
  EXPECT_EQ(AttributePathFromProto(proto).ToString(), p.ToString());
}

TEST(AttributePathTest, EmptyIsRoot) {
  tfplugin6::AttributePath proto;
  EXPECT_TRUE(AttributePathFromProto(proto).empty());
  AttributePathToProto(Path(), &proto);
  EXPECT_EQ(proto.steps_size(), 0);
}

}  // namespace
}  // namespace tf::proto6
