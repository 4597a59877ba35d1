#include "manmulsang/db/database.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <expected>
#include <filesystem>
#include <thread>
#include <vector>

namespace manmulsang::db {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/manmulsang-db-XXXXXX";
    directory_ = mkdtemp(pattern);
    database_ = Database::Open("sqlite:" + (directory_ / "store.db").string());
    database_->Write([](Connection& connection) {
      connection.ExecuteScript(
          "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, price INTEGER, weight REAL)");
    });
  }
  void TearDown() override {
    database_.reset();
    std::filesystem::remove_all(directory_);
  }

  std::int64_t Count() {
    return database_->Read([](Connection& connection) {
      return connection.QueryOne("SELECT count(*) FROM items")->Int(0);
    });
  }

  std::filesystem::path directory_;
  std::unique_ptr<Database> database_;
};

TEST_F(DatabaseTest, BindsNumberedPlaceholdersInAnyOrder) {
  const auto id = database_->Write([](Connection& connection) {
    return connection.QueryOne("INSERT INTO items (price, name, weight) VALUES ($2, $1, $3) RETURNING id",
                               {std::string_view("노트북"), std::int64_t{450000}, 1.5})
        ->Int(0);
  });
  const auto row = database_->Read([&](Connection& connection) {
    return connection.QueryOne("SELECT name, price, weight, NULL FROM items WHERE id = $1", {id});
  });
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Text(0), "노트북");
  EXPECT_EQ(row->Int(1), 450000);
  EXPECT_DOUBLE_EQ(row->Real(2), 1.5);
  EXPECT_TRUE(row->IsNull(3));
  EXPECT_FALSE(row->OptionalInt(3));
}

TEST_F(DatabaseTest, AnEmptyViewIsEmptyTextNotNull) {
  database_->Write([](Connection& connection) {
    connection.Execute("INSERT INTO items (name) VALUES ($1)", {std::string_view()});
  });
  const auto row = database_->Read([](Connection& connection) {
    return connection.QueryOne("SELECT name IS NULL, length(name) FROM items");
  });
  EXPECT_EQ(row->Int(0), 0);
  EXPECT_EQ(row->Int(1), 0);
}

TEST_F(DatabaseTest, ReusesAParameterAndTreatsTextAsData) {
  const std::string hostile = "'); DROP TABLE items; --";
  database_->Write([&](Connection& connection) {
    connection.Execute("INSERT INTO items (name, price) VALUES ($1, $2)", {std::string_view(hostile), std::int64_t{7}});
  });
  const auto row = database_->Read([&](Connection& connection) {
    return connection.QueryOne("SELECT count(*) FROM items WHERE name = $1 AND name = $1", {std::string_view(hostile)});
  });
  EXPECT_EQ(row->Int(0), 1);
}

TEST_F(DatabaseTest, ExpectedErrorRollsBackAndValueCommits) {
  auto failed = database_->Write([](Connection& connection) -> std::expected<int, std::string> {
    connection.Execute("INSERT INTO items (name) VALUES ('a')");
    return std::unexpected("refused");
  });
  EXPECT_FALSE(failed);
  EXPECT_EQ(Count(), 0);
  auto succeeded = database_->Write([](Connection& connection) -> std::expected<int, std::string> {
    connection.Execute("INSERT INTO items (name) VALUES ('a')");
    return 1;
  });
  EXPECT_TRUE(succeeded);
  EXPECT_EQ(Count(), 1);
}

TEST_F(DatabaseTest, ExceptionRollsBackWholeTransaction) {
  EXPECT_THROW(database_->Write([](Connection& connection) {
    connection.Execute("INSERT INTO items (name) VALUES ('first')");
    connection.Execute("INSERT INTO items (name) VALUES ('first')");  // UNIQUE
  }),
               UniqueViolation);
  EXPECT_EQ(Count(), 0);
}

TEST_F(DatabaseTest, BrokenSqlIsADatabaseError) {
  EXPECT_THROW(database_->Read([](Connection& connection) { return connection.Query("SELEC nonsense"); }),
               DatabaseError);
  EXPECT_THROW(database_->Read([](Connection& connection) { return connection.Query("SELECT ? + 1"); }),
               DatabaseError);
}

TEST_F(DatabaseTest, ReadersCannotWrite) {
  EXPECT_THROW(database_->Read([](Connection& connection) {
    return connection.Execute("INSERT INTO items (name) VALUES ('x')");
  }),
               DatabaseError);
}

TEST_F(DatabaseTest, ConcurrentWritersAndReadersKeepEveryRow) {
  constexpr int kThreads = 4;
  constexpr int kRowsEach = 200;
  std::atomic<bool> read_failed = false;
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      for (int index = 0; index < kRowsEach; ++index) {
        const std::string name = std::to_string(thread) + "-" + std::to_string(index);
        database_->Write([&](Connection& connection) {
          connection.Execute("INSERT INTO items (name) VALUES ($1)", {std::string_view(name)});
        });
        if (Count() < index + 1) read_failed = true;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_FALSE(read_failed);
  EXPECT_EQ(Count(), kThreads * kRowsEach);
}

TEST_F(DatabaseTest, MigrationsApplyOnceInOrderPerDialect) {
  static constexpr core::EmbeddedFile kFiles[] = {
      {"sqlite/0002_add.sql", "INSERT INTO shelves (name) VALUES ('second')"},
      {"sqlite/0001_create.sql", "CREATE TABLE shelves (id INTEGER PRIMARY KEY, name TEXT)"},
      {"postgres/0001_create.sql", "this is not run on SQLite"},
  };
  const Database::ModuleMigrations modules[] = {{"shelves", kFiles}};
  EXPECT_EQ(database_->Migrate(modules), 2);
  EXPECT_EQ(database_->Migrate(modules), 0);
  EXPECT_EQ(database_->AppliedMigrationCount(), 2);
  database_->CheckHealth();
  const auto count = database_->Read([](Connection& connection) {
    return connection.QueryOne("SELECT count(*) FROM shelves")->Int(0);
  });
  EXPECT_EQ(count, 1);
}

TEST_F(DatabaseTest, AFailedMigrationLeavesNothingBehind) {
  static constexpr core::EmbeddedFile kFiles[] = {
      {"sqlite/0001_broken.sql", "CREATE TABLE halves (id INTEGER); THIS IS NOT SQL"},
  };
  const Database::ModuleMigrations modules[] = {{"halves", kFiles}};
  EXPECT_THROW(database_->Migrate(modules), DatabaseError);
  const auto tables = database_->Read([](Connection& connection) {
    return connection.QueryOne("SELECT count(*) FROM sqlite_master WHERE name = 'halves'")->Int(0);
  });
  EXPECT_EQ(tables, 0);
}

TEST_F(DatabaseTest, BackupIsACompleteCopy) {
  database_->Write([](Connection& connection) { connection.Execute("INSERT INTO items (name) VALUES ('kept')"); });
  const std::string copy = (directory_ / "backup.db").string();
  database_->BackupTo(copy);
  auto restored = Database::Open("sqlite:" + copy);
  const auto name = restored->Read([](Connection& connection) {
    return connection.QueryOne("SELECT name FROM items")->Text(0);
  });
  EXPECT_EQ(name, "kept");
  EXPECT_THROW(database_->BackupTo(copy), DatabaseError);  // never overwrites
}

TEST_F(DatabaseTest, AStoreWithoutMigrationsIsNotAManmulsangStore) {
  EXPECT_THROW(database_->AppliedMigrationCount(), DatabaseError);
}

TEST(DatabaseOpen, RefusesUnknownUrls) {
  EXPECT_THROW(Database::Open("mysql://x"), DatabaseError);
  EXPECT_THROW(Database::Open("sqlite:/nonexistent-folder/x/y.db"), DatabaseError);
}

}  // namespace
}  // namespace manmulsang::db
