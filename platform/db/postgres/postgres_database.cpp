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

PostgresDatabase::PostgresDatabase(std::string url, std::vector<std::string> replica_urls) : primary_(std::move(url)) {
  // A first connection proves the URL now, and is the pool's first.
  primary_.Give(primary_.Take());
  for (std::string& replica_url : replica_urls)
    replicas_.push_back(std::make_unique<ConnectionPool>(std::move(replica_url)));
}

PostgresDatabase::~PostgresDatabase() { listener_.reset(); }

Database::Lease PostgresDatabase::LeaseFrom(ConnectionPool& pool) {
  PostgresConnection* raw = pool.Take().release();
  return Lease{raw, std::shared_ptr<void>(
                        nullptr, [&pool, raw](void*) { pool.Give(std::unique_ptr<PostgresConnection>(raw)); })};
}

Database::Lease PostgresDatabase::AcquireReader() {
  if (!replicas_.empty() && !PrimaryReads::Active()) {
    ConnectionPool& replica = *replicas_[next_replica_++ % replicas_.size()];
    try {
      return LeaseFrom(replica);
    } catch (const ConnectionLost&) {
      // The replica is down or still starting: the primary answers meanwhile.
    }
  }
  return LeaseFrom(primary_);
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
    std::unique_ptr<PostgresConnection> connection = primary_.Take();
    try {
      ++transactions_;
      RunOnce(*connection, write);
      primary_.Give(std::move(connection));
      return;
    } catch (const SerializationFailure&) {
      primary_.Give(std::move(connection));
      if (attempt == kAttempts) throw;
    } catch (const ConnectionLost&) {
      // Nothing committed (a break during COMMIT is a plain DatabaseError): run it again on a
      // fresh connection, once the server answers.
      primary_.Give(std::move(connection));
      if (attempt == kAttempts) throw;
    } catch (...) {
      primary_.Give(std::move(connection));
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
  std::unique_ptr<PostgresConnection> connection = primary_.Take();
  connection->Query("SELECT pg_advisory_lock($1)", {key});
  PostgresConnection* raw = connection.release();
  return std::shared_ptr<void>(nullptr, [this, raw, key](void*) {
    std::unique_ptr<PostgresConnection> held(raw);
    try {
      held->Query("SELECT pg_advisory_unlock($1)", {key});
    } catch (const DatabaseError&) {
      // A lost connection released the lock with it.
    }
    primary_.Give(std::move(held));
  });
}

std::shared_ptr<void> PostgresDatabase::Listen(std::string channel, Listener callback) {
  {
    std::lock_guard lock(listener_mutex_);
    if (!listener_) listener_ = std::make_unique<NotificationListener>(primary_.url());
  }
  const std::uint64_t subscription = listener_->Listen(channel, std::move(callback));
  return std::shared_ptr<void>(nullptr,
                               [listener = listener_.get(), subscription](void*) { listener->Unlisten(subscription); });
}

}  // namespace manmulsang::db
