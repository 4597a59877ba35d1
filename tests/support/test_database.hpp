#pragma once

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "manmulsang/db/database.hpp"
#include "temp_directory.hpp"

namespace manmulsang::testing {

// The URL of the PostgreSQL cluster the tests run on (MANMULSANG_TEST_POSTGRES, which CTest sets
// for the tests labelled `postgres`), or nullopt: the tests run on SQLite.
std::optional<std::string> TestPostgresUrl();

// A database of its own in the tests' PostgreSQL cluster, created empty or — given migrations —
// as a copy of a template migrated once per migration set (any test process makes it, the others
// wait for it), and dropped when the object goes. Whoever still holds a connection to it then is
// disconnected.
class PostgresTestDatabase {
 public:
  explicit PostgresTestDatabase(const std::string& cluster_url,
                                std::span<const db::Database::ModuleMigrations> migrations = {});
  ~PostgresTestDatabase();

  PostgresTestDatabase(const PostgresTestDatabase&) = delete;
  PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // postgresql://...: the cluster's URL naming this database.
  const std::string& url() const { return url_; }

 private:
  std::string cluster_url_;
  std::string name_;
  std::string url_;
};

// Writes sql in a transaction of its own past the schema's CHECK constraints, as a hand edit or a
// bad migration would leave a row: for tests of what the code does with a broken store. SQLite
// switches its CHECKs off for the statement; PostgreSQL cannot, so the store (a test's own
// database) loses its CHECK constraints for good.
void WritePastChecks(db::Database& database, std::string_view sql,
                     std::initializer_list<db::Parameter> parameters = {});

// A real store for a test: a SQLite file in a fresh temporary folder, or, when the tests run on
// PostgreSQL (TestPostgresUrl), a fresh database in the tests' cluster. Tests run against the real
// driver, never a mock. The store goes away with the object. It is the one place a test's store is
// chosen (TestMarketplace stands on it too).
class TestDatabase {
 public:
  TestDatabase();
  // Also applies the given modules' migrations, in order.
  explicit TestDatabase(std::span<const db::Database::ModuleMigrations> migrations);
  ~TestDatabase();

  db::Database& database() { return *database_; }
  db::Database* operator->() { return database_.get(); }
  db::Database& operator*() { return *database_; }
  // The store's URL: "sqlite:PATH" or "postgresql://...".
  const std::string& url() const { return url_; }
  bool IsPostgres() const { return postgres_ != nullptr; }
  // Whether the tests run on PostgreSQL, for a test that skips there without a TestDatabase of
  // its own (GTEST_SKIP() << "SQLite only: <why>").
  static bool OnPostgres() { return TestPostgresUrl().has_value(); }
  // SQLite only: the store's file (empty on PostgreSQL; a test of the file skips there).
  const std::filesystem::path& file() const { return file_; }
  // A folder that lives as long as the store, whichever it is (room for uploads, copies).
  const TempDirectory& directory() const { return directory_; }

  // Closes and opens the same store again, as a restarted server would.
  void Reopen();

 private:
  TestDatabase(std::span<const db::Database::ModuleMigrations> migrations, bool migrate);

  TempDirectory directory_;
  std::filesystem::path file_;
  std::unique_ptr<PostgresTestDatabase> postgres_;
  std::string url_;
  std::unique_ptr<db::Database> database_;
};

}  // namespace manmulsang::testing
