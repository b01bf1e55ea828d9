// thing_store.h: the in-memory-style store of the test provider, kept in a
// JSON file (path from TFTEST_STORE) so it survives between the several
// provider processes terraform starts per command. Every operation takes an
// exclusive flock on "<path>.lock", reads the file, and writes changes
// atomically (temp file + rename).
//   ThingStore store(path);
//   absl::StatusOr<Thing> t = store.Get(id);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace tftest {

struct Thing {
  std::string id;
  std::string name;
  std::optional<std::string> size;  // decimal text
  std::optional<std::vector<std::string>> tags;
  std::optional<std::string> secret;
  std::string created_at;
  int64_t password_writes = 0;  // how often a write-only password arrived
};

class ThingStore {
 public:
  explicit ThingStore(std::string path) : path_(std::move(path)) {}

  // Creates a thing with a fresh id and creation time.
  [[nodiscard]] absl::StatusOr<Thing> Create(Thing thing);
  // NotFound when there is no such id.
  [[nodiscard]] absl::StatusOr<Thing> Get(const std::string& id) const;
  [[nodiscard]] absl::StatusOr<Thing> FindByName(const std::string& name) const;
  // Replaces the thing with `thing.id`; NotFound when absent.
  [[nodiscard]] absl::Status Update(const Thing& thing);
  // NotFound when absent.
  [[nodiscard]] absl::Status Delete(const std::string& id);

 private:
  std::string path_;
};

}  // namespace tftest
