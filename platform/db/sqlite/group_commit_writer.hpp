#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>

#include "manmulsang/db/database.hpp"
#include "sqlite/sqlite_connection.hpp"

namespace manmulsang::db {

// SQLite's one writer connection, shared by group commit (docs/ARCHITECTURE.md, performance model, docs/BUYING.md §8).
//
// Writers queue first in, first out. The writer at the head of the queue leads a batch: inside
// one BEGIN IMMEDIATE … COMMIT it runs its own transaction and then those queued behind it,
// each in its own SAVEPOINT, so that a transaction that fails rolls back alone; one COMMIT (one
// fsync with synchronous = FULL) then makes the whole batch durable, and every caller in it
// returns. The batch takes the transactions that queued while the leader ran its own, and
// those that arrive later until it has run others' work for kBatchTime, never more than
// kBatchLimit; the rest wait for the next batch, led by the new head of the queue. No writer is overtaken by a later
// one: each waits only for the batches ahead of it.
//
// A deferred constraint (none of our schemas has one) is checked at the batch's COMMIT, so its
// failure fails the whole batch; an immediate one fails its own statement, in its savepoint.
class GroupCommitWriter {
 public:
  // At most this many transactions share one commit …
  static constexpr std::size_t kBatchLimit = 256;
  // … and a batch stops taking late arrivals after running others' work this long, so that the
  // first in it does not wait for a long tail of others before its commit.
  static constexpr std::chrono::milliseconds kBatchTime{10};

  explicit GroupCommitWriter(SqliteConnection& connection) : connection_(connection) {}

  // Runs write in its savepoint of the next batch; returns after the COMMIT that made it
  // durable. Throws write's own exception (its savepoint rolled back), or DatabaseError when
  // the batch's transaction could not be committed.
  void Submit(QueuedWrite& write);
  // Runs action alone on the writer connection, outside any transaction, in its turn in the
  // queue (VACUUM INTO cannot run inside a transaction).
  void RunAlone(const std::function<void(SqliteConnection&)>& action);

  WriterStatistics Statistics() const;

 private:
  struct Waiter;

  void Wait(Waiter& waiter);
  // With mutex_ held by lock, waiter at the head of the queue: runs its batch and wakes it.
  void Lead(std::unique_lock<std::mutex>& lock);
  // Runs one transaction in its savepoint. False when the batch's transaction is lost (SQLite
  // rolled it back after an I/O error, a full disk, ...): then nothing of the batch can commit.
  bool RunInSavepoint(Waiter& waiter, std::string& failure);
  // Marks the first count waiters done, wakes them, and wakes the next head. mutex_ held.
  void Finish(std::size_t count);
  // Throws std::logic_error when this thread is running work of this writer: a Write inside
  // a Write on the same store would wait for ever for itself.
  void RefuseNested() const;

  SqliteConnection& connection_;
  mutable std::mutex mutex_;
  std::deque<Waiter*> queue_;  // the head leads; a batch is a prefix of the queue
  std::int64_t transactions_ = 0;
  std::int64_t commits_ = 0;
};

}  // namespace manmulsang::db
