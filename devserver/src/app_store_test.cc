#include "devserver/src/app_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_format.h"
#include "devserver/tests/old_database.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/temp_dir.h"

namespace devserver {
namespace {

using ::testing::ElementsAre;

AppRecord App(std::string org, std::string id) {
  AppRecord a;
  a.organization = std::move(org);
  a.client_id = std::move(id);
  a.client_name = a.client_id;
  a.redirect_uris = {"http://localhost:8080/cb"};
  a.grant_types = {3, 0};
  a.response_types = {0};
  a.token_endpoint_auth_method = 2;
  a.consent_method = 2;
  a.issued_at_unix_nanos = 1'700'000'000'123'456'789;
  return a;
}

std::unique_ptr<AppStore> Memory() {
  auto store = AppStore::Open(":memory:");
  EXPECT_TRUE(store.ok()) << store.status();
  return *std::move(store);
}

TEST(AppStoreTest, InsertThenGetRoundTripsEveryField) {
  auto store = Memory();
  AppRecord app = App("org", "key-1");
  app.contacts = {"a@example.com"};
  app.logo_uri = "l";
  app.client_uri = "c";
  app.policy_uri = "p";
  app.tos_uri = "t";
  app.jwks_uri = "j";
  app.application_type = 1;
  app.skip_default_policy_assignments = true;
  ASSERT_TRUE(store->Insert(app, "hash").ok());
  absl::StatusOr<AppRecord> got = store->Get("org", "key-1");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(*got, app);
}

TEST(AppStoreTest, DuplicateClientIdIsAlreadyExistsEvenInAnotherOrg) {
  auto store = Memory();
  ASSERT_TRUE(store->Insert(App("a", "dup"), "h").ok());
  EXPECT_EQ(store->Insert(App("a", "dup"), "h").code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(store->Insert(App("b", "dup"), "h").code(),
            absl::StatusCode::kAlreadyExists);
}

TEST(AppStoreTest, OtherOrganizationsSeeNotFound) {
  auto store = Memory();
  ASSERT_TRUE(store->Insert(App("a", "k"), "h").ok());
  EXPECT_EQ(store->Get("b", "k").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store->Get("", "k").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store->Delete("b", "k").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store->Update("b", "k", [](AppRecord&) {}).status().code(),
            absl::StatusCode::kNotFound);
  absl::StatusOr<AppPage> page = store->List("b", "", 10);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->apps.empty());
  EXPECT_TRUE(store->Get("a", "k").ok());
}

TEST(AppStoreTest, UpdateWritesTheMutation) {
  auto store = Memory();
  ASSERT_TRUE(store->Insert(App("", "k"), "h").ok());
  absl::StatusOr<AppRecord> updated =
      store->Update("", "k", [](AppRecord& a) { a.client_name = "renamed"; });
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->client_name, "renamed");
  EXPECT_EQ(store->Get("", "k")->client_name, "renamed");
  EXPECT_EQ(store->Get("", "k")->redirect_uris, App("", "k").redirect_uris);
}

TEST(AppStoreTest, DeleteRemovesOnce) {
  auto store = Memory();
  ASSERT_TRUE(store->Insert(App("", "k"), "h").ok());
  EXPECT_TRUE(store->Delete("", "k").ok());
  EXPECT_EQ(store->Delete("", "k").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store->Get("", "k").status().code(), absl::StatusCode::kNotFound);
}

TEST(AppStoreTest, ListIsKeysetPaginatedInClientIdOrder) {
  auto store = Memory();
  for (const char* id : {"c", "a", "e", "b", "d"}) {
    ASSERT_TRUE(store->Insert(App("o", id), "h").ok());
  }
  ASSERT_TRUE(store->Insert(App("other", "aa"), "h").ok());
  absl::StatusOr<AppPage> first = store->List("o", "", 2);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->apps.size(), 2u);
  EXPECT_EQ(first->apps[0].client_id, "a");
  EXPECT_EQ(first->apps[1].client_id, "b");
  EXPECT_TRUE(first->has_more);
  // A key inserted before the cursor and one deleted after it between pages.
  ASSERT_TRUE(store->Insert(App("o", "a0"), "h").ok());
  ASSERT_TRUE(store->Delete("o", "d").ok());
  absl::StatusOr<AppPage> second = store->List("o", "b", 2);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->apps.size(), 2u);
  EXPECT_EQ(second->apps[0].client_id, "c");
  EXPECT_EQ(second->apps[1].client_id, "e");
  EXPECT_FALSE(second->has_more);
}

TEST(AppStoreTest, ExactlyFullLastPageHasNoMore) {
  auto store = Memory();
  ASSERT_TRUE(store->Insert(App("", "a"), "h").ok());
  ASSERT_TRUE(store->Insert(App("", "b"), "h").ok());
  absl::StatusOr<AppPage> page = store->List("", "", 2);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->apps.size(), 2u);
  EXPECT_FALSE(page->has_more);
}

TEST(AppStoreTest, CredentialsAndSecretRotation) {
  auto store = Memory();
  ASSERT_TRUE(store->Insert(App("org", "k"), "first").ok());
  absl::StatusOr<ClientCredentials> creds = store->GetCredentials("k");
  ASSERT_TRUE(creds.ok());
  EXPECT_EQ(creds->organization, "org");
  EXPECT_EQ(creds->secret_hash, "first");
  ASSERT_TRUE(store->SetSecretHash("k", "second").ok());
  EXPECT_EQ(store->GetCredentials("k")->secret_hash, "second");
  EXPECT_EQ(store->GetCredentials("nope").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store->SetSecretHash("nope", "x").code(),
            absl::StatusCode::kNotFound);
}

TEST(AppStoreTest, FileDatabaseSurvivesReopen) {
  const tfpu::TempDir temp;
  const std::filesystem::path dir = temp.path();
  const std::string path = (dir / "dev.db").string();
  {
    auto store = AppStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE((*store)->Insert(App("", "persisted"), "h").ok());
  }
  {
    auto store = AppStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    absl::StatusOr<AppRecord> got = (*store)->Get("", "persisted");
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(*got, App("", "persisted"));
  }
}

TEST(AppStoreTest, SecretExpiryIsStoredAndReadBack) {
  auto store = Memory();
  AppRecord app = App("org", "expiring");
  app.secret_expires_at_unix_nanos = 1'800'000'000'000'000'000;
  ASSERT_TRUE(store->Insert(app, "h").ok());
  ASSERT_TRUE(store->Insert(App("org", "forever"), "h").ok());
  EXPECT_EQ(store->Get("org", "expiring")->secret_expires_at_unix_nanos,
            app.secret_expires_at_unix_nanos);
  EXPECT_EQ(store->GetCredentials("expiring")->secret_expires_at_unix_nanos,
            app.secret_expires_at_unix_nanos);
  EXPECT_EQ(store->GetCredentials("forever")->secret_expires_at_unix_nanos, 0);
  // Update and rotation keep the expiry.
  absl::StatusOr<AppRecord> updated = store->Update(
      "org", "expiring", [](AppRecord& a) { a.client_name = "renamed"; });
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->secret_expires_at_unix_nanos,
            app.secret_expires_at_unix_nanos);
  ASSERT_TRUE(store->SetSecretHash("expiring", "h2").ok());
  EXPECT_EQ(store->GetCredentials("expiring")->secret_expires_at_unix_nanos,
            app.secret_expires_at_unix_nanos);
  absl::StatusOr<AppPage> page = store->List("org", "", 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->apps.size(), 2u);
  EXPECT_EQ(page->apps[0].secret_expires_at_unix_nanos,
            app.secret_expires_at_unix_nanos);
  EXPECT_EQ(page->apps[1].secret_expires_at_unix_nanos, 0);
}

TEST(AppStoreTest, OlderDatabaseIsMigratedAndItsKeysNeverExpire) {
  const tfpu::TempDir temp;
  const std::filesystem::path dir = temp.path();
  const std::string path = (dir / "old.db").string();
  testing::WriteOldDatabase(path, "org", "old-hash", "old");
  for (int run = 0; run < 2; ++run) {  // the second open finds it migrated
    auto store = AppStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    absl::StatusOr<AppRecord> old = (*store)->Get("org", "old-key");
    ASSERT_TRUE(old.ok()) << old.status();
    EXPECT_EQ(old->client_name, "old");
    EXPECT_EQ(old->secret_expires_at_unix_nanos, 0);
    absl::StatusOr<ClientCredentials> credentials =
        (*store)->GetCredentials("old-key");
    ASSERT_TRUE(credentials.ok());
    EXPECT_EQ(credentials->secret_hash, "old-hash");
    EXPECT_EQ(credentials->secret_expires_at_unix_nanos, 0);
    if (run == 0) {
      AppRecord fresh = App("org", "new-key");
      fresh.secret_expires_at_unix_nanos = 42;
      ASSERT_TRUE((*store)->Insert(fresh, "h").ok());
    }
    EXPECT_EQ((*store)->Get("org", "new-key")->secret_expires_at_unix_nanos,
              42);
  }
}

TEST(AppStoreTest, NewerSchemaIsRefusedWithAClearError) {
  const tfpu::TempDir temp;
  const std::filesystem::path dir = temp.path();
  const std::string path = (dir / "newer.db").string();
  {
    auto store = AppStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);
  auto store = AppStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(store.status().message()),
              ::testing::HasSubstr("schema version 99"));
}

TEST(AppStoreTest, FilteredListPagesOverKeptAppsOnly) {
  auto store = Memory();
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE(
        store
            ->Insert(App("o", absl::StrFormat("k-%02d-%s", i,
                                              i % 3 == 0 ? "keep" : "drop")),
                     "h")
            .ok());
  }
  auto keep = [](absl::string_view id) {
    return id.find("keep") != absl::string_view::npos;
  };
  std::vector<std::string> seen;
  std::string after;
  std::vector<bool> more;
  for (int pages = 0; pages < 10; ++pages) {
    absl::StatusOr<AppPage> page = store->List("o", after, 4, keep);
    ASSERT_TRUE(page.ok());
    for (const AppRecord& a : page->apps) seen.push_back(a.client_id);
    more.push_back(page->has_more);
    if (!page->has_more) break;
    after = page->apps.back().client_id;
  }
  // 10 kept apps in pages of 4, 4 and 2; the last page knows it is last.
  EXPECT_THAT(more, ElementsAre(true, true, false));
  ASSERT_EQ(seen.size(), 10u);
  EXPECT_EQ(seen.front(), "k-00-keep");
  EXPECT_EQ(seen.back(), "k-27-keep");
  // Exactly 4 kept apps in total: a full page and no next page.
  absl::StatusOr<AppPage> exact = store->List("o", "k-16", 4, keep);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->apps.size(), 4u);
  EXPECT_FALSE(exact->has_more);
}

TEST(AppStoreTest, SyncModeDefaultsToNormalAndFullIsHonoured) {
  const tfpu::TempDir temp;
  const std::filesystem::path dir = temp.path();
  const std::string path = (dir / "dev.db").string();
  {
    auto store = AppStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    EXPECT_EQ((*store)->sync_mode().value_or(SyncMode::kFull),
              SyncMode::kNormal);
  }
  {
    auto store = AppStore::Open(path, SyncMode::kFull);
    ASSERT_TRUE(store.ok()) << store.status();
    EXPECT_EQ((*store)->sync_mode().value_or(SyncMode::kNormal),
              SyncMode::kFull);
    ASSERT_TRUE((*store)->Insert(App("", "synced"), "h").ok());
  }
  {
    auto store = AppStore::Open(path, SyncMode::kNormal);
    ASSERT_TRUE(store.ok()) << store.status();
    EXPECT_TRUE((*store)->Get("", "synced").ok());
  }
}

TEST(AppStoreTest, ParseSyncMode) {
  EXPECT_EQ(ParseSyncMode("normal").value_or(SyncMode::kFull),
            SyncMode::kNormal);
  EXPECT_EQ(ParseSyncMode("FULL").value_or(SyncMode::kNormal), SyncMode::kFull);
  EXPECT_FALSE(ParseSyncMode("off").ok());
  EXPECT_FALSE(ParseSyncMode("").ok());
}

TEST(AppStoreTest, OpenFailsForAnUnwritablePath) {
  EXPECT_FALSE(AppStore::Open("/nonexistent-dir/for/sure/dev.db").ok());
}

TEST(AppStoreTest, ConcurrentInsertsAllLand) {
  auto store = Memory();
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&store, t] {
      for (int i = 0; i < 25; ++i) {
        EXPECT_TRUE(
            store->Insert(App("", absl::StrFormat("t%d-%02d", t, i)), "h")
                .ok());
      }
    });
  }
  for (auto& th : threads) th.join();
  absl::StatusOr<AppPage> page = store->List("", "", 1000);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->apps.size(), 200u);
}

}  // namespace
}  // namespace devserver
