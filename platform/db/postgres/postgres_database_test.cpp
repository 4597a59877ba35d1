// The PostgreSQL driver against a real PostgreSQL 15: the private server `make test` starts
// (its admin URL in MANMULSANG_TEST_POSTGRES). Each test works in a database of its own.
#include "postgres/postgres_database.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <expected>
#include <latch>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "manmulsang/core/embedded_file.hpp"

namespace manmulsang::db {
namespace {

// Runs one statement on the server's admin database (CREATE/DROP DATABASE cannot run inside a
// transaction, so not through Database).
void RunAsAdministrator(const std::string& admin_url, const std::string& sql) {
  PGconn* connection = PQconnectdb(admin_url.c_str());
  ASSERT_EQ(PQstatus(connection), CONNECTION_OK) << PQerrorMessage(connection);
  PGresult* result = PQexec(connection, sql.c_str());
  EXPECT_EQ(PQresultStatus(result), PGRES_COMMAND_OK) << PQerrorMessage(connection);
  PQclear(result);
  PQfinish(connection);
}

// admin_url with its database (the URL's path) replaced by name.
std::string WithDatabase(const std::string& admin_url, const std::string& name) {
  const std::size_t authority = admin_url.find("://") + 3;
  const std::size_t path = admin_url.find('/', authority);
  const std::size_t query = admin_url.find('?', authority);
  const std::string before = admin_url.substr(0, path == std::string::npos ? query : path);
  return before + "/" + name + (query == std::string::npos ? "" : admin_url.substr(query));
}

class PostgresDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* admin_url = std::getenv("MANMULSANG_TEST_POSTGRES");
    if (admin_url == nullptr) GTEST_SKIP() << "PostgreSQL only: runs in the postgres pass of make test";
    admin_url_ = admin_url;
    name_ = "driver_" + std::to_string(getpid()) + "_" + std::to_string(std::random_device{}());
    RunAsAdministrator(admin_url_, "CREATE DATABASE " + name_);
    url_ = WithDatabase(admin_url_, name_);
    database_ = Database::Open(url_);
    database_->Write([](Connection& connection) {
      connection.ExecuteScript(
          "CREATE TABLE items (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, price BIGINT, weight DOUBLE "
          "PRECISION)");
    });
  }
  void TearDown() override {
    if (admin_url_.empty()) return;
    database_.reset();
    RunAsAdministrator(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }

  std::int64_t Count() {
    return database_->Read(
        [](Connection& connection) { return connection.QueryOne("SELECT count(*) FROM items")->Int(0); });
  }

  // Ends every other session on this test's database, as a server restart would.
  void TerminateOtherSessions() {
    RunAsAdministrator(admin_url_,
                       "DO $$ BEGIN PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name_ +
                           "' AND pid <> pg_backend_pid(); END $$");
  }

  std::string admin_url_;
  std::string name_;
  std::string url_;
  std::unique_ptr<Database> database_;
};

TEST_F(PostgresDatabaseTest, BindsRepeatedPlaceholdersNullsAndDecodesTypes) {
  database_->Write([](Connection& connection) {
    connection.Execute("INSERT INTO items (name, price, weight) VALUES ($1, $2, $3)",
                       {"사과", std::int64_t{1500}, 0.25});
    connection.Execute("INSERT INTO items (name, price, weight) VALUES ($1 || '-' || $1, $2, $3)",
                       {"배", nullptr, nullptr});
    connection.Execute("INSERT INTO items (name, price) VALUES ($1, $2)", {"big", std::int64_t{9'000'000'000'000}});
  });
  database_->Read([](Connection& connection) {
    const Row pear = *connection.QueryOne("SELECT name, price, weight FROM items WHERE name = $1", {"배-배"});
    EXPECT_TRUE(pear.IsNull(1));
    EXPECT_TRUE(pear.IsNull(2));
    EXPECT_EQ(pear.OptionalInt(1), std::nullopt);
    const Row apple = *connection.QueryOne("SELECT price, weight, price > $1, name FROM items WHERE name = $2",
                                           {std::int64_t{1000}, "사과"});
    EXPECT_EQ(apple.Int(0), 1500);
    EXPECT_DOUBLE_EQ(apple.Real(1), 0.25);
    EXPECT_EQ(apple.Int(2), 1);  // a boolean reads as 0/1, as SQLite's integers do
    EXPECT_EQ(apple.Text(3), "사과");
    // SUM over BIGINT is NUMERIC on PostgreSQL: integral sums read as integers, beyond 2^31 too.
    const Row sums = *connection.QueryOne("SELECT SUM(price), AVG(price), count(*) FROM items");
    EXPECT_EQ(sums.Int(0), 9'000'000'001'500);
    EXPECT_DOUBLE_EQ(sums.Real(1), 4'500'000'000'750.0);
    EXPECT_EQ(sums.Int(2), 3);
  });
}

TEST_F(PostgresDatabaseTest, AUniqueViolationIsTypedAndRollsBackItsTransaction) {
  database_->Write([](Connection& connection) { connection.Execute("INSERT INTO items (name) VALUES ('one')"); });
  EXPECT_THROW(database_->Write([](Connection& connection) {
    connection.Execute("INSERT INTO items (name) VALUES ('two')");
    connection.Execute("INSERT INTO items (name) VALUES ('one')");
  }),
               UniqueViolation);
  EXPECT_EQ(Count(), 1);
}

TEST_F(PostgresDatabaseTest, AnExpectedErrorRollsBackAndBrokenSqlIsADatabaseError) {
  auto result = database_->Write([](Connection& connection) -> std::expected<int, std::string> {
    connection.Execute("INSERT INTO items (name) VALUES ('kept?')");
    return std::unexpected("no");
  });
  EXPECT_FALSE(result.has_value());
  EXPECT_EQ(Count(), 0);
  EXPECT_THROW(database_->Read([](Connection& connection) { return connection.Query("SELEKT 1"); }), DatabaseError);
}

TEST_F(PostgresDatabaseTest, ASerializationFailureRunsTheWholeWorkAgain) {
  int attempts = 0;
  database_->Write([&](Connection& connection) {
    ++attempts;
    connection.Execute("INSERT INTO items (name) VALUES ('once')");
    if (attempts == 1) {
      connection.ExecuteScript("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'serialization_failure'; END $$");
    }
  });
  EXPECT_EQ(attempts, 2);
  EXPECT_EQ(Count(), 1);
}

// The shape of a wallet payment: read the balance, then spend it. Both transactions read 100
// before either writes; SERIALIZABLE fails one, which runs again and finds nothing left.
TEST_F(PostgresDatabaseTest, TwoSpendersOfOneBalanceCannotBothSpendIt) {
  database_->Write(
      [](Connection& connection) { connection.Execute("INSERT INTO items (name, price) VALUES ('deposit', 100)"); });
  std::latch both_read(2);
  std::atomic<int> first_attempts{0};
  auto spend = [&](const std::string& name) {
    database_->Write([&](Connection& connection) {
      const std::int64_t balance = connection.QueryOne("SELECT COALESCE(SUM(price), 0) FROM items")->Int(0);
      // Only the first attempt of each waits for the other, so a retry does not wait for ever.
      if (first_attempts.fetch_add(1) < 2) both_read.arrive_and_wait();
      if (balance < 100) return false;
      connection.Execute("INSERT INTO items (name, price) VALUES ($1, -100)", {name});
      return true;
    });
  };
  std::thread first([&] { spend("first"); });
  std::thread second([&] { spend("second"); });
  first.join();
  second.join();
  EXPECT_EQ(database_->Read(
                [](Connection& connection) { return connection.QueryOne("SELECT SUM(price) FROM items")->Int(0); }),
            0);
  EXPECT_EQ(Count(), 2);
  EXPECT_GE(first_attempts.load(), 3) << "one of the two must have run again";
}

TEST_F(PostgresDatabaseTest, ManyWritersKeepEveryRow) {
  std::vector<std::thread> threads;
  for (int thread = 0; thread < 8; ++thread) {
    threads.emplace_back([&, thread] {
      for (int row = 0; row < 25; ++row) {
        database_->Write([&](Connection& connection) {
          const std::string name = std::to_string(thread) + "-" + std::to_string(row);
          connection.Execute("INSERT INTO items (name, price) VALUES ($1, $2)", {name, std::int64_t{row}});
        });
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(Count(), 200);
}

TEST_F(PostgresDatabaseTest, AWriteInsideAWriteIsRefused) {
  EXPECT_THROW(database_->Write([&](Connection&) { database_->Write([](Connection&) {}); }), std::logic_error);
  // The store still serves writes afterwards.
  database_->Write([](Connection& connection) { connection.Execute("INSERT INTO items (name) VALUES ('after')"); });
  EXPECT_EQ(Count(), 1);
}

TEST_F(PostgresDatabaseTest, ReadsAndWritesReconnectAfterTheServerEndsTheirSessions) {
  database_->Write([](Connection& connection) { connection.Execute("INSERT INTO items (name) VALUES ('before')"); });
  EXPECT_EQ(Count(), 1);
  TerminateOtherSessions();
  EXPECT_EQ(Count(), 1);
  TerminateOtherSessions();
  database_->Write([](Connection& connection) { connection.Execute("INSERT INTO items (name) VALUES ('after')"); });
  EXPECT_EQ(Count(), 2);
}

TEST_F(PostgresDatabaseTest, NotificationsArriveOnCommitOnlyAndALostListenerIsTold) {
  std::mutex mutex;
  std::condition_variable arrived;
  std::vector<std::string> payloads;
  const auto subscription = database_->Listen("items_changed", [&](std::string_view payload) {
    std::lock_guard lock(mutex);
    payloads.emplace_back(payload);
    arrived.notify_all();
  });
  auto wait_for = [&](std::size_t count) {
    std::unique_lock lock(mutex);
    return arrived.wait_for(lock, std::chrono::seconds(20), [&] { return payloads.size() >= count; });
  };
  auto rolled_back = database_->Write([](Connection& connection) -> std::expected<int, int> {
    connection.Notify("items_changed", "rolled back");
    return std::unexpected(0);
  });
  EXPECT_FALSE(rolled_back.has_value());
  database_->Write([](Connection& connection) { connection.Notify("items_changed", "42"); });
  ASSERT_TRUE(wait_for(1));
  {
    std::lock_guard lock(mutex);
    EXPECT_EQ(payloads, std::vector<std::string>{"42"});
  }
  // The listener's session ends: once it listens again, it says "" (anything may have changed).
  TerminateOtherSessions();
  ASSERT_TRUE(wait_for(2));
  {
    std::lock_guard lock(mutex);
    EXPECT_EQ(payloads.back(), "");
  }
  // And it hears what commits afterwards.
  database_->Write([](Connection& connection) { connection.Notify("items_changed", "43"); });
  ASSERT_TRUE(wait_for(3));
  std::lock_guard lock(mutex);
  EXPECT_EQ(payloads.back(), "43");
}

TEST_F(PostgresDatabaseTest, ATransactionLockIsHeldByOneTransactionAtATime) {
  std::latch first_holds(1);
  std::latch second_tried(1);
  std::thread holder([&] {
    database_->Write([&](Connection& connection) {
      EXPECT_TRUE(connection.TryTransactionLock(7));
      first_holds.count_down();
      second_tried.wait();
    });
  });
  first_holds.wait();
  const bool second = database_->Write([](Connection& connection) { return connection.TryTransactionLock(7); });
  second_tried.count_down();
  holder.join();
  EXPECT_FALSE(second);
  EXPECT_TRUE(database_->Write([](Connection& connection) { return connection.TryTransactionLock(7); }));
}

constexpr std::string_view kCreateThings =
    "CREATE TYPE thing_kind AS ENUM ('a', 'b'); CREATE TABLE things (kind thing_kind)";
constexpr std::string_view kAddThing = "INSERT INTO things (kind) VALUES ('a')";
const core::EmbeddedFile kMigrations[] = {
    {"postgres/0001_create_things.sql", kCreateThings},
    {"postgres/0002_add_thing.sql", kAddThing},
};

TEST_F(PostgresDatabaseTest, TwoNodesMigratingAtOnceApplyEachMigrationOnce) {
  const Database::ModuleMigrations modules[] = {{"things", kMigrations}};
  auto other = Database::Open(url_);
  std::atomic<int> applied{0};
  std::thread first([&] { applied += database_->Migrate(modules); });
  std::thread second([&] { applied += other->Migrate(modules); });
  first.join();
  second.join();
  EXPECT_EQ(applied, 2);
  EXPECT_EQ(database_->Read(
                [](Connection& connection) { return connection.QueryOne("SELECT count(*) FROM things")->Int(0); }),
            1);
  EXPECT_EQ(database_->AppliedMigrationCount(), 2);
}

TEST_F(PostgresDatabaseTest, BackupPointsToPostgresqlTools) {
  try {
    database_->BackupTo("/tmp/never");
    FAIL() << "a PostgreSQL store has no file to copy";
  } catch (const DatabaseError& error) {
    EXPECT_NE(std::string(error.what()).find("pg_dump"), std::string::npos);
  }
}

TEST(PostgresDatabaseOpen, AnUnreachableServerIsADatabaseError) {
  EXPECT_THROW(Database::Open("postgresql://nobody@/none?host=/nonexistent-socket-folder&port=1"), DatabaseError);
}

}  // namespace
}  // namespace manmulsang::db
