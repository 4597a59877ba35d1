#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "postgres/notification_listener.hpp"
#include "postgres/postgres_connection.hpp"

namespace manmulsang::db {

// PostgreSQL, for several nodes on one store. Connections come from a pool that grows to
// kPoolLimit and keeps them (with their prepared statements) for reuse.
//
// Each Write runs in its own SERIALIZABLE transaction on the caller's thread: PostgreSQL
// detects when concurrent transactions could not have run one after the other (two payments
// that both read the same balance, two buyers of the same listing) and fails all but one with
// a serialization failure; Submit then rolls back and runs the whole unit of work again, up to
// kAttempts times. That is why every Write body must be safe to run again. A connection lost
// before COMMIT is replaced and the work run again too; one lost during COMMIT leaves the
// outcome unknown and is reported as a DatabaseError.
class PostgresDatabase final : public Database {
 public:
  static constexpr std::size_t kPoolLimit = 32;
  static constexpr int kAttempts = 12;
  // How long a caller waits for a pooled connection before giving up with a DatabaseError.
  static constexpr std::chrono::seconds kPoolWait{30};

  // Throws DatabaseError (ConnectionLost) when the server cannot be reached.
  explicit PostgresDatabase(std::string url);
  ~PostgresDatabase() override;

  Dialect dialect() const override { return Dialect::postgres; }
  void BackupTo(const std::string& file) override;
  WriterStatistics Statistics() const override;
  std::shared_ptr<void> HoldLock(std::int64_t key) override;
  std::shared_ptr<void> Listen(std::string channel, Listener callback) override;

 protected:
  Lease AcquireReader() override;
  void Submit(QueuedWrite& write) override;

 private:
  std::unique_ptr<PostgresConnection> Take();
  void Give(std::unique_ptr<PostgresConnection> connection);
  // One attempt of write; true when it committed or was rolled back by its own choice.
  void RunOnce(PostgresConnection& connection, QueuedWrite& write);

  std::string url_;

  std::mutex pool_mutex_;
  std::condition_variable pool_changed_;
  std::vector<std::unique_ptr<PostgresConnection>> idle_;
  std::size_t open_count_ = 0;

  std::atomic<std::int64_t> transactions_{0};
  std::atomic<std::int64_t> commits_{0};
  std::atomic<std::int64_t> waiting_{0};

  std::unique_ptr<NotificationListener> listener_;
};

}  // namespace manmulsang::db
