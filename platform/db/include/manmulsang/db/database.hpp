#pragma once

#include <concepts>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "manmulsang/core/embedded_file.hpp"

namespace manmulsang::db {

// SQL is written once for both drivers: placeholders are $1, $2, ...; ids come back through
// RETURNING; booleans are integers 0/1; times are integer Unix seconds; money is integer minor
// units. Each repository keeps its SQL as named constants.
enum class Dialect { sqlite, postgres };

// A value bound to a placeholder. Text is borrowed for the duration of the call.
using Parameter = std::variant<std::nullptr_t, std::int64_t, double, std::string_view>;

// One row of a result, owned.
class Row {
 public:
  using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

  std::size_t size() const { return values_.size(); }
  bool IsNull(std::size_t column) const;
  std::int64_t Int(std::size_t column) const;         // NULL → 0
  double Real(std::size_t column) const;              // NULL → 0
  const std::string& Text(std::size_t column) const;  // NULL → ""
  std::optional<std::int64_t> OptionalInt(std::size_t column) const;
  std::optional<std::string> OptionalText(std::size_t column) const;

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;

// A failure the caller did not expect (I/O error, broken SQL): it ends the request with a 500.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A UNIQUE constraint said no. Repositories turn it into their module's error value.
class UniqueViolation : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// The connection to the store's server broke (a restart, the network, a terminated backend).
// Whatever it was running did not commit, unless the break came during COMMIT itself, which is
// reported as a plain DatabaseError. Only a server store (PostgreSQL) throws it.
class ConnectionLost : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// One connection, used by one thread at a time. Statements are prepared once per connection
// and cached by their SQL text.
class Connection {
 public:
  virtual ~Connection() = default;

  virtual Dialect dialect() const = 0;
  virtual Rows Query(std::string_view sql, std::span<const Parameter> parameters) = 0;
  // Returns the number of rows changed.
  virtual std::int64_t Execute(std::string_view sql, std::span<const Parameter> parameters) = 0;
  // Several statements without parameters (migrations).
  virtual void ExecuteScript(std::string_view sql) = 0;

  // Tells every node listening on channel (Database::Listen), once the current write transaction
  // commits; nothing if it rolls back. Use it for what other nodes hold in memory (caches). On
  // SQLite there is one process, which updates its own memory itself: nothing is sent.
  virtual void Notify(std::string_view channel, std::string_view payload) {
    (void)channel;
    (void)payload;
  }
  // Inside a write transaction: takes the cluster-wide lock named key until the transaction
  // ends, or says false at once when another transaction holds it (one node runs a periodic job
  // while the others skip their turn). SQLite has one writer, which always holds it.
  virtual bool TryTransactionLock(std::int64_t key) {
    (void)key;
    return true;
  }

  Rows Query(std::string_view sql, std::initializer_list<Parameter> parameters = {}) {
    return Query(sql, std::span<const Parameter>(parameters.begin(), parameters.size()));
  }
  std::int64_t Execute(std::string_view sql, std::initializer_list<Parameter> parameters = {}) {
    return Execute(sql, std::span<const Parameter>(parameters.begin(), parameters.size()));
  }
  std::optional<Row> QueryOne(std::string_view sql, std::initializer_list<Parameter> parameters = {}) {
    Rows rows = Query(sql, parameters);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }
};

// What the writer has done since the store was opened (for /metrics and the benchmarks).
struct WriterStatistics {
  std::int64_t transactions = 0;  // Write calls whose work ran, committed or rolled back
  std::int64_t commits = 0;       // synced commits; group commit puts many transactions in one
  std::int64_t waiting = 0;       // Write calls queued or in the batch being run, right now
};

template <typename T>
concept ExpectedLike = requires(const T& value) {
  { value.has_value() } -> std::convertible_to<bool>;
  value.error();
};

// While one lives on a thread, that thread's reads go to the primary store rather than to a
// read replica, which may lag a moment behind: a member who has just written reads what they
// wrote. Scopes nest. Without replicas (SQLite, or PostgreSQL without --database-replica) every
// read is on the primary anyway.
class PrimaryReads {
 public:
  PrimaryReads();
  ~PrimaryReads();
  PrimaryReads(const PrimaryReads&) = delete;
  PrimaryReads& operator=(const PrimaryReads&) = delete;
  static bool Active();
};

// One caller's write transaction as the writer queue sees it: Run does the caller's work and
// says whether to keep it (commit) or roll it back; it may throw. Internal to Database::Write.
class QueuedWrite {
 public:
  virtual bool Run(Connection& connection) = 0;

 protected:
  ~QueuedWrite() = default;
};

template <typename Function>
class QueuedWork final : public QueuedWrite {
 public:
  explicit QueuedWork(Function function) : function_(std::move(function)) {}
  bool Run(Connection& connection) override { return function_(connection); }

 private:
  Function function_;
};

// The store: SQLite (embedded) or PostgreSQL (scale-out), chosen by URL.
class Database {
 public:
  virtual ~Database() = default;

  // "sqlite:PATH" or "postgresql://..." (any libpq connection URI, passed to libpq as it is),
  // with optional read replicas of a PostgreSQL primary. Throws DatabaseError if it cannot be
  // opened (replicas are tried when read from).
  static std::unique_ptr<Database> Open(std::string_view url, std::span<const std::string> replica_urls = {});

  virtual Dialect dialect() const = 0;

  // Runs work(Connection&) on a read connection, outside any write transaction. On PostgreSQL
  // each statement sees what had committed when it started (read committed, autocommit), as
  // SQLite's readers see each statement's snapshot; a read replica may lag (AcquireReader).
  // A read whose connection broke (the server restarted) runs once more on a fresh one: reads
  // change nothing, so running one again is safe.
  template <typename Work>
  auto Read(Work&& work) {
    try {
      auto lease = AcquireReader();
      return work(*lease.connection);
    } catch (const ConnectionLost&) {
      auto lease = AcquireReader();
      return work(*lease.connection);
    }
  }

  // Runs work(Connection&) in one write transaction. It commits when work returns normally —
  // or, if work returns a std::expected, only when that holds a value; otherwise it rolls back.
  // An exception rolls back and propagates to this caller. Write returns only after the commit
  // that made the transaction durable; if that commit fails, it throws DatabaseError.
  //
  // Group commit (docs/ARCHITECTURE.md, performance model, docs/BUYING.md §8): writers queue in arrival order, and the
  // first in the queue runs its own and the following callers' work, each in a savepoint of one
  // shared transaction, so one synced commit serves them all. Hence:
  // - work may run on another caller's thread while its own caller waits, blocked, in Write:
  //   what work captures by reference is alive, but thread_local state and the thread's
  //   identity are the runner's, not the caller's; work must not depend on them;
  // - work sees, through its connection, the changes of the transactions queued before it, as
  //   if they had committed; a Read inside work sees neither those nor work's own (they commit
  //   together, after work returns), so whatever work checks before it acts goes through the
  //   connection, as the services do (docs/BUYING.md §1);
  // - a Write (or BackupTo) inside work on the same store can never be served: it throws
  //   std::logic_error instead of waiting for ever.
  //
  // On PostgreSQL each Write is a SERIALIZABLE transaction of its own on the caller's thread,
  // and after a serialization failure (or a connection lost before COMMIT) the driver runs work
  // again from the start, in a new transaction. So work must be safe to run twice: it reads
  // what it needs through the connection, assigns its results rather than adding to captured
  // state, and leaves memory (caches, indexes) and the world (messages) alone until Write has
  // returned.
  template <typename Work>
  auto Write(Work&& work) {
    using Result = std::remove_cvref_t<std::invoke_result_t<Work&&, Connection&>>;
    if constexpr (std::is_void_v<Result>) {
      QueuedWork request([&](Connection& connection) {
        std::forward<Work>(work)(connection);
        return true;
      });
      Submit(request);
    } else {
      std::optional<Result> result;
      QueuedWork request([&](Connection& connection) {
        result.emplace(std::forward<Work>(work)(connection));
        if constexpr (ExpectedLike<Result>) {
          return result->has_value();
        } else {
          return true;
        }
      });
      Submit(request);
      return std::move(*result);
    }
  }

  // Throws DatabaseError when the store cannot answer a trivial query (for /healthz).
  void CheckHealth();
  // How many migrations schema_migrations records; throws DatabaseError when the store has no
  // such table (it is not a Manmulsang store).
  std::int64_t AppliedMigrationCount();

  virtual WriterStatistics Statistics() const = 0;

  // Takes the cluster-wide lock named key, waiting for it, and holds it until the returned
  // handle goes: one node at a time migrates or rebuilds what all share. Keys are constants
  // chosen by their users (kMigrationLock below). On SQLite it is a lock within this process;
  // between processes SQLite's own write lock serializes the writes.
  [[nodiscard]] virtual std::shared_ptr<void> HoldLock(std::int64_t key);
  static constexpr std::int64_t kMigrationLock = 0x6d6d73'6d696772;  // "mms" "migr"

  // Calls callback(payload) on a background thread for each Connection::Notify on channel that
  // any node commits, this one included, until the returned handle goes (which waits for a call
  // in progress). When the listening connection is lost and comes back, callback("") is
  // called: notifications may have been missed, so whatever it caches must be dropped. On
  // SQLite (one process) it is never called.
  using Listener = std::function<void(std::string_view payload)>;
  [[nodiscard]] virtual std::shared_ptr<void> Listen(std::string channel, Listener callback) {
    (void)channel;
    (void)callback;
    return nullptr;
  }

  // Writes a consistent copy of the whole store to file (which must not exist), while it serves.
  virtual void BackupTo(const std::string& file) = 0;

  // Applies the embedded migrations of each module ("sqlite/0001_x.sql", "postgres/0001_x.sql")
  // not yet recorded in schema_migrations, in module order then file order, each in its own
  // transaction. Returns how many were applied.
  struct ModuleMigrations {
    std::string_view module;
    std::span<const core::EmbeddedFile> files;
  };
  int Migrate(std::span<const ModuleMigrations> modules);

 protected:
  // A connection held for the duration of one Read/Write; released by the destructor.
  struct Lease {
    Connection* connection = nullptr;
    std::shared_ptr<void> release;  // runs the release on destruction
  };
  virtual Lease AcquireReader() = 0;
  // Runs write in a write transaction of its own (its savepoint) and returns once it is
  // durable, or throws: write's own exception, or DatabaseError when the commit failed.
  virtual void Submit(QueuedWrite& write) = 0;

 private:
  // HoldLock's locks within this process (the SQLite store's).
  std::mutex local_locks_mutex_;
  std::map<std::int64_t, std::shared_ptr<std::mutex>> local_locks_;
};

}  // namespace manmulsang::db
