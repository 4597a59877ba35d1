#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "postgres/postgres_connection.hpp"

namespace manmulsang::db {

// The connections to one PostgreSQL server (the primary or a replica): opened when needed, up
// to kLimit, and kept (with their prepared statements) for reuse.
class ConnectionPool {
 public:
  static constexpr std::size_t kLimit = 32;
  // How long a caller waits for a connection before giving up with a DatabaseError.
  static constexpr std::chrono::seconds kWait{30};

  explicit ConnectionPool(std::string url) : url_(std::move(url)) {}
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  const std::string& url() const { return url_; }

  // An idle connection or a new one; throws ConnectionLost when the server cannot be reached.
  std::unique_ptr<PostgresConnection> Take();
  // Back to the pool, unless it is broken or was left inside a transaction: then it is closed;
  // a broken one closes the idle ones too (the server they talked to is gone).
  void Give(std::unique_ptr<PostgresConnection> connection);

 private:
  std::string url_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::unique_ptr<PostgresConnection>> idle_;
  std::size_t open_count_ = 0;
};

}  // namespace manmulsang::db
