#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "postgres/connection_pool.hpp"
#include "postgres/notification_listener.hpp"
#include "postgres/postgres_connection.hpp"

namespace manmulsang::db {

// PostgreSQL, for several nodes on one store. Connections come from pools (ConnectionPool):
// one for the primary, which takes every Write, and one per read replica. Reads go to the
// replicas in turn when there are any, except on a thread inside a PrimaryReads scope (a member
// who has just written) or when a replica cannot be reached: then to the primary.
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
  static constexpr int kAttempts = 30;

  // Throws DatabaseError (ConnectionLost) when the primary cannot be reached.
  explicit PostgresDatabase(std::string url, std::vector<std::string> replica_urls = {});
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
  // One attempt of write: committed, or rolled back by its own choice; else it throws.
  void RunOnce(PostgresConnection& connection, QueuedWrite& write);
  // A lease on a connection of pool, given back when the lease goes.
  static Lease LeaseFrom(ConnectionPool& pool);

  ConnectionPool primary_;
  std::vector<std::unique_ptr<ConnectionPool>> replicas_;
  std::atomic<std::size_t> next_replica_{0};
  std::mutex listener_mutex_;

  std::atomic<std::int64_t> transactions_{0};
  std::atomic<std::int64_t> commits_{0};
  std::atomic<std::int64_t> waiting_{0};

  std::unique_ptr<NotificationListener> listener_;
};

}  // namespace manmulsang::db
