#include <algorithm>
#include <random>
#include <utility>

#include "listing_import.hpp"

namespace manmulsang::catalog {

struct ListingImportJobs::Job {
  std::string id;
  core::UserId owner;
  core::Actor actor;
  std::string file_name;
  ListingImportPlan plan;
  // Guarded by the jobs' mutex:
  ListingImportProgress progress;
  bool finished = false;
  bool failed = false;
  std::vector<ListingCsvRowError> errors;
  core::TimePoint finished_at;
};

namespace {

// 128 random bits: a job's address is not guessable, though only its own shop may read it anyway.
std::string NewJobId() {
  std::random_device device;  // the kernel's generator
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string id;
  for (int word = 0; word < 4; ++word) {
    const std::uint32_t bits = device();
    for (int shift = 28; shift >= 0; shift -= 4) id.push_back(kHex[(bits >> shift) & 0xf]);
  }
  return id;
}

}  // namespace

ListingImportJobs::ListingImportJobs(ListingService& listings, const core::Clock& clock,
                                     std::function<void()> on_finished)
    : listings_(listings),
      clock_(clock),
      on_finished_(std::move(on_finished)),
      worker_([this](std::stop_token stop) { Work(stop); }) {}

ListingImportJobs::~ListingImportJobs() {
  worker_.request_stop();
  wake_.notify_all();
}

std::expected<std::string, ListingImportJobRefusal> ListingImportJobs::Start(const core::Actor& actor,
                                                                             std::string file_name,
                                                                             ListingImportPlan plan) {
  auto job = std::make_shared<Job>();
  job->id = NewJobId();
  job->owner = actor.user.value_or(core::UserId{0});
  job->actor = actor;
  job->file_name = std::move(file_name);
  job->progress.rows_total = plan.rows;
  job->plan = std::move(plan);
  {
    std::lock_guard lock(mutex_);
    ForgetExpired();
    const auto unfinished = std::ranges::count_if(
        jobs_, [&](const auto& entry) { return entry.second->owner == job->owner && !entry.second->finished; });
    if (static_cast<std::size_t>(unfinished) >= kMaxUnfinishedPerShop) {
      return std::unexpected(ListingImportJobRefusal::busy);
    }
    if (jobs_.size() >= kMaxJobs) {
      // Room is made by forgetting the job that finished first; unfinished ones are never dropped.
      auto oldest = jobs_.end();
      for (auto entry = jobs_.begin(); entry != jobs_.end(); ++entry) {
        if (entry->second->finished &&
            (oldest == jobs_.end() || entry->second->finished_at < oldest->second->finished_at)) {
          oldest = entry;
        }
      }
      if (oldest == jobs_.end()) return std::unexpected(ListingImportJobRefusal::busy);
      jobs_.erase(oldest);
    }
    jobs_.emplace(job->id, job);
    queue_.push_back(job);
  }
  wake_.notify_all();
  return job->id;
}

std::optional<ListingImportJobView> ListingImportJobs::Find(std::string_view id, core::UserId owner) {
  std::lock_guard lock(mutex_);
  ForgetExpired();
  const auto found = jobs_.find(id);
  if (found == jobs_.end() || found->second->owner != owner) return std::nullopt;
  const Job& job = *found->second;
  return ListingImportJobView{job.id, job.file_name, job.progress, job.finished, job.failed, job.errors};
}

void ListingImportJobs::ForgetExpired() {
  const core::TimePoint now = clock_.Now();
  std::erase_if(
      jobs_, [&](const auto& entry) { return entry.second->finished && now - entry.second->finished_at > kKeptFor; });
}

void ListingImportJobs::Work(std::stop_token stop) {
  while (true) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mutex_);
      if (!wake_.wait(lock, stop, [&] { return !queue_.empty(); })) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    const auto on_progress = [&](const ListingImportProgress& progress) {
      std::lock_guard lock(mutex_);
      job->progress = progress;
    };
    auto result = ImportListings(listings_, job->actor, job->plan, on_progress, stop);
    {
      std::lock_guard lock(mutex_);
      if (result) {
        job->errors = std::move(result->errors);
      } else {
        job->failed = true;
        job->errors = job->plan.errors;
      }
      job->finished = true;
      job->finished_at = clock_.Now();
      job->plan = {};  // the file's contents are not needed any more
    }
    if (on_finished_ && result && result->created > 0) on_finished_();
    if (stop.stop_requested()) return;
  }
}

}  // namespace manmulsang::catalog
