#include "devserver/src/page_token.h"

#include "gtest/gtest.h"

namespace devserver {
namespace {

const std::string kListing = ListingKey("org", "");

TEST(PageTokenTest, RoundTrips) {
  for (const char* id : {"a", "key-099", "x.y_z-1"}) {
    absl::StatusOr<std::string> back =
        DecodePageToken(EncodePageToken(kListing, id), kListing);
    ASSERT_TRUE(back.ok()) << id;
    EXPECT_EQ(*back, id);
  }
}

TEST(PageTokenTest, TokenIsOpaque) {
  EXPECT_EQ(EncodePageToken(kListing, "key-099").find("key-099"),
            std::string::npos);
}

TEST(PageTokenTest, EmptyTokenStartsAtTheBeginning) {
  EXPECT_EQ(*DecodePageToken("", kListing), "");
}

TEST(PageTokenTest, ForeignTokensAreInvalidArgumentNamingTheField) {
  for (const std::string& bad :
       {std::string("!!!"), std::string("bm90LW91cnM"),
        EncodePageToken(kListing, ""), std::string(5000, 'A')}) {
    absl::StatusOr<std::string> r = DecodePageToken(bad, kListing);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(std::string(r.status().message()).find("request.token"),
              std::string::npos);
  }
}

TEST(PageTokenTest, TokenIsBoundToItsListing) {
  const std::string token = EncodePageToken(kListing, "key-099");
  for (const std::string& other :
       {ListingKey("other-org", ""), ListingKey("org", "6(1)3:abc"),
        ListingKey("", "")}) {
    absl::StatusOr<std::string> r = DecodePageToken(token, other);
    ASSERT_FALSE(r.ok()) << other;
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(std::string(r.status().message()).find("other filters"),
              std::string::npos);
  }
  // Organization and filters cannot be confused by concatenation.
  EXPECT_NE(ListingKey("ab", "c"), ListingKey("a", "bc"));
}

}  // namespace
}  // namespace devserver
