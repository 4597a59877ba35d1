#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "sqlite/group_commit_writer.hpp"
#include "sqlite/sqlite_connection.hpp"

namespace manmulsang::db {

// SQLite in WAL mode: one writer connection (SQLite allows one writer at a time anyway) that
// group commit shares between the writers queued for it, and a pool of read connections that
// read concurrently with the writer.
class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::string path);
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::sqlite; }
  const std::string& path() const { return path_; }
  void BackupTo(const std::string& file) override;
  WriterStatistics Statistics() const override { return writer_queue_.Statistics(); }

 protected:
  Lease AcquireReader() override;
  void Submit(QueuedWrite& write) override { writer_queue_.Submit(write); }

 private:
  std::string path_;
  std::unique_ptr<SqliteConnection> writer_;
  GroupCommitWriter writer_queue_;

  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

}  // namespace manmulsang::db
