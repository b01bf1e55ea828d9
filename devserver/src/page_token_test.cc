#include "devserver/src/page_token.h"

#include "gtest/gtest.h"

namespace devserver {
namespace {

TEST(PageTokenTest, RoundTrips) {
  for (const char* id : {"a", "key-099", "x.y_z-1"}) {
    absl::StatusOr<std::string> back = DecodePageToken(EncodePageToken(id));
    ASSERT_TRUE(back.ok()) << id;
    EXPECT_EQ(*back, id);
  }
}

TEST(PageTokenTest, TokenIsOpaque) {
  EXPECT_EQ(EncodePageToken("key-099").find("key-099"), std::string::npos);
}

TEST(PageTokenTest, EmptyTokenStartsAtTheBeginning) {
  EXPECT_EQ(*DecodePageToken(""), "");
}

TEST(PageTokenTest, ForeignTokensAreInvalidArgumentNamingTheField) {
  for (const std::string& bad : {std::string("!!!"), std::string("bm90LW91cnM"),
                                 EncodePageToken(""), std::string(5000, 'A')}) {
    absl::StatusOr<std::string> r = DecodePageToken(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(std::string(r.status().message()).find("request.token"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace devserver
