#include "manmulsang/catalog/listing_import_jobs.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <random>
#include <utility>
#include <vector>

#include "listing_import_job_repository.hpp"

namespace manmulsang::catalog {

struct ListingImportJobs::Claimed {
  std::string id;
  core::UserId owner;
};

namespace {

using Repository = ListingImportJobRepository;

// Listings created at once by a job on SQLite: each is its own transaction, and the store's group
// commit syncs several together (as ImportListings does for the API). On PostgreSQL every write
// commits by itself, and the listings of one file update the same search-term rows, so writers
// side by side would only make each other's serializable transactions fail and start again.
constexpr std::size_t kSqliteWriters = 8;
constexpr std::size_t kPostgresWriters = 1;
// How often an idle worker looks for jobs other nodes queued (its own wake it at once).
constexpr std::chrono::seconds kPollEvery{1};
// Finished jobs past kKeptFor are deleted at most this often.
constexpr std::chrono::minutes kCleanupEvery{5};

std::string RandomHex(int words) {
  std::random_device device;  // the kernel's generator
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string hex;
  for (int word = 0; word < words; ++word) {
    const std::uint32_t bits = device();
    for (int shift = 28; shift >= 0; shift -= 4) hex.push_back(kHex[(bits >> shift) & 0xf]);
  }
  return hex;
}

// 128 random bits: a job's address is not guessable, though only its own shop may read it anyway.
std::string NewJobId() { return RandomHex(4); }

// Unique among the nodes on one store, and readable in the table: which host and process.
std::string NewNodeName() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + ":" + std::to_string(getpid()) + ":" + RandomHex(2);
}

std::int64_t Seconds(core::TimePoint time) { return core::ToUnixSeconds(time); }

boost::json::object MoneyJson(core::Money money) {
  return {{"amount", money.amount}, {"currency", core::CurrencyCode(money.currency)}};
}

core::Money MoneyOf(const boost::json::value& value) {
  const auto& object = value.as_object();
  const auto currency = core::ParseCurrency(object.at("currency").as_string());
  if (!currency) throw std::runtime_error("listing import job: unknown currency");
  return {object.at("amount").to_number<std::int64_t>(), *currency};
}

std::string StringOf(const boost::json::object& object, std::string_view key) {
  return std::string(object.at(key).as_string());
}

// A planned listing as the job's row keeps it, until a worker creates it.
std::string EncodePlannedListing(const PlannedListing& planned) {
  boost::json::array variants;
  for (const VariantInput& variant : planned.input.variants) {
    variants.push_back(boost::json::object{{"size", variant.size},
                                           {"colour", variant.colour},
                                           {"price", MoneyJson(variant.price)},
                                           {"stock", variant.stock}});
  }
  boost::json::array rows;
  for (const std::size_t row : planned.rows) rows.push_back(row);
  return boost::json::serialize(boost::json::object{{"category", planned.input.category_slug},
                                                    {"name", planned.input.name},
                                                    {"description", planned.input.description},
                                                    {"price", MoneyJson(planned.input.price)},
                                                    {"stock", planned.input.stock},
                                                    {"variants", std::move(variants)},
                                                    {"rows", std::move(rows)}});
}

PlannedListing DecodePlannedListing(std::string_view text) {
  const boost::json::object object = boost::json::parse(text).as_object();
  PlannedListing planned;
  planned.input.category_slug = StringOf(object, "category");
  planned.input.name = StringOf(object, "name");
  planned.input.description = StringOf(object, "description");
  planned.input.price = MoneyOf(object.at("price"));
  planned.input.stock = object.at("stock").to_number<std::int64_t>();
  for (const boost::json::value& value : object.at("variants").as_array()) {
    const auto& variant = value.as_object();
    planned.input.variants.push_back({std::nullopt, StringOf(variant, "size"), StringOf(variant, "colour"),
                                      MoneyOf(variant.at("price")), variant.at("stock").to_number<std::int64_t>()});
  }
  for (const boost::json::value& row : object.at("rows").as_array()) {
    planned.rows.push_back(row.to_number<std::size_t>());
  }
  return planned;
}

}  // namespace

ListingImportJobs::ListingImportJobs(ListingService& listings, const core::Clock& clock,
                                     std::function<void()> on_finished, Worker worker)
    : listings_(listings),
      database_(listings.database()),
      clock_(clock),
      on_finished_(std::move(on_finished)),
      node_(NewNodeName()) {
  if (worker == Worker::run) worker_ = std::jthread([this](std::stop_token stop) { Work(stop); });
}

ListingImportJobs::~ListingImportJobs() {
  worker_.request_stop();
  wake_.notify_all();
}

std::expected<std::string, ListingImportJobRefusal> ListingImportJobs::Start(const core::Actor& actor,
                                                                             std::string file_name,
                                                                             const ListingImportPlan& plan) {
  Repository::NewJob job;
  job.id = NewJobId();
  job.owner = actor.user.value_or(core::UserId{0});
  job.file_name = std::move(file_name);
  job.rows_total = static_cast<std::int64_t>(plan.rows);
  job.errors = plan.errors;
  for (const PlannedListing& planned : plan.listings) {
    job.listings.push_back({EncodePlannedListing(planned), static_cast<std::int64_t>(planned.rows.size())});
  }
  const core::TimePoint now = clock_.Now();
  // Counted in the transaction that inserts: two uploads at once on two nodes cannot both pass.
  auto stored = database_.Write([&](db::Connection& connection) -> std::expected<void, ListingImportJobRefusal> {
    Repository::DeleteFinishedBefore(connection, Seconds(now - kKeptFor));
    if (Repository::CountUnfinishedOf(connection, job.owner) >= static_cast<std::int64_t>(kMaxUnfinishedPerShop)) {
      return std::unexpected(ListingImportJobRefusal::busy);
    }
    // Room is made by forgetting the job that finished first; unfinished ones are never dropped.
    if (Repository::CountJobs(connection) >= static_cast<std::int64_t>(kMaxJobs) &&
        !Repository::DeleteOldestFinished(connection)) {
      return std::unexpected(ListingImportJobRefusal::busy);
    }
    Repository::Insert(connection, job, Seconds(now));
    return {};
  });
  if (!stored) return std::unexpected(stored.error());
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
  return job.id;
}

std::optional<ListingImportJobView> ListingImportJobs::Find(std::string_view id, core::UserId owner) {
  const std::int64_t kept_since = Seconds(clock_.Now() - kKeptFor);
  // The page right after the upload must find the job, even where reads go to a replica.
  db::PrimaryReads primary;
  return database_.Read([&](db::Connection& connection) -> std::optional<ListingImportJobView> {
    auto stored = Repository::Find(connection, id, owner, kept_since);
    if (!stored) return std::nullopt;
    ListingImportJobView view;
    view.id = std::string(id);
    view.file_name = stored->file_name;
    view.progress.rows_total = static_cast<std::size_t>(stored->rows_total);
    view.progress.rows_done = static_cast<std::size_t>(stored->rows_done);
    view.progress.created = stored->created;
    view.progress.errors = static_cast<std::size_t>(stored->errors);
    view.failed = stored->status == "failed";
    view.finished = view.failed || stored->status == "finished";
    if (view.finished) view.errors = Repository::Errors(connection, id);
    return view;
  });
}

void ListingImportJobs::ForgetExpired() {
  const core::TimePoint now = clock_.Now();
  if (now < next_cleanup_) return;
  database_.Write(
      [&](db::Connection& connection) { Repository::DeleteFinishedBefore(connection, Seconds(now - kKeptFor)); });
  next_cleanup_ = now + kCleanupEvery;
}

void ListingImportJobs::Work(std::stop_token stop) {
  while (!stop.stop_requested()) {
    bool ran = false;
    try {
      ForgetExpired();
      ran = RunNext(stop);
    } catch (const std::exception& error) {
      // The job keeps its lease until it runs out; then this node or another resumes it.
      spdlog::warn("listing import: a job stopped on an error: {}", error.what());
    }
    if (ran) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, kPollEvery, [&] { return woken_; });
    woken_ = false;
  }
}

bool ListingImportJobs::RunNext(std::stop_token stop) {
  const core::TimePoint now = clock_.Now();
  // A read first: an idle node looks every second, and a write would sync the store each time.
  if (!database_.Read([&](db::Connection& connection) { return Repository::AnyClaimable(connection, Seconds(now)); })) {
    return false;
  }
  auto claimed = database_.Write([&](db::Connection& connection) {
    return Repository::Claim(connection, node_, Seconds(now), Seconds(now + kLease));
  });
  if (!claimed) return false;
  Run(Claimed{claimed->id, claimed->owner}, stop);
  return true;
}

void ListingImportJobs::Run(const Claimed& job, std::stop_token stop) {
  struct Waiting {
    std::int64_t index;
    PlannedListing planned;
  };
  std::vector<Waiting> waiting;
  {
    db::PrimaryReads primary;  // what the node before this one did, committed a moment ago
    for (auto& listing :
         database_.Read([&](db::Connection& connection) { return Repository::WaitingListings(connection, job.id); })) {
      waiting.push_back({listing.index, DecodePlannedListing(listing.input)});
    }
  }
  core::Actor actor;
  actor.user = job.owner;
  actor.role = core::Role::seller;

  std::atomic<std::size_t> next = 0;
  std::atomic<bool> lost_shop = false;
  std::atomic<bool> lost_lease = false;
  std::atomic<bool> broken = false;
  std::atomic<std::int64_t> created = 0;
  std::mutex renewal_mutex;
  core::TimePoint renew_at = clock_.Now() + kLease / 3;
  const auto renew_when_due = [&] {
    std::lock_guard lock(renewal_mutex);
    const core::TimePoint now = clock_.Now();
    if (now < renew_at || lost_lease) return;
    const bool kept = database_.Write([&](db::Connection& connection) {
      return Repository::Renew(connection, job.id, node_, Seconds(now + kLease));
    });
    if (!kept) lost_lease = true;  // another node runs the job now
    renew_at = now + kLease / 3;
  };
  const auto work = [&] {
    try {
      while (!stop.stop_requested() && !lost_shop && !lost_lease && !broken) {
        const std::size_t position = next++;
        if (position >= waiting.size()) return;
        const Waiting& listing = waiting[position];
        const auto made = listings_.CreateRecorded(
            actor, listing.planned.input, [&](db::Connection& connection, core::ProductId product) {
              return Repository::MarkCreated(connection, job.id, listing.index, product);
            });
        if (made && *made) ++created;
        if (!made && made.error().error == ListingError::not_a_seller) {
          lost_shop = true;
          return;
        }
        if (!made) {
          const std::vector<ListingCsvRowError> errors = RefusedListingErrors(listing.planned, made.error());
          database_.Write(
              [&](db::Connection& connection) { Repository::MarkRefused(connection, job.id, listing.index, errors); });
        }
        renew_when_due();
      }
    } catch (const std::exception& error) {
      spdlog::warn("listing import: job {} stopped on an error: {}", job.id, error.what());
      broken = true;
    }
  };
  {
    std::vector<std::jthread> writers;
    const std::size_t writers_wanted = database_.dialect() == db::Dialect::postgres ? kPostgresWriters : kSqliteWriters;
    const std::size_t count = std::min(writers_wanted, waiting.size());
    for (std::size_t writer = 1; writer < count; ++writer) writers.emplace_back(work);
    if (count > 0) work();
  }  // the writers join here

  if (lost_lease || broken) return;  // another node has the job, or will once the lease runs out
  const std::int64_t now = Seconds(clock_.Now());
  database_.Write([&](db::Connection& connection) {
    if (lost_shop) {
      Repository::Fail(connection, job.id, node_, now);
    } else if (next >= waiting.size()) {
      Repository::Finish(connection, job.id, node_, now);
    } else {
      Repository::Release(connection, job.id, node_);  // stopped: the next worker goes on at once
    }
  });
  if (on_finished_ && created > 0) on_finished_();
}

}  // namespace manmulsang::catalog
