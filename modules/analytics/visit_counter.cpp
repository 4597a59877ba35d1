#include "visit_counter.hpp"

#include <utility>

namespace manmulsang::analytics {

void VisitCounter::Record(int today, bool starts_visit) {
  if (today > bucket_day_.load(std::memory_order_acquire)) RollTo(today);
  bucket_page_views_.fetch_add(1, std::memory_order_relaxed);
  if (starts_visit) bucket_visits_.fetch_add(1, std::memory_order_relaxed);
}

// A view recorded by a thread that read the old day just before the switch lands in the new
// day: at most a few views at midnight, which is not worth a lock on every view.
void VisitCounter::RollTo(int day) {
  std::lock_guard lock(mutex_);
  int current = bucket_day_.load(std::memory_order_acquire);
  if (day <= current) return;  // another thread rolled first, or the clock went back
  Counts& counts = carried_[current];
  counts.visits += bucket_visits_.exchange(0, std::memory_order_relaxed);
  counts.page_views += bucket_page_views_.exchange(0, std::memory_order_relaxed);
  bucket_day_.store(day, std::memory_order_release);
}

VisitCounter::Batch VisitCounter::TakePending() {
  std::lock_guard lock(mutex_);
  Batch batch = std::move(carried_);
  carried_.clear();
  Counts& current = batch[bucket_day_.load(std::memory_order_acquire)];
  current.visits += bucket_visits_.exchange(0, std::memory_order_relaxed);
  current.page_views += bucket_page_views_.exchange(0, std::memory_order_relaxed);
  std::erase_if(batch, [](const auto& entry) { return entry.second.visits == 0 && entry.second.page_views == 0; });
  return batch;
}

void VisitCounter::Restore(const Batch& batch) {
  std::lock_guard lock(mutex_);
  for (const auto& [day, counts] : batch) {
    carried_[day].visits += counts.visits;
    carried_[day].page_views += counts.page_views;
  }
}

VisitCounter::Batch VisitCounter::Pending() {
  std::lock_guard lock(mutex_);
  Batch batch = carried_;
  Counts& current = batch[bucket_day_.load(std::memory_order_acquire)];
  current.visits += bucket_visits_.load(std::memory_order_relaxed);
  current.page_views += bucket_page_views_.load(std::memory_order_relaxed);
  return batch;
}

void VisitCounter::AddPending(VisitStats& stats, int today) {
  std::lock_guard lock(mutex_);
  for (const auto& [day, counts] : carried_) {
    stats.visits_total += counts.visits;
    if (day == today) {
      stats.visits_today += counts.visits;
      stats.page_views_today += counts.page_views;
    }
  }
  std::int64_t visits = bucket_visits_.load(std::memory_order_relaxed);
  stats.visits_total += visits;
  if (bucket_day_.load(std::memory_order_acquire) == today) {
    stats.visits_today += visits;
    stats.page_views_today += bucket_page_views_.load(std::memory_order_relaxed);
  }
}

}  // namespace manmulsang::analytics
