// validator.h: attribute validators and a few ready-made ones.
//
// Validators run at ValidateResourceConfig / ValidateDataResourceConfig /
// ValidateProviderConfig on attribute values that are known and non-null
// (unknown values, e.g. from variables during `terraform validate`, are
// skipped; whether a required attribute is set is Terraform's check).
//   {.name = "name", .type = Type::String(), .presence = Presence::kRequired,
//    .validators = {StringLengthBetween(1, 64)}}
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/types/path.h"
#include "provider/framework/types/value.h"

namespace tf {

// Interface of an attribute validator. Implementations are immutable and
// shared (they live in schemas), so Validate must be thread-safe.
class Validator {
 public:
  virtual ~Validator() = default;
  // One sentence for the docs, e.g. "Length must be between 1 and 64."
  virtual std::string Description() const = 0;
  // Adds diagnostics (scoped to `path`) when `value` is invalid.
  virtual void Validate(const Value& value, const Path& path,
                        Diagnostics& diags) const = 0;
};

// A string whose length in UTF-8 characters is within [min, max].
std::shared_ptr<const Validator> StringLengthBetween(int64_t min, int64_t max);

// A string of at least `min` UTF-8 characters (StringLengthAtLeast(1): not
// empty).
std::shared_ptr<const Validator> StringLengthAtLeast(int64_t min);

// A list, set or map with at least `min` elements.
std::shared_ptr<const Validator> SizeAtLeast(int64_t min);

// A number that is a whole number within [min, max].
std::shared_ptr<const Validator> Int64Between(int64_t min, int64_t max);

// A list or set none of whose elements is null (element validators skip
// null values, so this is the check for them). Errors carry the index of a
// list element.
std::shared_ptr<const Validator> NoNullElements();

// A string fully matching the ECMAScript regular expression `pattern`;
// `message` (e.g. "must contain only lower-case letters") completes the error.
std::shared_ptr<const Validator> StringMatches(std::string pattern,
                                               std::string message);

// A string equal to one of `allowed`.
std::shared_ptr<const Validator> StringOneOf(std::vector<std::string> allowed);

// What AbsoluteUri accepts besides the syntax.
struct AbsoluteUriOptions {
  // Schemes refused even though well-formed, compared case-insensitively,
  // e.g. {"javascript", "data", "file"}.
  std::vector<std::string> refused_schemes{};
};

// An absolute URI (RFC 3986): a scheme (a letter, then letters, digits,
// '+', '-', '.'), ':', and a non-empty rest; no spaces or control
// characters. See AbsoluteUriError for the rule as a function.
std::shared_ptr<const Validator> AbsoluteUri(AbsoluteUriOptions options = {});

// The rule of AbsoluteUri: "" when `uri` is acceptable, else why not (a
// phrase completing "must be an absolute URI: ...").
[[nodiscard]] std::string AbsoluteUriError(std::string_view uri,
                                           const AbsoluteUriOptions& options);

// Applies `element` to each element of a list or set attribute. Errors on a
// list element carry its index (redirect_uris[2]); set elements have no
// stable index, so theirs carry the attribute's path.
//   .validators = {EachElement(AbsoluteUri())}
std::shared_ptr<const Validator> EachElement(
    std::shared_ptr<const Validator> element);

// Object-level check for attributes that exclude each other: exactly one of
// the attributes `names` of `object` must be set. Unknown counts as set
// (config may still set it), so a check that depends on an unknown value is
// skipped. Both set: an error on each set attribute; none set: one error on
// the first name. Call from ValidateConfig:
//   tf::ExactlyOneOf(req.config, {"name", "name_prefix"}, resp.diagnostics);
void ExactlyOneOf(const Value& object, const std::vector<std::string>& names,
                  Diagnostics& diags);

}  // namespace tf
