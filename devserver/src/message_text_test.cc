#include "devserver/src/message_text.h"

#include <string>

#include "gtest/gtest.h"

namespace devserver {
namespace {

TEST(MessageTextTest, ShortValuesAreKept) {
  EXPECT_EQ(TruncateForMessage(""), "");
  EXPECT_EQ(TruncateForMessage("key-1"), "key-1");
  const std::string exact(kMaxQuotedBytes, 'a');
  EXPECT_EQ(TruncateForMessage(exact), exact);
  EXPECT_EQ(QuoteForMessage("key-1"), "\"key-1\"");
}

TEST(MessageTextTest, LongValuesAreCutAndSized) {
  const std::string huge(10000, 'x');
  const std::string cut = TruncateForMessage(huge);
  EXPECT_EQ(cut, std::string(kMaxQuotedBytes, 'x') + "\xE2\x80\xA6(10000 bytes)");
  EXPECT_EQ(QuoteForMessage(huge), "\"" + cut + "\"");
}

TEST(MessageTextTest, NeverSplitsAUtf8Character) {
  // 63 ASCII bytes, then a 2-byte character straddling the cut.
  const std::string value = std::string(kMaxQuotedBytes - 1, 'a') +
                            "\xC3\xA9" + std::string(100, 'b');
  const std::string cut = TruncateForMessage(value);
  EXPECT_EQ(cut.substr(0, kMaxQuotedBytes - 1),
            std::string(kMaxQuotedBytes - 1, 'a'));
  EXPECT_EQ(cut.substr(kMaxQuotedBytes - 1, 3), "\xE2\x80\xA6");
  EXPECT_NE(cut.find("(165 bytes)"), std::string::npos);
}

}  // namespace
}  // namespace devserver
