// AppStore: the SQLite table of apps (WAL, synchronous=NORMAL by default,
// prepared statements).
//
//   absl::StatusOr<std::unique_ptr<AppStore>> store =
//       AppStore::Open(":memory:");
//   absl::Status s = (*store)->Insert(record, secret_hash);  // AlreadyExists
//   absl::StatusOr<AppRecord> app = (*store)->Get("", "my-key");  // NotFound
//   absl::StatusOr<AppPage> page = (*store)->List("", /*after=*/"", 100);
//
// Opening an existing database migrates its schema (PRAGMA user_version):
// apps written before secret expiry existed read as never expiring.
// One connection guarded by a mutex: every method is thread-safe and each
// write is one committed transaction, durable once the method returns (across
// a process crash; see SyncMode for OS crashes).
// client_id is the primary key (unique across organizations, as OAuth2 client
// ids are); reads and writes other than the secret lookup are scoped to an
// organization, so another organization's app reads as NotFound.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "devserver/src/app_record.h"

struct sqlite3;
struct sqlite3_stmt;

namespace devserver {

// One page of a List: apps ordered by client_id, and whether more follow.
struct AppPage {
  std::vector<AppRecord> apps;
  bool has_more = false;
};

// The organization and stored secret hash of a client, for authentication.
struct ClientCredentials {
  std::string organization;
  std::string secret_hash;
  std::int64_t secret_expires_at_unix_nanos = 0;  // 0 = never
};

// How long a commit waits for the disk (SQLite's `synchronous` in WAL mode).
//   kNormal: the WAL is written on commit but synced only at checkpoints: a
//            committed write survives the process dying (kill -9), an OS
//            crash or power loss may lose the last commits.
//   kFull:   the WAL is synced on every commit: survives those too, slower.
enum class SyncMode { kNormal, kFull };

// Parses "normal" or "full" (case-insensitive).
[[nodiscard]] absl::StatusOr<SyncMode> ParseSyncMode(absl::string_view text);

class AppStore final {
 public:
  // Opens (creating if needed) the database at `path`; ":memory:" is allowed.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<AppStore>> Open(
      const std::string& path, SyncMode sync = SyncMode::kNormal);
  ~AppStore();
  AppStore(const AppStore&) = delete;
  AppStore& operator=(const AppStore&) = delete;

  // Inserts a new app; AlreadyExists when its client_id is taken (in any org).
  [[nodiscard]] absl::Status Insert(const AppRecord& app,
                                    absl::string_view secret_hash);

  // The app `client_id` of `organization`; NotFound otherwise.
  [[nodiscard]] absl::StatusOr<AppRecord> Get(absl::string_view organization,
                                              absl::string_view client_id);

  // Reads, changes with `mutate` and writes back the app in one transaction.
  // `mutate` must not change organization or client_id. Returns the new app.
  [[nodiscard]] absl::StatusOr<AppRecord> Update(
      absl::string_view organization, absl::string_view client_id,
      absl::FunctionRef<void(AppRecord&)> mutate);

  // Deletes the app; NotFound when `organization` has no such app.
  [[nodiscard]] absl::Status Delete(absl::string_view organization,
                                    absl::string_view client_id);

  // Up to `limit` apps of `organization` with client_id > `after_client_id`,
  // ordered by client_id (keyset pagination).
  [[nodiscard]] absl::StatusOr<AppPage> List(absl::string_view organization,
                                             absl::string_view after_client_id,
                                             std::size_t limit);

  // As above, counting only the apps whose client_id `keep` accepts
  // (has_more: another accepted app follows the page).
  [[nodiscard]] absl::StatusOr<AppPage> List(
      absl::string_view organization, absl::string_view after_client_id,
      std::size_t limit, absl::FunctionRef<bool(absl::string_view)> keep);

  // The organization and secret hash of `client_id`; NotFound otherwise.
  [[nodiscard]] absl::StatusOr<ClientCredentials> GetCredentials(
      absl::string_view client_id);

  // Replaces the secret hash of `client_id` (admin key rotation).
  [[nodiscard]] absl::Status SetSecretHash(absl::string_view client_id,
                                           absl::string_view secret_hash);

  // The synchronous mode the connection runs with (read back from SQLite).
  [[nodiscard]] absl::StatusOr<SyncMode> sync_mode();

 private:
  struct Statements;
  AppStore(sqlite3* db, std::unique_ptr<Statements> statements);

  absl::StatusOr<AppRecord> GetLocked(absl::string_view organization,
                                      absl::string_view client_id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status Error(absl::string_view what) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  absl::Mutex mu_;
  sqlite3* db_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<Statements> stmts_ ABSL_GUARDED_BY(mu_);
};

}  // namespace devserver
