// Every module writes its migrations twice, once per store. This test applies all of them to a
// SQLite file and to a PostgreSQL database and compares what they made — tables, their columns,
// their indexes — so that the twins cannot drift apart unnoticed.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "temp_directory.hpp"
#include "test_database.hpp"
#include "wiring/all_migrations.hpp"

namespace manmulsang::app {
namespace {

struct Table {
  std::set<std::string> columns;
  std::set<std::string> indexes;  // created by CREATE INDEX, not those behind UNIQUE/PRIMARY KEY
};
using Schema = std::map<std::string, Table>;

Schema SqliteSchema(db::Database& database) {
  return database.Read([](db::Connection& connection) {
    Schema schema;
    for (const db::Row& table :
         connection.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
      Table& columns = schema[table.Text(0)];
      for (const db::Row& column : connection.Query("SELECT name FROM pragma_table_info($1)", {table.Text(0)})) {
        columns.columns.insert(column.Text(0));
      }
      for (const db::Row& index :
           connection.Query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = $1 AND sql IS NOT NULL",
                            {table.Text(0)})) {
        columns.indexes.insert(index.Text(0));
      }
    }
    return schema;
  });
}

Schema PostgresSchema(db::Database& database) {
  return database.Read([](db::Connection& connection) {
    Schema schema;
    for (const db::Row& table : connection.Query("SELECT table_name FROM information_schema.tables WHERE table_schema "
                                                 "= 'public' AND table_type = 'BASE TABLE'")) {
      Table& columns = schema[table.Text(0)];
      for (const db::Row& column : connection.Query(
               "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
               {table.Text(0)})) {
        columns.columns.insert(column.Text(0));
      }
      for (const db::Row& index :
           connection.Query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1"
                            " AND indexname NOT IN (SELECT conname FROM pg_constraint)",
                            {table.Text(0)})) {
        columns.indexes.insert(index.Text(0));
      }
    }
    return schema;
  });
}

std::string Describe(const std::set<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

TEST(SchemaTwins, SqliteAndPostgresqlMigrationsMakeTheSameTablesColumnsAndIndexes) {
  const auto cluster = testing::TestPostgresUrl();
  if (!cluster) GTEST_SKIP() << "compares both stores: runs in the PostgreSQL pass, which has both";
  testing::TempDirectory folder("manmulsang-twins");
  auto sqlite = db::Database::Open("sqlite:" + (folder / "twin.db").string());
  sqlite->Migrate(AllMigrations());
  testing::PostgresTestDatabase postgres_database(*cluster);
  auto postgres = db::Database::Open(postgres_database.url());
  postgres->Migrate(AllMigrations());

  const Schema on_sqlite = SqliteSchema(*sqlite);
  const Schema on_postgres = PostgresSchema(*postgres);
  std::set<std::string> tables;
  for (const auto& [name, table] : on_sqlite) tables.insert(name);
  for (const auto& [name, table] : on_postgres) tables.insert(name);
  for (const std::string& name : tables) {
    const auto in_sqlite = on_sqlite.find(name);
    const auto in_postgres = on_postgres.find(name);
    if (in_sqlite == on_sqlite.end() || in_postgres == on_postgres.end()) {
      ADD_FAILURE() << "table " << name << " exists only on "
                    << (in_sqlite == on_sqlite.end() ? "PostgreSQL" : "SQLite");
      continue;
    }
    EXPECT_EQ(Describe(in_sqlite->second.columns), Describe(in_postgres->second.columns))
        << "columns of " << name << " (SQLite, then PostgreSQL)";
    EXPECT_EQ(Describe(in_sqlite->second.indexes), Describe(in_postgres->second.indexes))
        << "indexes of " << name << " (SQLite, then PostgreSQL)";
  }
  EXPECT_GT(tables.size(), 20u);
}

}  // namespace
}  // namespace manmulsang::app
