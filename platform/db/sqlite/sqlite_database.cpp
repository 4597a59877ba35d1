#include "sqlite/sqlite_database.hpp"

namespace manmulsang::db {

SqliteDatabase::SqliteDatabase(std::string path)
    : path_(std::move(path)), writer_(std::make_unique<SqliteConnection>(path_, SqliteConnection::Mode::writer)) {}

SqliteDatabase::~SqliteDatabase() = default;

Database::Lease SqliteDatabase::AcquireReader() {
  std::unique_ptr<SqliteConnection> connection;
  {
    std::lock_guard lock(readers_mutex_);
    if (!idle_readers_.empty()) {
      connection = std::move(idle_readers_.back());
      idle_readers_.pop_back();
    }
  }
  if (!connection) connection = std::make_unique<SqliteConnection>(path_, SqliteConnection::Mode::reader);
  SqliteConnection* raw = connection.release();
  // The pool grows to the number of threads that read at once and keeps those connections
  // (and their prepared statements) for reuse.
  return Lease{raw, std::shared_ptr<void>(nullptr, [this, raw](void*) {
                 std::lock_guard lock(readers_mutex_);
                 idle_readers_.emplace_back(raw);
               })};
}

Database::Lease SqliteDatabase::AcquireWriter() {
  auto lock = std::make_shared<std::unique_lock<std::mutex>>(writer_mutex_);
  return Lease{writer_.get(), std::shared_ptr<void>(lock, nullptr)};
}

void SqliteDatabase::BackupTo(const std::string& file) {
  // VACUUM INTO writes a compact, consistent snapshot without blocking readers.
  std::lock_guard lock(writer_mutex_);
  writer_->Execute("VACUUM INTO $1", {std::string_view(file)});
}

void SqliteDatabase::Begin(Connection& connection) { connection.Execute("BEGIN IMMEDIATE"); }

void SqliteDatabase::Commit(Connection& connection) { connection.Execute("COMMIT"); }

void SqliteDatabase::Rollback(Connection& connection) noexcept {
  try {
    connection.Execute("ROLLBACK");
  } catch (...) {
    // SQLite has already rolled back (e.g. after SQLITE_FULL); nothing is left to undo.
  }
}

}  // namespace manmulsang::db
