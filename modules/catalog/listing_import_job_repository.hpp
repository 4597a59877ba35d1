#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/listing_csv.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// All the SQL of the CSV import's background jobs (0008_listing_import_jobs.sql). Times are Unix
// seconds; node names the worker's process (claimed_by).
class ListingImportJobRepository {
 public:
  struct NewListing {
    std::string input;  // the planned listing as its job encodes it
    std::int64_t row_count = 0;
  };
  struct NewJob {
    std::string id;
    core::UserId owner;
    std::string file_name;
    std::int64_t rows_total = 0;
    std::vector<NewListing> listings;
    std::vector<ListingCsvRowError> errors;  // refused on reading
  };
  // The job as its page shows it.
  struct Progress {
    std::string file_name;
    std::string status;  // waiting, running, finished, failed
    std::int64_t rows_total = 0;
    std::int64_t rows_done = 0;
    std::int64_t created = 0;
    std::int64_t errors = 0;
  };
  struct Claimed {
    std::string id;
    core::UserId owner;
  };
  struct WaitingListing {
    std::int64_t index = 0;
    std::string input;
  };

  static void Insert(db::Connection& connection, const NewJob& job, std::int64_t now);
  // Finished (or failed) before cutoff: gone with their listings and errors.
  static void DeleteFinishedBefore(db::Connection& connection, std::int64_t cutoff);
  // Makes room: false when every job is waiting or running.
  static bool DeleteOldestFinished(db::Connection& connection);
  static std::int64_t CountJobs(db::Connection& connection);
  static std::int64_t CountUnfinishedOf(db::Connection& connection, core::UserId owner);

  // The owner's job, unless it finished before kept_since.
  static std::optional<Progress> Find(db::Connection& connection, std::string_view id, core::UserId owner,
                                      std::int64_t kept_since);
  // Every row that was not imported, in file order.
  static std::vector<ListingCsvRowError> Errors(db::Connection& connection, std::string_view id);

  // Whether a job waits, or runs under a lease that ran out (a cheap read before Claim's write).
  static bool AnyClaimable(db::Connection& connection, std::int64_t now);
  // The oldest such job, now running for node until lease_until. Two nodes never claim the same
  // one: PostgreSQL skips the row another claim has locked, SQLite has one writer.
  static std::optional<Claimed> Claim(db::Connection& connection, std::string_view node, std::int64_t now,
                                      std::int64_t lease_until);
  // False when node's lease is gone (another node took the job over, or it ended).
  static bool Renew(db::Connection& connection, std::string_view id, std::string_view node, std::int64_t lease_until);
  static std::vector<WaitingListing> WaitingListings(db::Connection& connection, std::string_view id);
  // The listing leaves 'waiting' once: false when it had left it already (nothing changed).
  static bool MarkCreated(db::Connection& connection, std::string_view id, std::int64_t index, core::ProductId product);
  static bool MarkRefused(db::Connection& connection, std::string_view id, std::int64_t index,
                          std::span<const ListingCsvRowError> errors);
  // Node's job ends: finished only when no listing waits any more.
  static bool Finish(db::Connection& connection, std::string_view id, std::string_view node, std::int64_t now);
  static bool Fail(db::Connection& connection, std::string_view id, std::string_view node, std::int64_t now);
  // Node stops: the job waits for the next worker, at once rather than after the lease.
  static void Release(db::Connection& connection, std::string_view id, std::string_view node);
};

}  // namespace manmulsang::catalog
