#include "test_database.hpp"

namespace manmulsang::testing {

TestDatabase::TestDatabase()
    : directory_("manmulsang-db"),
      file_(directory_ / "test.db"),
      database_(db::Database::Open("sqlite:" + file_.string())) {}

TestDatabase::TestDatabase(std::span<const db::Database::ModuleMigrations> migrations) : TestDatabase() {
  database_->Migrate(migrations);
}

void TestDatabase::Reopen() {
  database_.reset();
  database_ = db::Database::Open("sqlite:" + file_.string());
}

}  // namespace manmulsang::testing
