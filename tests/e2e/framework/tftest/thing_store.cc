#include "tests/e2e/framework/tftest/thing_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace tftest {
namespace {

using Json = nlohmann::json;

// Holds an exclusive flock on "<path>.lock" for its lifetime.
class FileLock {
 public:
  explicit FileLock(const std::string& path)
      : fd_(open((path + ".lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC,
                 0600)) {
    if (fd_ >= 0) flock(fd_, LOCK_EX);
  }
  ~FileLock() {
    if (fd_ >= 0) {
      flock(fd_, LOCK_UN);
      close(fd_);
    }
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

absl::StatusOr<Json> Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Json::object();  // no store yet
  std::stringstream buf;
  buf << in.rdbuf();
  if (buf.str().empty()) return Json::object();
  Json j = Json::parse(buf.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return absl::DataLossError(absl::StrCat("store ", path, " is corrupt"));
  }
  return j;
}

absl::Status Save(const std::string& path, const Json& j) {
  std::string tmp = absl::StrCat(path, ".tmp.", getpid());
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << j.dump(2);
    out.flush();
    if (!out) return absl::InternalError("cannot write the store");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return absl::InternalError("cannot replace the store");
  }
  return absl::OkStatus();
}

Json ToJson(const Thing& t) {
  Json j = {{"id", t.id}, {"name", t.name}, {"created_at", t.created_at}};
  j["size"] = t.size ? Json(*t.size) : Json(nullptr);
  j["tags"] = t.tags ? Json(*t.tags) : Json(nullptr);
  j["secret"] = t.secret ? Json(*t.secret) : Json(nullptr);
  j["password_writes"] = t.password_writes;
  return j;
}

Thing FromJson(const Json& j) {
  Thing t;
  t.id = j.value("id", "");
  t.name = j.value("name", "");
  t.created_at = j.value("created_at", "");
  if (j.contains("size") && j["size"].is_string()) t.size = j["size"];
  if (j.contains("tags") && j["tags"].is_array()) {
    t.tags = j["tags"].get<std::vector<std::string>>();
  }
  if (j.contains("secret") && j["secret"].is_string()) t.secret = j["secret"];
  t.password_writes = j.value("password_writes", int64_t{0});
  return t;
}

std::string NewId() {
  std::random_device rd;
  std::mt19937_64 gen(rd());
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx",
                static_cast<unsigned long long>(gen()));
  return absl::StrCat("thing-", buf);
}

std::string Now() {
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
  return absl::StrCat("unix:", secs);
}

}  // namespace

absl::StatusOr<Thing> ThingStore::Create(Thing thing) {
  FileLock lock(path_);
  if (!lock.ok()) return absl::UnavailableError("cannot lock the store");
  absl::StatusOr<Json> j = Load(path_);
  if (!j.ok()) return j.status();
  thing.id = NewId();
  thing.created_at = Now();
  (*j)[thing.id] = ToJson(thing);
  if (absl::Status s = Save(path_, *j); !s.ok()) return s;
  return thing;
}

absl::StatusOr<Thing> ThingStore::Get(const std::string& id) const {
  FileLock lock(path_);
  if (!lock.ok()) return absl::UnavailableError("cannot lock the store");
  absl::StatusOr<Json> j = Load(path_);
  if (!j.ok()) return j.status();
  if (!j->contains(id))
    return absl::NotFoundError(absl::StrCat("no thing ", id));
  return FromJson((*j)[id]);
}

absl::StatusOr<Thing> ThingStore::FindByName(const std::string& name) const {
  FileLock lock(path_);
  if (!lock.ok()) return absl::UnavailableError("cannot lock the store");
  absl::StatusOr<Json> j = Load(path_);
  if (!j.ok()) return j.status();
  for (const auto& [id, t] : j->items()) {
    if (t.value("name", "") == name) return FromJson(t);
  }
  return absl::NotFoundError(absl::StrCat("no thing named ", name));
}

absl::Status ThingStore::Update(const Thing& thing) {
  FileLock lock(path_);
  if (!lock.ok()) return absl::UnavailableError("cannot lock the store");
  absl::StatusOr<Json> j = Load(path_);
  if (!j.ok()) return j.status();
  if (!j->contains(thing.id)) {
    return absl::NotFoundError(absl::StrCat("no thing ", thing.id));
  }
  (*j)[thing.id] = ToJson(thing);
  return Save(path_, *j);
}

absl::Status ThingStore::Delete(const std::string& id) {
  FileLock lock(path_);
  if (!lock.ok()) return absl::UnavailableError("cannot lock the store");
  absl::StatusOr<Json> j = Load(path_);
  if (!j.ok()) return j.status();
  if (j->erase(id) == 0)
    return absl::NotFoundError(absl::StrCat("no thing ", id));
  return Save(path_, *j);
}

}  // namespace tftest
