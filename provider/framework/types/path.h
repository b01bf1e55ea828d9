// path.h: attribute paths into a value, as Terraform prints them.
//
//   Path p = Path::Root("redirect_uris").Index(0);   // redirect_uris[0]
//   Path q = Path::Root("tags").Key("env");           // tags["env"]
//   absl::StatusOr<Value> v = ValueAt(state, p);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/framework/types/value.h"

namespace tf {

// One step: an attribute name, a map key (string) or a list/tuple index.
struct PathStep {
  enum Kind { kAttribute, kKeyString, kKeyInt } kind;
  std::string name;   // kAttribute, kKeyString
  int64_t index = 0;  // kKeyInt
  bool operator==(const PathStep& other) const;
};

class Path {
 public:
  Path() = default;  // root
  static Path Root(std::string attribute);

  Path Attr(std::string name) const;
  Path Key(std::string key) const;
  Path Index(int64_t i) const;

  const std::vector<PathStep>& steps() const { return steps_; }
  bool empty() const { return steps_.empty(); }

  // redirect_uris[0], tags["env"], block.attr; "" for the root.
  std::string ToString() const;
  bool operator==(const Path& other) const { return steps_ == other.steps_; }
  bool operator!=(const Path& other) const { return !(*this == other); }

 private:
  std::vector<PathStep> steps_;
};

// The value at `path` inside `root`. Through a null (unknown) object, list,
// tuple or map it yields a null (unknown) of the step's type. NotFound for a
// missing map key or an index out of range; InvalidArgument when a step does
// not fit the value (e.g. an attribute of a string).
[[nodiscard]] absl::StatusOr<Value> ValueAt(const Value& root,
                                            const Path& path);

}  // namespace tf
