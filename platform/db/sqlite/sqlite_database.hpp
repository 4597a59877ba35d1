#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "sqlite/sqlite_connection.hpp"

namespace manmulsang::db {

// SQLite in WAL mode: one writer connection (SQLite allows one writer at a time anyway, so
// writers queue on a mutex instead of spinning on SQLITE_BUSY) and a pool of read connections
// that read concurrently with the writer.
class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::string path);
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::sqlite; }
  const std::string& path() const { return path_; }
  void BackupTo(const std::string& file) override;

 protected:
  Lease AcquireReader() override;
  Lease AcquireWriter() override;
  void Begin(Connection& connection) override;
  void Commit(Connection& connection) override;
  void Rollback(Connection& connection) noexcept override;

 private:
  std::string path_;
  std::mutex writer_mutex_;
  std::unique_ptr<SqliteConnection> writer_;

  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

}  // namespace manmulsang::db
