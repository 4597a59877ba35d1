#include "sqlite/sqlite_database.hpp"

namespace manmulsang::db {

SqliteDatabase::SqliteDatabase(std::string path)
    : path_(std::move(path)),
      writer_(std::make_unique<SqliteConnection>(path_, SqliteConnection::Mode::writer)),
      writer_queue_(*writer_) {}

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

void SqliteDatabase::BackupTo(const std::string& file) {
  // VACUUM INTO writes a compact, consistent snapshot without blocking readers; it cannot run
  // inside a transaction, so it takes the writer connection alone, in its turn in the queue.
  writer_queue_.RunAlone(
      [&](SqliteConnection& connection) { connection.Execute("VACUUM INTO $1", {std::string_view(file)}); });
}

}  // namespace manmulsang::db
