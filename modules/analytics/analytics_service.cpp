#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <stdexcept>
#include <stop_token>
#include <thread>
#include <unordered_map>

#include "day_key.hpp"
#include "embedded/analytics_migrations.hpp"
#include "manmulsang/analytics/analytics.hpp"
#include "shop_visit_counter.hpp"
#include "visit_counter.hpp"
#include "visit_repository.hpp"

namespace manmulsang::analytics {

bool StartsVisit(std::optional<core::TimePoint> last_seen, core::TimePoint now) {
  if (!last_seen) return true;
  // A little tolerance for nodes whose clocks differ; anything further ahead is a forged cookie.
  constexpr auto kClockSkew = std::chrono::minutes(1);
  if (*last_seen > now + kClockSkew) return true;
  return now - *last_seen > kVisitIdleTimeout;
}

// The counters in memory, the background flush that adds them to the store, and the reads that
// add the two together.
struct AnalyticsService::Impl {
  Impl(db::Database& database, const core::Clock& clock, AnalyticsOptions options)
      : database(database),
        clock(clock),
        options(options),
        visits(DayKeyOf(clock.Now())),
        shop_visits(options.max_pending_search_terms) {}

  int Today() const { return DayKeyOf(clock.Now()); }

  // The day `days` days before today, as a key.
  int DayKeyDaysBefore(int days) const { return DayKeyOf(clock.Now() - std::chrono::hours(24) * days); }

  void Flush() {
    std::lock_guard flushing(flush_mutex);
    VisitCounter::Batch batch = visits.TakePending();
    ShopVisitCounter::Batch shops = shop_visits.TakePending();
    int today = Today();
    bool prune = today != last_pruned_day;
    if (batch.empty() && shops.empty() && !prune) return;
    if (shops.dropped_terms > 0) {
      spdlog::warn(
          "analytics: {} shop views came with more distinct search words than the {} kept "
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
          VisitRepository::PruneSearchTerms(connection, DayText(DayKeyDaysBefore(kSearchTermRetentionDays - 1)));
        }
      });
    } catch (...) {
      visits.Restore(batch);
      shops.dropped_terms = 0;  // already reported
      shop_visits.Restore(shops);
      throw;
    }
    last_pruned_day = today;
  }

  ShopTraffic ShopTrafficOf(core::SellerId shop, int days) {
    days = std::clamp(days, 1, kMaxTrafficDays);
    ShopTraffic traffic;
    traffic.daily_views.assign(static_cast<std::size_t>(days), 0);
    // The window's days, oldest first, and where each sits in daily_views.
    core::TimePoint now = clock.Now();
    std::unordered_map<int, std::size_t> slot_of_day;
    for (int back = days - 1; back >= 0; --back) {
      int key = DayKeyOf(now - std::chrono::hours(24) * back);
      slot_of_day.emplace(key, static_cast<std::size_t>(days - 1 - back));
    }
    int first_day = DayKeyOf(now - std::chrono::hours(24) * (days - 1));
    int last_day = DayKeyOf(now);
    std::string first_text = DayText(first_day);
    std::string last_text = DayText(last_day);

    // As in Stats(): holding flush_mutex keeps a batch from being in both places or neither.
    std::lock_guard flushing(flush_mutex);
    std::map<std::string, std::int64_t> pending_terms =
        shop_visits.AddPending(shop, slot_of_day, first_day, last_day, traffic.daily_views);

    std::map<std::string, std::int64_t> totals;
    database.Read([&](db::Connection& connection) {
      for (const auto& [day, views] : VisitRepository::StoredShopViews(connection, shop.value, first_text, last_text)) {
        if (auto slot = slot_of_day.find(DayKey(day)); slot != slot_of_day.end()) {
          traffic.daily_views[slot->second] += views;
        }
      }
      // A search in memory can overtake stored ones: reading kTopSearchTerms more than there
      // are pending searches guarantees the true top ten is among what is read, once each
      // pending search's stored count is known too.
      auto limit = static_cast<std::int64_t>(kTopSearchTerms + pending_terms.size());
      std::vector<SearchTermCount> stored =
          VisitRepository::StoredTopSearchTerms(connection, shop.value, first_text, last_text, limit);
      bool read_all = static_cast<std::int64_t>(stored.size()) < limit;
      for (const SearchTermCount& term : stored) totals[term.query] += term.count;
      for (const auto& [query, count] : pending_terms) {
        if (!totals.contains(query) && !read_all) {
          totals[query] += VisitRepository::StoredSearchTermCount(connection, shop.value, first_text, last_text, query);
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

  std::vector<DailyVisits> VisitsPerDay(int days) {
    days = std::clamp(days, 1, kMaxTrafficDays);
    const core::TimePoint now = clock.Now();
    std::vector<DailyVisits> result;
    std::unordered_map<int, std::size_t> slot_of_day;
    for (int back = days - 1; back >= 0; --back) {
      const int key = DayKeyOf(now - std::chrono::hours(24) * back);
      slot_of_day.emplace(key, result.size());
      result.push_back({DayText(key), 0, 0});
    }
    // As in Stats(): holding flush_mutex keeps a batch from being in both places or neither.
    std::lock_guard flushing(flush_mutex);
    database.Read([&](db::Connection& connection) {
      for (const DailyVisits& stored :
           VisitRepository::StoredDailyVisits(connection, result.front().day, result.back().day)) {
        if (auto slot = slot_of_day.find(DayKey(stored.day)); slot != slot_of_day.end()) {
          result[slot->second].visits += stored.visits;
          result[slot->second].page_views += stored.page_views;
        }
      }
    });
    for (const auto& [day, counts] : visits.Pending()) {
      if (auto slot = slot_of_day.find(day); slot != slot_of_day.end()) {
        result[slot->second].visits += counts.visits;
        result[slot->second].page_views += counts.page_views;
      }
    }
    return result;
  }

  VisitStats Stats() {
    // Holding flush_mutex keeps a batch from being both in the store and in memory (or neither)
    // while we read the two.
    std::lock_guard flushing(flush_mutex);
    int today = Today();
    VisitStats stats = database.Read(
        [&](db::Connection& connection) { return VisitRepository::StoredStats(connection, DayText(today)); });
    visits.AddPending(stats, today);
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

  VisitCounter visits;
  ShopVisitCounter shop_visits;
  std::mutex flush_mutex;   // one flush or stats read at a time
  int last_pruned_day = 0;  // under flush_mutex: old search rows go once a day

  std::mutex wake_mutex;
  std::condition_variable_any wake;
  std::jthread flusher;  // last: it starts after, and stops before, everything it uses
};

AnalyticsService::AnalyticsService(db::Database& database, const core::Clock& clock, AnalyticsOptions options)
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

void AnalyticsService::RecordPageView(bool starts_visit) { impl_->visits.Record(impl_->Today(), starts_visit); }

VisitStats AnalyticsService::Stats() { return impl_->Stats(); }

void AnalyticsService::RecordShopVisit(core::SellerId shop, std::string_view search_query) {
  if (!shop) return;
  impl_->shop_visits.Record(impl_->Today(), shop, search_query);
}

std::vector<DailyVisits> AnalyticsService::VisitsPerDay(int days) { return impl_->VisitsPerDay(days); }

ShopTraffic AnalyticsService::ShopTrafficOf(core::SellerId shop, int days) { return impl_->ShopTrafficOf(shop, days); }

void AnalyticsService::Flush() { impl_->Flush(); }

void AnalyticsService::AddPastVisits(std::span<const DailyVisits> days) {
  const std::string today = core::LocalDate(impl_->clock.Now());
  for (const DailyVisits& day : days) {
    if (day.day.size() != 10 || day.day[4] != '-' || day.day[7] != '-' || day.day >= today || day.visits < 0 ||
        day.page_views < 0) {
      throw std::invalid_argument("past visits need a day before today and counts of zero or more: " + day.day);
    }
  }
  impl_->database.Write([&](db::Connection& connection) {
    for (const DailyVisits& day : days) VisitRepository::AddToDay(connection, day.day, day.visits, day.page_views);
  });
}

const core::Clock& AnalyticsService::clock() const { return impl_->clock; }

std::span<const core::EmbeddedFile> Migrations() { return embedded::analytics_migrations(); }

}  // namespace manmulsang::analytics
