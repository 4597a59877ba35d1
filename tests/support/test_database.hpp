#pragma once

#include <filesystem>
#include <memory>
#include <span>

#include "manmulsang/db/database.hpp"
#include "temp_directory.hpp"

namespace manmulsang::testing {

// A real SQLite store in a fresh temporary folder: tests run against the real driver, never a
// mock. The file and folder go away with the object. It is the one place a test's store is chosen
// (TestMarketplace stands on it too): running the tests on another store starts here.
class TestDatabase {
 public:
  TestDatabase();
  // Also applies the given modules' migrations, in order.
  explicit TestDatabase(std::span<const db::Database::ModuleMigrations> migrations);

  db::Database& database() { return *database_; }
  db::Database* operator->() { return database_.get(); }
  db::Database& operator*() { return *database_; }
  const std::filesystem::path& file() const { return file_; }
  const TempDirectory& directory() const { return directory_; }

  // Closes and opens the same file again, as a restarted server would.
  void Reopen();

 private:
  TempDirectory directory_;
  std::filesystem::path file_;
  std::unique_ptr<db::Database> database_;
};

}  // namespace manmulsang::testing
