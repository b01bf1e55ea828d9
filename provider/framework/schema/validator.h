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

// A string fully matching the ECMAScript regular expression `pattern`;
// `message` (e.g. "must contain only lower-case letters") completes the error.
std::shared_ptr<const Validator> StringMatches(std::string pattern,
                                               std::string message);

// A string equal to one of `allowed`.
std::shared_ptr<const Validator> StringOneOf(std::vector<std::string> allowed);

}  // namespace tf
