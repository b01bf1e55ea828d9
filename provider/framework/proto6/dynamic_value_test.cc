#include "provider/framework/proto6/dynamic_value.h"

#include <string>

#include "gtest/gtest.h"

namespace tf::proto6 {
namespace {

const Type kType = Type::Object({{"id", Type::String()},
                                 {"name", Type::String()},
                                 {"secret", Type::String()}});

TEST(DynamicValueTest, EmptyIsNull) {
  absl::StatusOr<Value> v = DynamicValueFromProto({}, kType);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_TRUE(v->IsNull());
}

TEST(DynamicValueTest, DecodesTheSeenWireExample) {
  // {id=null,name="alpha",secret="s3cr3t"} as the CLI sent it.
  const unsigned char bytes[] = {0x83, 0xa2, 'i',  'd', 0xc0, 0xa4, 'n', 'a',
                                 'm',  'e',  0xa5, 'a', 'l',  'p',  'h', 'a',
                                 0xa6, 's',  'e',  'c', 'r',  'e',  't', 0xa6,
                                 's',  '3',  'c',  'r', '3',  't'};
  tfplugin6::DynamicValue proto;
  proto.set_msgpack(
      std::string(reinterpret_cast<const char*>(bytes), sizeof(bytes)));
  absl::StatusOr<Value> v = DynamicValueFromProto(proto, kType);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_TRUE(v->Attr("id").IsNull());
  EXPECT_EQ(v->Attr("name"), Value::String("alpha"));

  tfplugin6::DynamicValue back;
  ASSERT_TRUE(DynamicValueToProto(*v, kType, &back).ok());
  EXPECT_EQ(back.msgpack(), proto.msgpack());
  EXPECT_TRUE(back.json().empty());
}

TEST(DynamicValueTest, DecodesJson) {
  tfplugin6::DynamicValue proto;
  proto.set_json(R"({"id":"x","name":"n","secret":null})");
  absl::StatusOr<Value> v = DynamicValueFromProto(proto, kType);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->Attr("id"), Value::String("x"));
}

TEST(DynamicValueTest, MalformedIsAnError) {
  tfplugin6::DynamicValue proto;
  proto.set_msgpack(std::string("\x83\xa2id", 4));
  EXPECT_FALSE(DynamicValueFromProto(proto, kType).ok());
  tfplugin6::DynamicValue out;
  EXPECT_FALSE(DynamicValueToProto(Value::Int(1), kType, &out).ok());
}

}  // namespace
}  // namespace tf::proto6
