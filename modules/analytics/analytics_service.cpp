#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <stop_token>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "embedded/analytics_migrations.hpp"
#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/text/utf8.hpp"
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

// Shop views and search words gathered since the last flush.
struct ShopBatch {
  std::map<std::pair<int, std::int64_t>, std::int64_t> views;                 // (day, shop)
  std::map<std::tuple<int, std::int64_t, std::string>, std::int64_t> terms;  // (day, shop, words)
  std::int64_t dropped_terms = 0;  // views whose words found no room under the bound

  bool empty() const { return views.empty() && terms.empty(); }
};

// Words worth keeping: what SearchQueryOf hands over, checked again since any caller may call.
bool IsCountableQuery(std::string_view query) {
  return !query.empty() && query.size() <= kMaxSearchQueryBytes && text::IsValidUtf8(query);
}

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

  void RecordShopVisit(core::SellerId shop, std::string_view query) {
    if (!shop) return;
    int day = Today();
    bool countable = IsCountableQuery(query);
    std::lock_guard lock(shop_mutex);
    ++shop_pending.views[{day, shop.value}];
    if (!countable) return;
    auto key = std::make_tuple(day, shop.value, std::string(query));
    if (auto found = shop_pending.terms.find(key); found != shop_pending.terms.end()) {
      ++found->second;
    } else if (shop_pending.terms.size() < options.max_pending_search_terms) {
      shop_pending.terms.emplace(std::move(key), 1);
    } else {
      ++shop_pending.dropped_terms;
    }
  }

  ShopBatch TakeShopPending() {
    std::lock_guard lock(shop_mutex);
    ShopBatch batch = std::move(shop_pending);
    shop_pending = {};
    return batch;
  }

  // Puts back a batch a failed flush could not store. The bound is not applied: these words
  // were counted already, and the next flush empties the map again.
  void RestoreShops(ShopBatch& batch) {
    std::lock_guard lock(shop_mutex);
    for (const auto& [key, views] : batch.views) shop_pending.views[key] += views;
    for (auto& [key, count] : batch.terms) shop_pending.terms[key] += count;
    shop_pending.dropped_terms += batch.dropped_terms;
  }

  void Flush() {
    std::lock_guard flushing(flush_mutex);
    Batch batch = TakePending();
    ShopBatch shops = TakeShopPending();
    int today = Today();
    bool prune = today != last_pruned_day;
    if (batch.empty() && shops.empty() && !prune) return;
    if (shops.dropped_terms > 0) {
      spdlog::warn("analytics: {} shop views came with more distinct search words than the {} kept "
                   "between flushes; their words were not counted",
                   shops.dropped_terms, options.max_pending_search_terms);
    }
    try {
      database.Write([&](db::Connection& connection) {
        for (const auto& [day, counts] : batch) {
          VisitRepository::AddToDay(connection, DayText(day), counts.visits, counts.page_views);
        }
        for (const auto& [key, views] : shops.views) {
          VisitRepository::AddShopViews(connection, key.second, DayText(key.first), views);
        }
        for (const auto& [key, count] : shops.terms) {
          const auto& [day, shop, query] = key;
          VisitRepository::AddShopSearchTerm(connection, shop, DayText(day), query, count);
        }
        if (prune) {
          VisitRepository::PruneSearchTerms(connection,
                                            DayText(DayKeyDaysBefore(kSearchTermRetentionDays - 1)));
        }
      });
    } catch (...) {
      Restore(batch);
      shops.dropped_terms = 0;  // already reported
      RestoreShops(shops);
      throw;
    }
    last_pruned_day = today;
  }

  // The day `days` days before today, as a key.
  int DayKeyDaysBefore(int days) const {
    return DayKey(core::LocalDate(clock.Now() - std::chrono::hours(24) * days));
  }

  ShopTraffic ShopTrafficOf(core::SellerId shop, int days) {
    days = std::clamp(days, 1, kMaxTrafficDays);
    ShopTraffic traffic;
    traffic.daily_views.assign(static_cast<std::size_t>(days), 0);
    // The window's days, oldest first, and where each sits in daily_views.
    core::TimePoint now = clock.Now();
    std::unordered_map<int, std::size_t> slot_of_day;
    for (int back = days - 1; back >= 0; --back) {
      int key = DayKey(core::LocalDate(now - std::chrono::hours(24) * back));
      slot_of_day.emplace(key, static_cast<std::size_t>(days - 1 - back));
    }
    int first_day = DayKey(core::LocalDate(now - std::chrono::hours(24) * (days - 1)));
    int last_day = DayKey(core::LocalDate(now));
    std::string first_text = DayText(first_day);
    std::string last_text = DayText(last_day);

    // As in Stats(): holding flush_mutex keeps a batch from being in both places or neither.
    std::lock_guard flushing(flush_mutex);
    std::map<std::string, std::int64_t> pending_terms;
    {
      std::lock_guard lock(shop_mutex);
      for (const auto& [key, views] : shop_pending.views) {
        if (key.second != shop.value) continue;
        if (auto slot = slot_of_day.find(key.first); slot != slot_of_day.end()) {
          traffic.daily_views[slot->second] += views;
        }
      }
      for (const auto& [key, count] : shop_pending.terms) {
        const auto& [day, owner, query] = key;
        if (owner == shop.value && day >= first_day && day <= last_day) pending_terms[query] += count;
      }
    }

    std::map<std::string, std::int64_t> totals;
    database.Read([&](db::Connection& connection) {
      for (const auto& [day, views] :
           VisitRepository::StoredShopViews(connection, shop.value, first_text, last_text)) {
        if (auto slot = slot_of_day.find(DayKey(day)); slot != slot_of_day.end()) {
          traffic.daily_views[slot->second] += views;
        }
      }
      // A search in memory can overtake stored ones: reading kTopSearchTerms more than there
      // are pending searches guarantees the true top ten is among what is read, once each
      // pending search's stored count is known too.
      auto limit = static_cast<std::int64_t>(kTopSearchTerms + pending_terms.size());
      std::vector<SearchTermCount> stored = VisitRepository::StoredTopSearchTerms(
          connection, shop.value, first_text, last_text, limit);
      bool read_all = static_cast<std::int64_t>(stored.size()) < limit;
      for (const SearchTermCount& term : stored) totals[term.query] += term.count;
      for (const auto& [query, count] : pending_terms) {
        if (!totals.contains(query) && !read_all) {
          totals[query] += VisitRepository::StoredSearchTermCount(connection, shop.value, first_text,
                                                                  last_text, query);
        }
        totals[query] += count;
      }
    });
    for (auto& [query, count] : totals) traffic.search_terms.push_back({query, count});
    std::sort(traffic.search_terms.begin(), traffic.search_terms.end(),
              [](const SearchTermCount& left, const SearchTermCount& right) {
                if (left.count != right.count) return left.count > right.count;
                return left.query < right.query;
              });
    if (traffic.search_terms.size() > kTopSearchTerms) traffic.search_terms.resize(kTopSearchTerms);
    traffic.views_today = traffic.daily_views.back();
    return traffic;
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

  std::mutex shop_mutex;    // guards shop_pending
  ShopBatch shop_pending;   // shop views and search words since the last flush
  int last_pruned_day = 0;  // under flush_mutex: old search rows go once a day

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

void AnalyticsService::RecordShopVisit(core::SellerId shop, std::string_view search_query) {
  impl_->RecordShopVisit(shop, search_query);
}

ShopTraffic AnalyticsService::ShopTrafficOf(core::SellerId shop, int days) {
  return impl_->ShopTrafficOf(shop, days);
}

void AnalyticsService::Flush() { impl_->Flush(); }

const core::Clock& AnalyticsService::clock() const { return impl_->clock; }

std::span<const core::EmbeddedFile> Migrations() { return embedded::analytics_migrations(); }

}  // namespace manmulsang::analytics
