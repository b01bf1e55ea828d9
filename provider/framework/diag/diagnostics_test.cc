#include "provider/framework/diag/diagnostics.h"

#include "gtest/gtest.h"

namespace tf {
namespace {

TEST(DiagnosticsTest, EmptyHasNoError) {
  Diagnostics d;
  EXPECT_TRUE(d.empty());
  EXPECT_FALSE(d.HasError());
}

TEST(DiagnosticsTest, WarningsAreNotErrors) {
  Diagnostics d;
  d.AddWarning("careful", "detail");
  d.AddAttributeWarning(Path::Root("name"), "careful", "detail");
  EXPECT_FALSE(d.empty());
  EXPECT_FALSE(d.HasError());
  ASSERT_EQ(d.items().size(), 2u);
  EXPECT_EQ(d.items()[1].attribute->ToString(), "name");
}

TEST(DiagnosticsTest, AttributeErrorKeepsPath) {
  Diagnostics d;
  d.AddAttributeError(Path::Root("tags").Index(2), "bad", "worse");
  ASSERT_TRUE(d.HasError());
  const Diagnostic& item = d.items().front();
  EXPECT_EQ(item.severity, Severity::kError);
  EXPECT_EQ(item.summary, "bad");
  EXPECT_EQ(item.detail, "worse");
  ASSERT_TRUE(item.attribute.has_value());
  EXPECT_EQ(item.attribute->ToString(), "tags[2]");
}

TEST(DiagnosticsTest, AppendKeepsOrder) {
  Diagnostics a, b;
  a.AddWarning("first", "");
  b.AddError("second", "");
  a.Append(b);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a.items()[0].summary, "first");
  EXPECT_EQ(a.items()[1].summary, "second");
  EXPECT_TRUE(a.HasError());
  EXPECT_FALSE(a.items()[0].attribute.has_value());
}

}  // namespace
}  // namespace tf
