#include "devserver/src/list_filter.h"

#include <initializer_list>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver {
namespace {

using Filter = ::cloudidl::common::Filter;
using ::testing::HasSubstr;

cloudidl::common::ListRequest Request(
    std::initializer_list<std::pair<Filter::Function,
                                    std::vector<std::string>>> filters,
    const std::string& field = "client_id") {
  cloudidl::common::ListRequest r;
  for (const auto& [function, values] : filters) {
    Filter* f = r.add_filters();
    f->set_function(function);
    f->set_field(field);
    for (const std::string& v : values) f->add_values(v);
  }
  return r;
}

ListFilter Parsed(const cloudidl::common::ListRequest& r) {
  absl::StatusOr<ListFilter> f = ListFilter::Parse(r);
  EXPECT_TRUE(f.ok()) << f.status();
  return f.ok() ? *f : ListFilter();
}

TEST(ListFilterTest, NoFiltersMatchEverything) {
  ListFilter f = Parsed(cloudidl::common::ListRequest());
  EXPECT_TRUE(f.Matches("anything"));
  EXPECT_EQ(f.canonical(), "");
}

TEST(ListFilterTest, EachFunctionOnClientId) {
  struct Case {
    Filter::Function function;
    std::vector<std::string> values;
    std::vector<std::string> match, miss;
  };
  const Case cases[] = {
      {Filter::EQUAL, {"tf-a"}, {"tf-a"}, {"tf-ab", "tf-"}},
      {Filter::NOT_EQUAL, {"tf-a"}, {"tf-b"}, {"tf-a"}},
      {Filter::CONTAINS, {"tf-"}, {"tf-a", "x-tf-y"}, {"tf_a", "t"}},
      {Filter::CONTAINS_CASE_INSENSITIVE, {"TF-"}, {"tf-a"}, {"tfa"}},
      {Filter::ENDS_WITH, {"-prod"}, {"a-prod"}, {"a-prod-1", "prod"}},
      {Filter::NOT_ENDS_WITH, {"-prod"}, {"a-prod-1"}, {"a-prod"}},
      {Filter::VALUE_IN, {"a", "c"}, {"a", "c"}, {"b", "ac"}},
      {Filter::GREATER_THAN, {"k-5"}, {"k-6", "k-50"}, {"k-5", "k-4"}},
      {Filter::GREATER_THAN_OR_EQUAL, {"k-5"}, {"k-5", "k-6"}, {"k-4"}},
      {Filter::LESS_THAN, {"k-5"}, {"k-4"}, {"k-5", "k-50"}},
      {Filter::LESS_THAN_OR_EQUAL, {"k-5"}, {"k-5", "k-4"}, {"k-50"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(Filter::Function_Name(c.function));
    ListFilter f = Parsed(Request({{c.function, c.values}}));
    for (const std::string& id : c.match) EXPECT_TRUE(f.Matches(id)) << id;
    for (const std::string& id : c.miss) EXPECT_FALSE(f.Matches(id)) << id;
  }
}

TEST(ListFilterTest, SeveralFiltersAndTogether) {
  ListFilter f = Parsed(Request({{Filter::CONTAINS, {"tf-"}},
                                 {Filter::ENDS_WITH, {"-1"}},
                                 {Filter::NOT_EQUAL, {"tf-x-1"}}}));
  EXPECT_TRUE(f.Matches("tf-a-1"));
  EXPECT_FALSE(f.Matches("tf-x-1"));
  EXPECT_FALSE(f.Matches("tf-a-2"));
  EXPECT_FALSE(f.Matches("a-1"));
}

TEST(ListFilterTest, CanonicalTextDistinguishesFilters) {
  const std::string a =
      Parsed(Request({{Filter::CONTAINS, {"ab"}}})).canonical();
  const std::string b =
      Parsed(Request({{Filter::ENDS_WITH, {"ab"}}})).canonical();
  const std::string c =
      Parsed(Request({{Filter::VALUE_IN, {"a", "b"}}})).canonical();
  const std::string d =
      Parsed(Request({{Filter::VALUE_IN, {"ab"}}})).canonical();
  EXPECT_NE(a, b);
  EXPECT_NE(c, d);
  EXPECT_NE(a, "");
  EXPECT_EQ(a, Parsed(Request({{Filter::CONTAINS, {"ab"}}})).canonical());
}

TEST(ListFilterTest, UnsupportedFieldIsInvalidArgumentNamingIt) {
  absl::StatusOr<ListFilter> f =
      ListFilter::Parse(Request({{Filter::EQUAL, {"x"}}}, "client_name"));
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(f.status().message()),
              HasSubstr("request.filters[0].field: \"client_name\""));
  EXPECT_THAT(std::string(f.status().message()), HasSubstr("client_id"));
  // A huge field name is not echoed whole.
  f = ListFilter::Parse(Request({{Filter::EQUAL, {"x"}}}, std::string(5000, 'f')));
  ASSERT_FALSE(f.ok());
  EXPECT_LT(f.status().message().size(), 300u);
}

TEST(ListFilterTest, UnknownFunctionIsInvalidArgumentListingTheSupported) {
  cloudidl::common::ListRequest r = Request({{Filter::EQUAL, {"x"}}});
  r.mutable_filters(0)->set_function(static_cast<Filter::Function>(9));
  absl::StatusOr<ListFilter> f = ListFilter::Parse(r);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(f.status().message()),
              HasSubstr("request.filters[0].function: unknown function 9"));
  EXPECT_THAT(std::string(f.status().message()), HasSubstr("VALUE_IN"));
}

TEST(ListFilterTest, WrongValueCountsAndRawFiltersAreRefused) {
  const cloudidl::common::ListRequest bad[] = {
      Request({{Filter::EQUAL, {}}}),
      Request({{Filter::CONTAINS, {"a", "b"}}}),
      Request({{Filter::VALUE_IN, {}}}),
      Request({{Filter::EQUAL, {std::string(kMaxFilterValueBytes + 1, 'v')}}}),
  };
  for (const auto& r : bad) {
    absl::StatusOr<ListFilter> f = ListFilter::Parse(r);
    ASSERT_FALSE(f.ok()) << r.DebugString();
    EXPECT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(f.status().message()),
                HasSubstr("request.filters[0].values"));
  }
  cloudidl::common::ListRequest raw;
  raw.add_raw_filters("client_id == 'x'");
  absl::StatusOr<ListFilter> f = ListFilter::Parse(raw);
  ASSERT_FALSE(f.ok());
  EXPECT_THAT(std::string(f.status().message()), HasSubstr("raw_filters"));
}

}  // namespace
}  // namespace devserver
