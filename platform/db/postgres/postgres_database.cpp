#include "postgres/postgres_database.hpp"

#include <random>
#include <stdexcept>
#include <thread>

namespace manmulsang::db {

namespace {

// The store whose Write is running on this thread, if any: a Write inside it would take a
// second connection and could wait for ever on rows its own caller holds.
thread_local const PostgresDatabase* writing_on = nullptr;

class WritingOn {
 public:
  explicit WritingOn(const PostgresDatabase* database) { writing_on = database; }
  ~WritingOn() { writing_on = nullptr; }
};

// Between attempts after a serialization failure: a short, growing, random pause, so that the
// transactions that collided do not collide again in step.
void PauseBeforeAttempt(int attempt) {
  thread_local std::minstd_rand random(std::random_device{}());
  const int ceiling = std::min(1 << std::min(attempt, 6), 64);
  std::uniform_int_distribution<int> milliseconds(0, ceiling);
  std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds(random)));
}

}  // namespace

PostgresDatabase::PostgresDatabase(std::string url) : url_(std::move(url)) {
  // A first connection proves the URL now, and is the pool's first.
  Give(std::make_unique<PostgresConnection>(url_));
  open_count_ = 1;
}

PostgresDatabase::~PostgresDatabase() {
  listener_.reset();
  std::lock_guard lock(pool_mutex_);
  idle_.clear();
}

std::unique_ptr<PostgresConnection> PostgresDatabase::Take() {
  std::unique_lock lock(pool_mutex_);
  const bool available =
      pool_changed_.wait_for(lock, kPoolWait, [&] { return !idle_.empty() || open_count_ < kPoolLimit; });
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
    pool_changed_.notify_one();
    throw;
  }
}

void PostgresDatabase::Give(std::unique_ptr<PostgresConnection> connection) {
  std::lock_guard lock(pool_mutex_);
  // A broken connection (server restarted, backend terminated) is dropped; the next Take
  // opens a fresh one.
  if (connection->IsUsable() && PQtransactionStatus(connection->handle()) == PQTRANS_IDLE) {
    idle_.push_back(std::move(connection));
  } else {
    --open_count_;
  }
  pool_changed_.notify_one();
}

Database::Lease PostgresDatabase::AcquireReader() {
  PostgresConnection* raw = Take().release();
  return Lease{raw,
               std::shared_ptr<void>(nullptr, [this, raw](void*) { Give(std::unique_ptr<PostgresConnection>(raw)); })};
}

void PostgresDatabase::RunOnce(PostgresConnection& connection, QueuedWrite& write) {
  connection.ExecuteScript("BEGIN ISOLATION LEVEL SERIALIZABLE");
  bool keep = false;
  try {
    keep = write.Run(connection);
  } catch (...) {
    if (connection.IsUsable()) {
      try {
        connection.ExecuteScript("ROLLBACK");
      } catch (const DatabaseError&) {
        // The connection broke while rolling back; the pool drops it and the server rolls back.
      }
    }
    throw;
  }
  if (!keep) {
    connection.ExecuteScript("ROLLBACK");
    return;
  }
  try {
    connection.ExecuteScript("COMMIT");
  } catch (const ConnectionLost& lost) {
    // COMMIT was sent and the answer never came: it may or may not have committed.
    throw DatabaseError(std::string("the connection broke during COMMIT; the outcome is unknown: ") + lost.what());
  }
  ++commits_;
}

void PostgresDatabase::Submit(QueuedWrite& write) {
  if (writing_on == this) throw std::logic_error("a Write inside a Write on the same store can never be served");
  WritingOn guard(this);
  ++waiting_;
  struct NoLongerWaiting {
    std::atomic<std::int64_t>& waiting;
    ~NoLongerWaiting() { --waiting; }
  } no_longer_waiting{waiting_};

  for (int attempt = 1;; ++attempt) {
    std::unique_ptr<PostgresConnection> connection = Take();
    try {
      ++transactions_;
      RunOnce(*connection, write);
      Give(std::move(connection));
      return;
    } catch (const SerializationFailure&) {
      Give(std::move(connection));
      if (attempt == kAttempts) throw;
    } catch (const ConnectionLost&) {
      // Nothing committed (a break during COMMIT is a plain DatabaseError): run it again on a
      // fresh connection, once the server answers.
      Give(std::move(connection));
      if (attempt == kAttempts) throw;
    } catch (...) {
      Give(std::move(connection));
      throw;
    }
    PauseBeforeAttempt(attempt);
  }
}

WriterStatistics PostgresDatabase::Statistics() const {
  return WriterStatistics{.transactions = transactions_, .commits = commits_, .waiting = waiting_};
}

void PostgresDatabase::BackupTo(const std::string&) {
  throw DatabaseError(
      "a PostgreSQL store is backed up with PostgreSQL's own tools: pg_dump for a logical copy, pg_basebackup for a "
      "physical one (docs/DEPLOYMENT.md)");
}

std::shared_ptr<void> PostgresDatabase::HoldLock(std::int64_t key) {
  std::unique_ptr<PostgresConnection> connection = Take();
  connection->Query("SELECT pg_advisory_lock($1)", {key});
  PostgresConnection* raw = connection.release();
  return std::shared_ptr<void>(nullptr, [this, raw, key](void*) {
    std::unique_ptr<PostgresConnection> held(raw);
    try {
      held->Query("SELECT pg_advisory_unlock($1)", {key});
    } catch (const DatabaseError&) {
      // A lost connection released the lock with it.
    }
    Give(std::move(held));
  });
}

std::shared_ptr<void> PostgresDatabase::Listen(std::string channel, Listener callback) {
  {
    std::lock_guard lock(pool_mutex_);
    if (!listener_) listener_ = std::make_unique<NotificationListener>(url_);
  }
  const std::uint64_t subscription = listener_->Listen(channel, std::move(callback));
  return std::shared_ptr<void>(nullptr,
                               [listener = listener_.get(), subscription](void*) { listener->Unlisten(subscription); });
}

}  // namespace manmulsang::db
