#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>

#include "manmulsang/analytics/analytics.hpp"

namespace manmulsang::analytics {

// The marketplace's visits and page views counted in memory until a flush stores them. The
// current day's counts are added to without a lock: counting sits on every request.
class VisitCounter {
 public:
  struct Counts {
    std::int64_t visits = 0;
    std::int64_t page_views = 0;
  };
  // Counts by day key.
  using Batch = std::map<int, Counts>;

  explicit VisitCounter(int today) : bucket_day_(today) {}

  // Lock-free unless the day has just changed.
  void Record(int today, bool starts_visit);
  // Everything counted so far, by day; the counter starts again from zero.
  Batch TakePending();
  // Puts back what a failed flush could not store.
  void Restore(const Batch& batch);
  // What is in memory, by day, without taking it (the counter goes on from where it is).
  Batch Pending();
  // Adds what is in memory to stats as read from the store.
  void AddPending(VisitStats& stats, int today);

 private:
  // Moves the counters to `carried_` under the day they belong to, and starts counting `day`.
  void RollTo(int day);

  std::atomic<int> bucket_day_;
  std::atomic<std::int64_t> bucket_visits_{0};
  std::atomic<std::int64_t> bucket_page_views_{0};

  std::mutex mutex_;  // guards carried_ and day switches
  Batch carried_;     // earlier days', and counts a failed flush put back
};

}  // namespace manmulsang::analytics
