#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <expected>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "manmulsang/catalog/listing_csv.hpp"
#include "manmulsang/catalog/listings.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// A job's state as a page shows it.
struct ListingImportJobView {
  std::string id;
  std::string file_name;
  ListingImportProgress progress;
  bool finished = false;
  bool failed = false;                     // the shop lost its approval midway: the rest was not tried
  std::vector<ListingCsvRowError> errors;  // complete once finished
};

enum class ListingImportJobRefusal { busy };

// Imports that run in the background, so a page can show the progress of a large file. A job is
// rows in the store (0008_listing_import_jobs.sql), so that every node behind the proxy shows its
// progress and a job outlives the node that ran it. Each node's worker claims the oldest waiting
// job, or a running one whose node stopped renewing its lease, and creates its listings several
// at a time; each listing leaves the plan in its own transaction (ListingService::
// CreateRecorded), so a resumed job neither skips nor repeats one. Jobs are kept for an hour
// after they finish, at most kMaxJobs of them, and belong to the member who started them, the
// owner of the shop they import into: anyone else asking for one finds nothing.
class ListingImportJobs {
 public:
  static constexpr std::size_t kMaxJobs = 64;
  static constexpr std::size_t kMaxUnfinishedPerShop = 2;
  static constexpr std::chrono::hours kKeptFor{1};
  // A node that has not renewed its lease for this long is taken for dead and its job resumed.
  static constexpr std::chrono::seconds kLease{60};
  // none: this instance only starts and reads jobs; other instances' workers run them.
  enum class Worker { run, none };

  // on_finished runs on the worker after each job that created listings (page cache invalidation).
  ListingImportJobs(ListingService& listings, const core::Clock& clock, std::function<void()> on_finished,
                    Worker worker = Worker::run);
  // Stops the running job between two listings, hands it back to the queue and waits for the worker.
  ~ListingImportJobs();
  ListingImportJobs(const ListingImportJobs&) = delete;
  ListingImportJobs& operator=(const ListingImportJobs&) = delete;

  // Queues the plan for the signed-in actor; busy when the actor has kMaxUnfinishedPerShop jobs
  // waiting or running, or kMaxJobs are kept and none of them is finished.
  std::expected<std::string, ListingImportJobRefusal> Start(const core::Actor& actor, std::string file_name,
                                                            const ListingImportPlan& plan);
  // nullopt for an unknown or expired id, or another member's job.
  std::optional<ListingImportJobView> Find(std::string_view id, core::UserId owner);

  // This instance's name in the store's claimed_by: host, process and random bits.
  const std::string& node() const { return node_; }

 private:
  struct Claimed;
  void Work(std::stop_token stop);
  // Claims a job and runs it; false when there was none to claim.
  bool RunNext(std::stop_token stop);
  void Run(const Claimed& job, std::stop_token stop);
  void ForgetExpired();

  ListingService& listings_;
  db::Database& database_;
  const core::Clock& clock_;
  std::function<void()> on_finished_;
  std::string node_;
  core::TimePoint next_cleanup_{};
  std::mutex mutex_;
  bool woken_ = false;  // guarded by mutex_: Start queued a job
  std::condition_variable_any wake_;
  std::jthread worker_;  // last: started after, and stopped before, everything above
};

}  // namespace manmulsang::catalog
