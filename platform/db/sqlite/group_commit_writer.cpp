#include "sqlite/group_commit_writer.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace manmulsang::db {

// One caller in the queue. It lives on the caller's stack; the caller is blocked in Wait until
// done, and reads error and its result only after done was set under mutex_.
struct GroupCommitWriter::Waiter {
  QueuedWrite* write = nullptr;                                   // a transaction, or
  const std::function<void(SqliteConnection&)>* alone = nullptr;  // an action outside any
  std::condition_variable wake;
  bool done = false;
  bool kept = false;  // its work asked to commit: it lives or dies with the batch's COMMIT
  std::exception_ptr error;
};

namespace {

constexpr std::string_view kBegin = "BEGIN IMMEDIATE";
constexpr std::string_view kCommit = "COMMIT";
constexpr std::string_view kRollback = "ROLLBACK";
// One name serves every transaction of a batch: each savepoint is released before the next.
constexpr std::string_view kSavepoint = "SAVEPOINT manmulsang_write";
constexpr std::string_view kReleaseSavepoint = "RELEASE manmulsang_write";
constexpr std::string_view kRollbackToSavepoint = "ROLLBACK TO manmulsang_write";

// The writers whose work this thread is running, innermost first: a leader runs other
// callers' work on its own thread, and work may write to another store inside.
struct RunningWork {
  const GroupCommitWriter* writer;
  const RunningWork* outer;
};
thread_local const RunningWork* running_work = nullptr;

class RunningWorkScope {
 public:
  explicit RunningWorkScope(const GroupCommitWriter* writer) : frame_{writer, running_work} { running_work = &frame_; }
  ~RunningWorkScope() { running_work = frame_.outer; }
  RunningWorkScope(const RunningWorkScope&) = delete;
  RunningWorkScope& operator=(const RunningWorkScope&) = delete;

 private:
  RunningWork frame_;
};

std::string Describe(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& exception) {
    return exception.what();
  } catch (...) {
    return "an unknown exception";
  }
}

}  // namespace

void GroupCommitWriter::RefuseNested() const {
  for (const RunningWork* frame = running_work; frame != nullptr; frame = frame->outer) {
    if (frame->writer == this) {
      throw std::logic_error("Database::Write or BackupTo inside a Write on the same store: it would wait for itself");
    }
  }
}

void GroupCommitWriter::Submit(QueuedWrite& write) {
  RefuseNested();
  Waiter waiter;
  waiter.write = &write;
  Wait(waiter);
  if (waiter.error) std::rethrow_exception(waiter.error);
}

void GroupCommitWriter::RunAlone(const std::function<void(SqliteConnection&)>& action) {
  RefuseNested();
  Waiter waiter;
  waiter.alone = &action;
  Wait(waiter);
  if (waiter.error) std::rethrow_exception(waiter.error);
}

WriterStatistics GroupCommitWriter::Statistics() const {
  std::lock_guard lock(mutex_);
  return {transactions_, commits_, static_cast<std::int64_t>(queue_.size())};
}

void GroupCommitWriter::Wait(Waiter& waiter) {
  std::unique_lock lock(mutex_);
  queue_.push_back(&waiter);
  // A batch's leader is the head until Finish, so a waiter taken into a batch is never woken
  // as head: it is woken done.
  waiter.wake.wait(lock, [&] { return waiter.done || queue_.front() == &waiter; });
  if (!waiter.done) Lead(lock);
}

void GroupCommitWriter::Lead(std::unique_lock<std::mutex>& lock) {
  Waiter& head = *queue_.front();
  lock.unlock();
  // No allocation on the leader's path: an exception here would strand the whole queue.
  std::array<Waiter*, kBatchLimit> members{};
  std::span<Waiter*> batch(members.data(), 1);
  members[0] = &head;
  bool committed = false;

  if (head.alone != nullptr) {
    try {
      RunningWorkScope scope(this);
      (*head.alone)(connection_);
    } catch (...) {
      head.error = std::current_exception();
    }
  } else {
    bool began = false;
    try {
      connection_.Execute(kBegin);
      began = true;
    } catch (...) {
      // Nothing ran: only the leader fails; the next head tries again with its own BEGIN.
      head.error = std::current_exception();
    }
    if (began) {
      std::string failure;
      bool intact = RunInSavepoint(head, failure);
      // Those that queued while the leader ran its own work are taken in any case (up to the
      // limit); later arrivals only while the others' work has taken less than kBatchTime.
      lock.lock();
      const std::size_t queued = std::min(queue_.size(), kBatchLimit);
      lock.unlock();
      const auto started = std::chrono::steady_clock::now();
      while (intact && batch.size() < kBatchLimit &&
             (batch.size() < queued || std::chrono::steady_clock::now() - started < kBatchTime)) {
        Waiter* next = nullptr;
        lock.lock();
        if (queue_.size() > batch.size() && queue_[batch.size()]->write != nullptr) next = queue_[batch.size()];
        lock.unlock();
        if (next == nullptr) break;
        members[batch.size()] = next;
        batch = std::span<Waiter*>(members.data(), batch.size() + 1);
        intact = RunInSavepoint(*next, failure);
      }
      if (intact) {
        try {
          connection_.Execute(kCommit);
          committed = true;
        } catch (const std::exception& exception) {
          failure = std::string("the commit failed: ") + exception.what();
        }
      } else {
        failure = "the transaction was rolled back: " + failure;
      }
      if (!committed) {
        if (connection_.InTransaction()) {
          try {
            connection_.Execute(kRollback);
          } catch (...) {
            // SQLite ends the transaction itself when ROLLBACK fails; nothing is left to undo.
          }
        }
        // Every transaction that asked to commit is lost with the batch; one that rolled back
        // keeps its own answer.
        for (Waiter* waiter : batch) {
          if (waiter->kept) waiter->error = std::make_exception_ptr(DatabaseError(failure));
        }
      }
    }
  }

  lock.lock();
  if (head.alone == nullptr) transactions_ += static_cast<std::int64_t>(batch.size());
  if (committed) ++commits_;
  Finish(batch.size());
}

bool GroupCommitWriter::RunInSavepoint(Waiter& waiter, std::string& failure) {
  try {
    connection_.Execute(kSavepoint);
  } catch (const std::exception& exception) {
    waiter.error = std::current_exception();
    failure = exception.what();
    return connection_.InTransaction();
  }
  bool keep = false;
  try {
    RunningWorkScope scope(this);
    keep = waiter.write->Run(connection_);
  } catch (...) {
    waiter.error = std::current_exception();
  }
  waiter.kept = keep;
  // After an I/O error, a full disk or a ROLLBACK inside work, SQLite has ended the whole
  // transaction: the transactions before this one in the batch are gone with it.
  if (!connection_.InTransaction()) {
    failure = waiter.error ? Describe(waiter.error) : "work ended the transaction itself";
    return false;
  }
  try {
    if (!keep) connection_.Execute(kRollbackToSavepoint);
    connection_.Execute(kReleaseSavepoint);
    return true;
  } catch (const std::exception& exception) {
    // A savepoint that cannot be undone or closed leaves the batch untrustworthy: it is rolled
    // back whole, which also undoes this transaction, so one that failed keeps its own answer.
    failure = exception.what();
    return false;
  }
}

void GroupCommitWriter::Finish(std::size_t count) {
  for (std::size_t index = 0; index < count; ++index) {
    Waiter* waiter = queue_.front();
    queue_.pop_front();
    waiter->done = true;
    // Notified with mutex_ held: the waiter cannot return and take its condition variable away
    // before this call is over.
    waiter->wake.notify_one();
  }
  if (!queue_.empty()) queue_.front()->wake.notify_one();
}

}  // namespace manmulsang::db
