#include "gtest/gtest.h"
#include "provider/framework/sdk/capabilities.h"

namespace tf {
namespace {

Value EmptyState() {
  return Value::Object({{"id", Value::Null(Type::String())},
                        {"size", Value::Null(Type::Number())}});
}

TEST(ImportStatePassthroughIDTest, SetsAttribute) {
  ImportStateResponse resp{.state = EmptyState()};
  ImportStatePassthroughID(Path::Root("id"), {.id = "abc"}, resp);
  EXPECT_FALSE(resp.diagnostics.HasError());
  EXPECT_EQ(resp.state.Attr("id"), Value::String("abc"));
  EXPECT_TRUE(resp.state.Attr("size").IsNull());
}

TEST(ImportStatePassthroughIDTest, Errors) {
  ImportStateResponse empty{.state = EmptyState()};
  ImportStatePassthroughID(Path::Root("id"), {.id = ""}, empty);
  EXPECT_TRUE(empty.diagnostics.HasError());

  ImportStateResponse not_string{.state = EmptyState()};
  ImportStatePassthroughID(Path::Root("size"), {.id = "x"}, not_string);
  EXPECT_TRUE(not_string.diagnostics.HasError());

  ImportStateResponse nested{.state = EmptyState()};
  ImportStatePassthroughID(Path::Root("id").Index(0), {.id = "x"}, nested);
  EXPECT_TRUE(nested.diagnostics.HasError());
}

TEST(ContextTest, Stopped) {
  EXPECT_FALSE(Context().Stopped());
  auto flag = std::make_shared<std::atomic<bool>>(false);
  Context ctx(flag);
  EXPECT_FALSE(ctx.Stopped());
  flag->store(true);
  EXPECT_TRUE(ctx.Stopped());
}

}  // namespace
}  // namespace tf
