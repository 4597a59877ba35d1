#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/catalog/listing_csv.hpp"
#include "manmulsang/catalog/listings.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"

// The CSV import and export of a shop's listings over HTTP (listing_import_*.cpp); private to
// catalog/http.
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

// Imports that run in the background, so a page can show the progress of a large file. One
// worker thread takes the jobs in turn (imports are writes, and the store has one writer). Jobs
// live in memory for an hour after they finish, at most kMaxJobs of them, and belong to the
// member who started them, the owner of the shop they import into: anyone else asking for one
// finds nothing.
class ListingImportJobs {
 public:
  static constexpr std::size_t kMaxJobs = 64;
  static constexpr std::size_t kMaxUnfinishedPerShop = 2;
  static constexpr std::chrono::hours kKeptFor{1};

  // on_finished runs on the worker after each job that created listings (page cache invalidation).
  ListingImportJobs(ListingService& listings, const core::Clock& clock, std::function<void()> on_finished);
  // Stops the running job between two listings and waits for the worker.
  ~ListingImportJobs();
  ListingImportJobs(const ListingImportJobs&) = delete;
  ListingImportJobs& operator=(const ListingImportJobs&) = delete;

  // Queues the plan for the signed-in actor; busy when the actor has kMaxUnfinishedPerShop jobs
  // waiting or running, or kMaxJobs are kept and none of them is finished.
  std::expected<std::string, ListingImportJobRefusal> Start(const core::Actor& actor, std::string file_name,
                                                            ListingImportPlan plan);
  // nullopt for an unknown or expired id, or another member's job.
  std::optional<ListingImportJobView> Find(std::string_view id, core::UserId owner);

 private:
  struct Job;
  void Work(std::stop_token stop);
  void ForgetExpired();  // with mutex_ held

  ListingService& listings_;
  const core::Clock& clock_;
  std::function<void()> on_finished_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::map<std::string, std::shared_ptr<Job>, std::less<>> jobs_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::jthread worker_;  // last: started after, and stopped before, everything above
};

// The real clock, for callers that have none to pass.
const core::Clock& SystemClock();

struct ListingImportHttp {
  const html::Renderer& renderer;
  ListingService& listings;
  CatalogService& catalog;
  http::PageCache& page_cache;
  const core::Clock& clock = SystemClock();  // jobs expire by it; export files are dated by it
};

// --- Shared by listing_import_api.cpp and listing_import_pages.cpp ---

// The listing import's messages live in t.catalog.csv.error.<code>.
std::string ImportErrorText(const ListingImportHttp& http, core::Locale locale, std::string_view code);
// A refused file in a sentence: what is wrong, and where (line or column).
std::string FileProblemText(const ListingImportHttp& http, core::Locale locale, const ListingCsvFileProblem& problem);
// The actor's shop's listings as a CSV download (Content-Disposition: attachment); a refusal
// (the actor has no approved shop) when the export is refused. The routes that answer with it
// say no_store.
std::expected<http::Response, ListingError> ExportDownload(const ListingImportHttp& http, const http::Request& request);
// Whether the actor has an approved shop to import into (not_a_seller when not).
std::expected<void, ListingError> CheckSeller(const ListingImportHttp& http, const core::Actor& actor);
// The import has created listings: shop and category pages show them now. Imports are rare, so
// every shop page is built again rather than finding which shop it was.
void ForgetShopPages(const ListingImportHttp& http);

void AddListingImportApi(http::Router& router, const ListingImportHttp& http);
void AddListingImportPages(http::Router& router, const ListingImportHttp& http);

// JSON: POST /api/v1/seller/products/import (text/csv) → {created, errors:[{row, code, message,
// field}]}; GET /api/v1/seller/products/export → the shop's listings as a CSV attachment.
// HTML: GET|POST /seller/products/import (a multipart form, field "file"), GET
// /seller/products/import/:job (the progress page, refreshing itself until done), GET
// /seller/products/export (the same attachment, for the page's link).
void AddListingImportRoutes(http::Router& router, const ListingImportHttp& http);

}  // namespace manmulsang::catalog
