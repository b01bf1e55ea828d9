// ListFilter: the filters of ListAppsRequest.request.filters, checked and
// turned into a predicate on client_id.
//
//   absl::StatusOr<ListFilter> filter =
//       ListFilter::Parse(request.request());     // InvalidArgument naming it
//   store.List(org, after, limit, [&](absl::string_view id) {
//     return filter->Matches(id);
//   });
//
// Only the field `client_id` can be filtered. Every function of
// cloudidl.common.Filter is supported, comparing bytes exactly:
//   EQUAL, NOT_EQUAL                        one value
//   GREATER_THAN(_OR_EQUAL), LESS_THAN(_OR_EQUAL)  one value, byte order
//   CONTAINS, ENDS_WITH, NOT_ENDS_WITH      one value
//   CONTAINS_CASE_INSENSITIVE               one value, ASCII letters folded
//   VALUE_IN                                1..kMaxFilterValues values
// Several filters AND together. raw_filters (free text) are refused.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cloudidl/common/list.pb.h"

namespace devserver {

inline constexpr std::size_t kMaxFilters = 16;
inline constexpr std::size_t kMaxFilterValues = 1000;
inline constexpr std::size_t kMaxFilterValueBytes = 255;

class ListFilter final {
 public:
  // No filters: everything matches.
  ListFilter() = default;

  // The filters of `request`; InvalidArgument naming the offending filter
  // (`request.filters[1].field: ...`) and what is supported.
  [[nodiscard]] static absl::StatusOr<ListFilter> Parse(
      const cloudidl::common::ListRequest& request);

  // True when `client_id` satisfies every filter.
  [[nodiscard]] bool Matches(absl::string_view client_id) const;

  // An unambiguous text of the filters ("" when there are none): equal
  // texts select the same apps. Page tokens are bound to it.
  [[nodiscard]] const std::string& canonical() const { return canonical_; }

 private:
  struct Condition {
    cloudidl::common::Filter::Function function;
    std::vector<std::string> values;
  };
  std::vector<Condition> conditions_;
  std::string canonical_;
};

}  // namespace devserver
