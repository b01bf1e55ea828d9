// old_database.h (tests only): writes a database file as the dev server made
// it before secret expiry existed: the apps table without
// secret_expires_at_ns and no user_version, holding one key, "old-key".
//
//   WriteOldDatabase(path, "org", "old-hash", "old");
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "absl/strings/str_cat.h"

namespace devserver::testing {

// The key's organization, stored secret hash and client_name are given
// (test-only values: they are written into the SQL text as they are).
inline void WriteOldDatabase(const std::string& path,
                             const std::string& organization,
                             const std::string& secret_hash,
                             const std::string& client_name) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const std::string sql = absl::StrCat(R"sql(
    PRAGMA journal_mode=WAL;
    CREATE TABLE apps (
      client_id    TEXT PRIMARY KEY NOT NULL,
      organization TEXT NOT NULL,
      secret_hash  TEXT NOT NULL,
      issued_at_ns INTEGER NOT NULL,
      data         TEXT NOT NULL
    );
    CREATE INDEX apps_by_org ON apps (organization, client_id);
    INSERT INTO apps VALUES ('old-key', ')sql",
                                       organization, "', '", secret_hash,
                                       R"sql(', 1700000000000000000,
                             '{"client_name":")sql",
                                       client_name, R"sql("}');
  )sql");
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

}  // namespace devserver::testing
