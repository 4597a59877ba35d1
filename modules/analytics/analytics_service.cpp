#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <stop_token>
#include <thread>

#include "embedded/analytics_migrations.hpp"
#include "manmulsang/analytics/analytics.hpp"
#include "visit_repository.hpp"

namespace manmulsang::analytics {
namespace {

// A day as the integer YYYYMMDD, so that the day the in-memory counters belong to fits in one
// atomic and days compare in calendar order.
int DayKey(std::string_view local_date) {
  int key = 0;
  for (char c : local_date) {
    if (c >= '0' && c <= '9') key = key * 10 + (c - '0');
  }
  return key;
}

std::string DayText(int key) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", key / 10000, key / 100 % 100, key % 100);
  return text;
}

struct Counts {
  std::int64_t visits = 0;
  std::int64_t page_views = 0;
};

using Batch = std::map<int, Counts>;

}  // namespace

bool StartsVisit(std::optional<core::TimePoint> last_seen, core::TimePoint now) {
  if (!last_seen) return true;
  // A little tolerance for nodes whose clocks differ; anything further ahead is a forged cookie.
  constexpr auto kClockSkew = std::chrono::minutes(1);
  if (*last_seen > now + kClockSkew) return true;
  return now - *last_seen > kVisitIdleTimeout;
}

struct AnalyticsService::Impl {
  Impl(db::Database& database, const core::Clock& clock, AnalyticsOptions options)
      : database(database), clock(clock), options(options),
        bucket_day(DayKey(core::LocalDate(clock.Now()))) {}

  int Today() const { return DayKey(core::LocalDate(clock.Now())); }

  // Moves the counters to `carried` under the day they belong to, and starts counting `day`.
  // A view recorded by a thread that read the old day just before the switch lands in the new
  // day: at most a few views at midnight, which is not worth a lock on every view.
  void RollTo(int day) {
    std::lock_guard lock(state_mutex);
    int current = bucket_day.load(std::memory_order_acquire);
    if (day <= current) return;  // another thread rolled first, or the clock went back
    Counts& counts = carried[current];
    counts.visits += bucket_visits.exchange(0, std::memory_order_relaxed);
    counts.page_views += bucket_page_views.exchange(0, std::memory_order_relaxed);
    bucket_day.store(day, std::memory_order_release);
  }

  Batch TakePending() {
    std::lock_guard lock(state_mutex);
    Batch batch = std::move(carried);
    carried.clear();
    Counts& current = batch[bucket_day.load(std::memory_order_acquire)];
    current.visits += bucket_visits.exchange(0, std::memory_order_relaxed);
    current.page_views += bucket_page_views.exchange(0, std::memory_order_relaxed);
    std::erase_if(batch, [](const auto& entry) {
      return entry.second.visits == 0 && entry.second.page_views == 0;
    });
    return batch;
  }

  void Restore(const Batch& batch) {
    std::lock_guard lock(state_mutex);
    for (const auto& [day, counts] : batch) {
      carried[day].visits += counts.visits;
      carried[day].page_views += counts.page_views;
    }
  }

  void Flush() {
    std::lock_guard flushing(flush_mutex);
    Batch batch = TakePending();
    if (batch.empty()) return;
    try {
      database.Write([&](db::Connection& connection) {
        for (const auto& [day, counts] : batch) {
          VisitRepository::AddToDay(connection, DayText(day), counts.visits, counts.page_views);
        }
      });
    } catch (...) {
      Restore(batch);
      throw;
    }
  }

  VisitStats Stats() {
    // Holding flush_mutex keeps a batch from being both in the store and in memory (or neither)
    // while we read the two.
    std::lock_guard flushing(flush_mutex);
    int today = Today();
    VisitStats stats = database.Read([&](db::Connection& connection) {
      return VisitRepository::StoredStats(connection, DayText(today));
    });
    std::lock_guard lock(state_mutex);
    for (const auto& [day, counts] : carried) {
      stats.visits_total += counts.visits;
      if (day == today) {
        stats.visits_today += counts.visits;
        stats.page_views_today += counts.page_views;
      }
    }
    std::int64_t visits = bucket_visits.load(std::memory_order_relaxed);
    stats.visits_total += visits;
    if (bucket_day.load(std::memory_order_acquire) == today) {
      stats.visits_today += visits;
      stats.page_views_today += bucket_page_views.load(std::memory_order_relaxed);
    }
    return stats;
  }

  void RunFlusher(std::stop_token stop) {
    std::unique_lock lock(wake_mutex);
    while (true) {
      wake.wait_for(lock, stop, options.flush_interval, [] { return false; });
      if (stop.stop_requested()) return;
      lock.unlock();
      try {
        Flush();
      } catch (const std::exception& error) {
        // The counts stay in memory; the next round tries again.
        spdlog::warn("analytics: flushing visit counts failed: {}", error.what());
      }
      lock.lock();
    }
  }

  db::Database& database;
  const core::Clock& clock;
  AnalyticsOptions options;

  // The current day's counts, added to without a lock.
  std::atomic<int> bucket_day;
  std::atomic<std::int64_t> bucket_visits{0};
  std::atomic<std::int64_t> bucket_page_views{0};

  std::mutex state_mutex;  // guards carried and day switches
  Batch carried;           // earlier days', and counts a failed flush put back
  std::mutex flush_mutex;  // one flush or stats read at a time

  std::mutex wake_mutex;
  std::condition_variable_any wake;
  std::jthread flusher;  // last: it starts after, and stops before, everything it uses
};

AnalyticsService::AnalyticsService(db::Database& database, const core::Clock& clock,
                                   AnalyticsOptions options)
    : impl_(std::make_unique<Impl>(database, clock, options)) {
  impl_->flusher = std::jthread([impl = impl_.get()](std::stop_token stop) { impl->RunFlusher(stop); });
}

AnalyticsService::~AnalyticsService() {
  impl_->flusher.request_stop();
  if (impl_->flusher.joinable()) impl_->flusher.join();
  try {
    impl_->Flush();
  } catch (const std::exception& error) {
    spdlog::error("analytics: the final flush failed, these counts are lost: {}", error.what());
  }
}

void AnalyticsService::RecordPageView(bool starts_visit) {
  int day = impl_->Today();
  if (day > impl_->bucket_day.load(std::memory_order_acquire)) impl_->RollTo(day);
  impl_->bucket_page_views.fetch_add(1, std::memory_order_relaxed);
  if (starts_visit) impl_->bucket_visits.fetch_add(1, std::memory_order_relaxed);
}

VisitStats AnalyticsService::Stats() { return impl_->Stats(); }

void AnalyticsService::RecordShopVisit(core::SellerId, std::string_view) {}

ShopTraffic AnalyticsService::ShopTrafficOf(core::SellerId, int days) {
  ShopTraffic traffic;
  traffic.daily_views.assign(static_cast<std::size_t>(std::clamp(days, 1, kMaxTrafficDays)), 0);
  return traffic;
}

void AnalyticsService::Flush() { impl_->Flush(); }

const core::Clock& AnalyticsService::clock() const { return impl_->clock; }

std::span<const core::EmbeddedFile> Migrations() { return embedded::analytics_migrations(); }

}  // namespace manmulsang::analytics
