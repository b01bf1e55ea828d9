#include "provider/framework/proto6/diagnostics.h"

#include "gtest/gtest.h"

namespace tf::proto6 {
namespace {

TEST(DiagnosticsProtoTest, SeverityTextAndPath) {
  Diagnostics d;
  d.AddError("bad", "very bad");
  d.AddAttributeWarning(Path::Root("redirect_uris").Index(0), "hm", "detail");
  tfplugin6::ValidateResourceConfig::Response resp;
  AppendDiagnostics(d, resp.mutable_diagnostics());
  ASSERT_EQ(resp.diagnostics_size(), 2);
  const auto& e = resp.diagnostics(0);
  EXPECT_EQ(e.severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_EQ(e.summary(), "bad");
  EXPECT_EQ(e.detail(), "very bad");
  EXPECT_FALSE(e.has_attribute());
  const auto& w = resp.diagnostics(1);
  EXPECT_EQ(w.severity(), tfplugin6::Diagnostic::WARNING);
  ASSERT_TRUE(w.has_attribute());
  ASSERT_EQ(w.attribute().steps_size(), 2);
  EXPECT_EQ(w.attribute().steps(0).attribute_name(), "redirect_uris");
  EXPECT_EQ(w.attribute().steps(1).element_key_int(), 0);
}

}  // namespace
}  // namespace tf::proto6
