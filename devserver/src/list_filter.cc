#include "devserver/src/list_filter.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "devserver/src/message_text.h"

namespace devserver {
namespace {

using Filter = ::cloudidl::common::Filter;

constexpr absl::string_view kField = "client_id";
constexpr absl::string_view kSupportedFunctions =
    "EQUAL, NOT_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN, "
    "LESS_THAN_OR_EQUAL, CONTAINS, CONTAINS_CASE_INSENSITIVE, ENDS_WITH, "
    "NOT_ENDS_WITH, VALUE_IN";

absl::Status Invalid(absl::string_view where, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(where, ": ", problem));
}

bool Holds(Filter::Function function, absl::string_view id,
           const std::vector<std::string>& values) {
  const std::string& v = values.front();
  switch (function) {
    case Filter::EQUAL:
      return id == v;
    case Filter::NOT_EQUAL:
      return id != v;
    case Filter::GREATER_THAN:
      return id > v;
    case Filter::GREATER_THAN_OR_EQUAL:
      return id >= v;
    case Filter::LESS_THAN:
      return id < v;
    case Filter::LESS_THAN_OR_EQUAL:
      return id <= v;
    case Filter::CONTAINS:
      return absl::StrContains(id, v);
    case Filter::CONTAINS_CASE_INSENSITIVE:
      return absl::StrContains(absl::AsciiStrToLower(id),
                               absl::AsciiStrToLower(v));
    case Filter::ENDS_WITH:
      return absl::EndsWith(id, v);
    case Filter::NOT_ENDS_WITH:
      return !absl::EndsWith(id, v);
    case Filter::VALUE_IN:
      return std::find(values.begin(), values.end(), id) != values.end();
    default:
      return false;  // Parse admits only the functions above.
  }
}

}  // namespace

absl::StatusOr<ListFilter> ListFilter::Parse(
    const cloudidl::common::ListRequest& request) {
  if (request.raw_filters_size() > 0) {
    return Invalid("request.raw_filters",
                   "not supported; use request.filters on field client_id");
  }
  if (static_cast<std::size_t>(request.filters_size()) > kMaxFilters) {
    return Invalid("request.filters",
                   absl::StrCat("must have at most ", kMaxFilters, " entries"));
  }
  ListFilter out;
  for (int i = 0; i < request.filters_size(); ++i) {
    const Filter& f = request.filters(i);
    const std::string where = absl::StrCat("request.filters[", i, "]");
    if (f.field() != kField) {
      return Invalid(absl::StrCat(where, ".field"),
                     absl::StrCat(QuoteForMessage(f.field()),
                                  " cannot be filtered; the only filterable "
                                  "field is client_id"));
    }
    const int function = f.function();
    if (!Filter::Function_IsValid(function)) {
      return Invalid(absl::StrCat(where, ".function"),
                     absl::StrCat("unknown function ", function,
                                  "; supported on client_id: ",
                                  kSupportedFunctions));
    }
    const std::size_t count = static_cast<std::size_t>(f.values_size());
    if (f.function() == Filter::VALUE_IN) {
      if (count == 0 || count > kMaxFilterValues) {
        return Invalid(absl::StrCat(where, ".values"),
                       absl::StrCat("VALUE_IN needs 1 to ", kMaxFilterValues,
                                    " values, got ", count));
      }
    } else if (count != 1) {
      return Invalid(absl::StrCat(where, ".values"),
                     absl::StrCat(Filter::Function_Name(f.function()),
                                  " needs exactly 1 value, got ", count));
    }
    Condition condition{f.function(), {}};
    absl::StrAppend(&out.canonical_, function, "(", count, ")");
    for (int j = 0; j < f.values_size(); ++j) {
      const std::string& value = f.values(j);
      if (value.size() > kMaxFilterValueBytes) {
        return Invalid(absl::StrCat(where, ".values[", j, "]"),
                       absl::StrCat("must be at most ", kMaxFilterValueBytes,
                                    " bytes"));
      }
      absl::StrAppend(&out.canonical_, value.size(), ":", value);
      condition.values.push_back(value);
    }
    out.conditions_.push_back(std::move(condition));
  }
  return out;
}

bool ListFilter::Matches(absl::string_view client_id) const {
  for (const Condition& c : conditions_) {
    if (!Holds(c.function, client_id, c.values)) return false;
  }
  return true;
}

}  // namespace devserver
