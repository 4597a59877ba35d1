#include "postgres/connection_pool.hpp"

namespace manmulsang::db {

ConnectionPool::~ConnectionPool() {
  std::lock_guard lock(mutex_);
  idle_.clear();
}

std::unique_ptr<PostgresConnection> ConnectionPool::Take() {
  std::unique_lock lock(mutex_);
  const bool available = changed_.wait_for(lock, kWait, [&] { return !idle_.empty() || open_count_ < kLimit; });
  if (!available) throw DatabaseError("no PostgreSQL connection became free in time");
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return connection;
  }
  ++open_count_;
  lock.unlock();
  try {
    return std::make_unique<PostgresConnection>(url_);
  } catch (...) {
    lock.lock();
    --open_count_;
    changed_.notify_one();
    throw;
  }
}

void ConnectionPool::Give(std::unique_ptr<PostgresConnection> connection) {
  std::lock_guard lock(mutex_);
  // A broken connection (server restarted, backend terminated) is dropped; the next Take
  // opens a fresh one.
  if (connection->IsUsable() && PQtransactionStatus(connection->handle()) == PQTRANS_IDLE) {
    idle_.push_back(std::move(connection));
  } else {
    --open_count_;
    if (!connection->IsUsable()) {
      // The server went away (a restart, a failover): the idle connections opened before are
      // as dead as this one and would each fail a request once. Close them all now.
      open_count_ -= idle_.size();
      idle_.clear();
      changed_.notify_all();
    }
  }
  changed_.notify_one();
}

}  // namespace manmulsang::db
