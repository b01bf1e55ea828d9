#include "devserver/src/app_store.h"

#include <sqlite3.h>

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "devserver/src/message_text.h"
#include "nlohmann/json.hpp"

namespace devserver {
namespace {

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

// Resets a prepared statement when a call is done with it.
class StmtScope final {
 public:
  explicit StmtScope(sqlite3_stmt* s) : s_(s) {}
  ~StmtScope() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  StmtScope(const StmtScope&) = delete;
  StmtScope& operator=(const StmtScope&) = delete;
  sqlite3_stmt* get() const { return s_; }

 private:
  sqlite3_stmt* s_;
};

// The current schema. A database written before secret expiry existed has
// the table without secret_expires_at_ns; Migrate() adds it.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS apps (
  client_id    TEXT PRIMARY KEY NOT NULL,
  organization TEXT NOT NULL,
  secret_hash  TEXT NOT NULL,
  issued_at_ns INTEGER NOT NULL,
  data         TEXT NOT NULL,
  secret_expires_at_ns INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS apps_by_org ON apps (organization, client_id);
)sql";

// PRAGMA user_version of the current schema:
//   0  no version recorded (apps without secret_expires_at_ns, or new)
//   1  apps.secret_expires_at_ns (0 = the secret never expires)
constexpr int kSchemaVersion = 1;

// Runs `sql` returning a single integer.
bool QueryInt(sqlite3* db, const char* sql, int& out) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) return false;
  const int rc = sqlite3_step(raw);
  out = rc == SQLITE_ROW ? sqlite3_column_int(raw, 0) : 0;
  sqlite3_finalize(raw);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

// Brings the schema of an existing database up to kSchemaVersion in one
// transaction. Rows written before secret expiry get 0 (never expires).
absl::Status Migrate(sqlite3* db) {
  auto exec = [db](const char* sql) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
  };
  auto error = [db](absl::string_view what) {
    return absl::InternalError(absl::StrCat(what, ": ", sqlite3_errmsg(db)));
  };
  if (!exec("BEGIN IMMEDIATE")) return error("cannot start the schema check");
  int version = 0;
  int has_expiry = 0;
  bool ok = QueryInt(db, "PRAGMA user_version", version) &&
            QueryInt(db,
                     "SELECT count(*) FROM pragma_table_info('apps') "
                     "WHERE name = 'secret_expires_at_ns'",
                     has_expiry);
  if (ok && version > kSchemaVersion) {
    exec("ROLLBACK");
    return absl::FailedPreconditionError(absl::StrCat(
        "the database has schema version ", version,
        ", newer than this union-devserver understands (", kSchemaVersion,
        "); use a newer union-devserver or another --db"));
  }
  if (ok && has_expiry == 0) {
    ok = exec(
        "ALTER TABLE apps ADD COLUMN secret_expires_at_ns INTEGER NOT NULL "
        "DEFAULT 0");
  }
  if (ok && version < kSchemaVersion) {
    ok = exec(absl::StrCat("PRAGMA user_version = ", kSchemaVersion).c_str());
  }
  if (!ok) {
    absl::Status s = error("cannot migrate the database schema");
    exec("ROLLBACK");
    return s;
  }
  if (!exec("COMMIT")) return error("cannot commit the schema migration");
  return absl::OkStatus();
}

void Bind(sqlite3_stmt* s, int index, absl::string_view text) {
  sqlite3_bind_text(s, index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
}

std::string ColumnText(sqlite3_stmt* s, int column) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
  return p == nullptr ? std::string()
                      : std::string(p, static_cast<std::size_t>(
                                           sqlite3_column_bytes(s, column)));
}

// The fields that are not columns, as JSON text.
std::string EncodeData(const AppRecord& a) {
  nlohmann::json j = {
      {"client_name", a.client_name},
      {"redirect_uris", a.redirect_uris},
      {"response_types", a.response_types},
      {"grant_types", a.grant_types},
      {"application_type", a.application_type},
      {"contacts", a.contacts},
      {"logo_uri", a.logo_uri},
      {"client_uri", a.client_uri},
      {"policy_uri", a.policy_uri},
      {"tos_uri", a.tos_uri},
      {"jwks_uri", a.jwks_uri},
      {"token_endpoint_auth_method", a.token_endpoint_auth_method},
      {"consent_method", a.consent_method},
      {"skip_default_policy_assignments", a.skip_default_policy_assignments},
  };
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

absl::StatusOr<AppRecord> DecodeRow(std::string organization,
                                    std::string client_id,
                                    std::int64_t issued_at,
                                    std::int64_t secret_expires_at,
                                    const std::string& data) {
  nlohmann::json j =
      nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object())
    return absl::DataLossError("stored app data is not an object");
  AppRecord a;
  a.organization = std::move(organization);
  a.client_id = std::move(client_id);
  a.issued_at_unix_nanos = issued_at;
  a.secret_expires_at_unix_nanos = secret_expires_at;
  try {
    a.client_name = j.value("client_name", "");
    a.redirect_uris = j.value("redirect_uris", std::vector<std::string>{});
    a.response_types = j.value("response_types", std::vector<int>{});
    a.grant_types = j.value("grant_types", std::vector<int>{});
    a.application_type = j.value("application_type", 0);
    a.contacts = j.value("contacts", std::vector<std::string>{});
    a.logo_uri = j.value("logo_uri", "");
    a.client_uri = j.value("client_uri", "");
    a.policy_uri = j.value("policy_uri", "");
    a.tos_uri = j.value("tos_uri", "");
    a.jwks_uri = j.value("jwks_uri", "");
    a.token_endpoint_auth_method = j.value("token_endpoint_auth_method", 0);
    a.consent_method = j.value("consent_method", 0);
    a.skip_default_policy_assignments =
        j.value("skip_default_policy_assignments", false);
  } catch (const nlohmann::json::exception&) {
    return absl::DataLossError("stored app data has a field of the wrong type");
  }
  return a;
}

}  // namespace

struct AppStore::Statements {
  Stmt insert, get, update, remove, list, credentials, set_secret, begin,
      commit, rollback;
};

AppStore::AppStore(sqlite3* db, std::unique_ptr<Statements> statements)
    : db_(db), stmts_(std::move(statements)) {}

AppStore::~AppStore() {
  absl::MutexLock lock(&mu_);
  stmts_.reset();
  sqlite3_close(db_);
}

absl::StatusOr<SyncMode> ParseSyncMode(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(text);
  if (lower == "normal") return SyncMode::kNormal;
  if (lower == "full") return SyncMode::kFull;
  return absl::InvalidArgumentError("sync mode must be normal or full");
}

absl::StatusOr<std::unique_ptr<AppStore>> AppStore::Open(
    const std::string& path, SyncMode sync) {
  sqlite3* db = nullptr;
  const int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return absl::UnavailableError(
        absl::StrCat("cannot open database: ", message));
  }
  sqlite3_busy_timeout(db, 5000);
  auto fail = [db](absl::string_view what) {
    absl::Status s =
        absl::InternalError(absl::StrCat(what, ": ", sqlite3_errmsg(db)));
    sqlite3_close(db);
    return s;
  };
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL;",
        sync == SyncMode::kFull ? "PRAGMA synchronous=FULL;"
                                : "PRAGMA synchronous=NORMAL;",
        "PRAGMA foreign_keys=ON;", kSchema}) {
    if (sqlite3_exec(db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK) {
      return fail("cannot prepare database");
    }
  }
  if (absl::Status migrated = Migrate(db); !migrated.ok()) {
    sqlite3_close(db);
    return migrated;
  }
  auto stmts = std::make_unique<Statements>();
  const std::pair<Stmt*, const char*> sqls[] = {
      {&stmts->insert,
       "INSERT INTO apps (client_id, organization, secret_hash, issued_at_ns, "
       "data, secret_expires_at_ns) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
      {&stmts->get,
       "SELECT issued_at_ns, secret_expires_at_ns, data FROM apps "
       "WHERE organization = ?1 AND client_id = ?2"},
      {&stmts->update,
       "UPDATE apps SET data = ?3 WHERE organization = ?1 AND client_id = ?2"},
      {&stmts->remove,
       "DELETE FROM apps WHERE organization = ?1 AND client_id = ?2"},
      {&stmts->list,
       "SELECT client_id, issued_at_ns, secret_expires_at_ns, data FROM apps "
       "WHERE organization = ?1 AND client_id > ?2 ORDER BY client_id"},
      {&stmts->credentials,
       "SELECT organization, secret_hash, secret_expires_at_ns FROM apps "
       "WHERE client_id = ?1"},
      {&stmts->set_secret,
       "UPDATE apps SET secret_hash = ?2 WHERE client_id = ?1"},
      {&stmts->begin, "BEGIN IMMEDIATE"},
      {&stmts->commit, "COMMIT"},
      {&stmts->rollback, "ROLLBACK"},
  };
  for (const auto& [slot, sql] : sqls) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
                           nullptr) != SQLITE_OK) {
      stmts.reset();
      return fail("cannot prepare statement");
    }
    slot->reset(s);
  }
  return std::unique_ptr<AppStore>(new AppStore(db, std::move(stmts)));
}

absl::Status AppStore::Error(absl::string_view what) {
  const int code = sqlite3_errcode(db_);
  std::string message = absl::StrCat(what, ": ", sqlite3_errmsg(db_));
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return absl::UnavailableError(message);
  }
  return absl::InternalError(message);
}

absl::Status AppStore::Insert(const AppRecord& app,
                              absl::string_view secret_hash) {
  absl::MutexLock lock(&mu_);
  StmtScope s(stmts_->insert.get());
  Bind(s.get(), 1, app.client_id);
  Bind(s.get(), 2, app.organization);
  Bind(s.get(), 3, secret_hash);
  sqlite3_bind_int64(s.get(), 4, app.issued_at_unix_nanos);
  Bind(s.get(), 5, EncodeData(app));
  sqlite3_bind_int64(s.get(), 6, app.secret_expires_at_unix_nanos);
  const int rc = sqlite3_step(s.get());
  if (rc == SQLITE_DONE) return absl::OkStatus();
  if (sqlite3_extended_errcode(db_) == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return absl::AlreadyExistsError(absl::StrCat(
        "app with client_id ", QuoteForMessage(app.client_id),
        " already exists"));
  }
  return Error("insert failed");
}

absl::StatusOr<AppRecord> AppStore::GetLocked(absl::string_view organization,
                                              absl::string_view client_id) {
  StmtScope s(stmts_->get.get());
  Bind(s.get(), 1, organization);
  Bind(s.get(), 2, client_id);
  const int rc = sqlite3_step(s.get());
  if (rc == SQLITE_DONE) {
    return absl::NotFoundError(absl::StrCat(
        "app with client_id ", QuoteForMessage(client_id), " not found"));
  }
  if (rc != SQLITE_ROW) return Error("get failed");
  return DecodeRow(std::string(organization), std::string(client_id),
                   sqlite3_column_int64(s.get(), 0),
                   sqlite3_column_int64(s.get(), 1), ColumnText(s.get(), 2));
}

absl::StatusOr<AppRecord> AppStore::Get(absl::string_view organization,
                                        absl::string_view client_id) {
  absl::MutexLock lock(&mu_);
  return GetLocked(organization, client_id);
}

absl::StatusOr<AppRecord> AppStore::Update(
    absl::string_view organization, absl::string_view client_id,
    absl::FunctionRef<void(AppRecord&)> mutate) {
  absl::MutexLock lock(&mu_);
  {
    StmtScope begin(stmts_->begin.get());
    if (sqlite3_step(begin.get()) != SQLITE_DONE) return Error("begin failed");
  }
  auto rollback = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    StmtScope r(stmts_->rollback.get());
    sqlite3_step(r.get());
  };
  absl::StatusOr<AppRecord> app = GetLocked(organization, client_id);
  if (!app.ok()) {
    rollback();
    return app.status();
  }
  mutate(*app);
  app->organization = std::string(organization);
  app->client_id = std::string(client_id);
  {
    StmtScope s(stmts_->update.get());
    Bind(s.get(), 1, organization);
    Bind(s.get(), 2, client_id);
    Bind(s.get(), 3, EncodeData(*app));
    if (sqlite3_step(s.get()) != SQLITE_DONE) {
      absl::Status error = Error("update failed");
      rollback();
      return error;
    }
  }
  StmtScope commit(stmts_->commit.get());
  if (sqlite3_step(commit.get()) != SQLITE_DONE) {
    absl::Status error = Error("commit failed");
    rollback();
    return error;
  }
  return app;
}

absl::Status AppStore::Delete(absl::string_view organization,
                              absl::string_view client_id) {
  absl::MutexLock lock(&mu_);
  StmtScope s(stmts_->remove.get());
  Bind(s.get(), 1, organization);
  Bind(s.get(), 2, client_id);
  if (sqlite3_step(s.get()) != SQLITE_DONE) return Error("delete failed");
  if (sqlite3_changes(db_) == 0) {
    return absl::NotFoundError(absl::StrCat(
        "app with client_id ", QuoteForMessage(client_id), " not found"));
  }
  return absl::OkStatus();
}

absl::StatusOr<AppPage> AppStore::List(
    absl::string_view organization, absl::string_view after_client_id,
    std::size_t limit, absl::FunctionRef<bool(absl::string_view)> keep) {
  absl::MutexLock lock(&mu_);
  StmtScope s(stmts_->list.get());
  Bind(s.get(), 1, organization);
  Bind(s.get(), 2, after_client_id);
  // Rows come in client_id order and are read only as far as needed: up to
  // `limit` kept apps, plus one more kept row telling whether a page follows.
  AppPage page;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const std::string client_id = ColumnText(s.get(), 0);
    if (!keep(client_id)) continue;
    if (page.apps.size() == limit) {
      page.has_more = true;
      break;
    }
    absl::StatusOr<AppRecord> app = DecodeRow(
        std::string(organization), client_id, sqlite3_column_int64(s.get(), 1),
        sqlite3_column_int64(s.get(), 2), ColumnText(s.get(), 3));
    if (!app.ok()) return app.status();
    page.apps.push_back(*std::move(app));
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("list failed");
  return page;
}

absl::StatusOr<AppPage> AppStore::List(absl::string_view organization,
                                       absl::string_view after_client_id,
                                       std::size_t limit) {
  return List(organization, after_client_id, limit,
              [](absl::string_view) { return true; });
}

absl::StatusOr<ClientCredentials> AppStore::GetCredentials(
    absl::string_view client_id) {
  absl::MutexLock lock(&mu_);
  StmtScope s(stmts_->credentials.get());
  Bind(s.get(), 1, client_id);
  const int rc = sqlite3_step(s.get());
  if (rc == SQLITE_DONE) return absl::NotFoundError("unknown client");
  if (rc != SQLITE_ROW) return Error("credentials lookup failed");
  return ClientCredentials{ColumnText(s.get(), 0), ColumnText(s.get(), 1),
                           sqlite3_column_int64(s.get(), 2)};
}

absl::Status AppStore::SetSecretHash(absl::string_view client_id,
                                     absl::string_view secret_hash) {
  absl::MutexLock lock(&mu_);
  StmtScope s(stmts_->set_secret.get());
  Bind(s.get(), 1, client_id);
  Bind(s.get(), 2, secret_hash);
  if (sqlite3_step(s.get()) != SQLITE_DONE)
    return Error("secret update failed");
  if (sqlite3_changes(db_) == 0) return absl::NotFoundError("unknown client");
  return absl::OkStatus();
}

absl::StatusOr<SyncMode> AppStore::sync_mode() {
  absl::MutexLock lock(&mu_);
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_, "PRAGMA synchronous", -1, &raw, nullptr) !=
      SQLITE_OK) {
    return Error("cannot read the synchronous mode");
  }
  Stmt s(raw);
  if (sqlite3_step(s.get()) != SQLITE_ROW) {
    return Error("cannot read the synchronous mode");
  }
  // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
  const int level = sqlite3_column_int(s.get(), 0);
  if (level == 1) return SyncMode::kNormal;
  if (level == 2) return SyncMode::kFull;
  return absl::InternalError(
      absl::StrCat("unexpected synchronous level ", level));
}

}  // namespace devserver
