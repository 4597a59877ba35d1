#include "manmulsang/search/trending_searches.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <deque>
#include <functional>
#include <limits>
#include <mutex>
#include <unordered_map>

#include "manmulsang/text/characters.hpp"

namespace manmulsang::search {
namespace {

using std::chrono::minutes;

// The ranking counts the last hour; movement compares with the hour that ended ten minutes ago.
constexpr std::int64_t kWindowMinutes = 60;
constexpr std::int64_t kMovementLagMinutes = 10;
// Minute buckets kept: the current window and the lagged one together span 70 minutes.
constexpr std::int64_t kBucketCount = kWindowMinutes + kMovementLagMinutes;
// A visitor counts once per query in this long.
constexpr auto kVisitorRepeat = minutes(10);

// Bounds against hostile traffic (random queries, random visitor keys): memory stays a few MB.
constexpr std::size_t kMaxQueryBytes = 100;
constexpr std::size_t kMaxQueries = 10'000;
constexpr std::size_t kMaxVisitorMarks = 200'000;
constexpr int kMaxLimit = 100;

bool Acceptable(std::string_view query) {
  if (query.empty() || query.size() > kMaxQueryBytes) return false;
  // Normalised queries never hold control characters; a caller passing raw text is ignored.
  return std::ranges::none_of(query, text::IsAsciiControl);
}

// Lets a string_view find a std::string key without a copy.
struct QueryHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view query) const { return std::hash<std::string_view>{}(query); }
};

std::int64_t MinuteOf(core::TimePoint time) { return std::chrono::floor<minutes>(time.time_since_epoch()).count(); }

}  // namespace

std::string_view RankMovementName(RankMovement movement) {
  switch (movement) {
    case RankMovement::same:
      return "same";
    case RankMovement::up:
      return "up";
    case RankMovement::down:
      return "down";
    case RankMovement::new_entry:
      return "new";
  }
  return "same";
}

struct TrendingSearches::Impl {
  struct QueryCounts {
    std::int64_t current = 0;           // visitor-searches in the last hour
    std::int64_t previous = 0;          // in the hour that ended ten minutes ago
    core::TimePoint latest{};           // the newest counted search (the current tie-break)
    core::TimePoint latest_previous{};  // the newest one inside the lagged window
  };
  struct BucketEntry {
    std::uint32_t count = 0;
    core::TimePoint latest{};
  };
  // One minute of counted searches. Keys point at the keys of queries_, whose nodes stay put.
  struct Bucket {
    std::int64_t minute = -1;
    std::unordered_map<const std::string*, BucketEntry> counts;
  };
  struct VisitorMark {
    std::size_t key = 0;
    core::TimePoint at{};
  };

  explicit Impl(const core::Clock& clock) : clock(clock) {}

  const core::Clock& clock;
  std::mutex mutex;
  std::unordered_map<std::string, QueryCounts, QueryHash, std::equal_to<>> queries;
  std::array<Bucket, kBucketCount> buckets;
  std::int64_t minute = std::numeric_limits<std::int64_t>::min();  // the newest minute advanced to
  // When the table was full of queries searched by several visitors, no room is looked for again
  // before this minute: a flood must not cost a scan of the table per search.
  std::int64_t no_room_until_minute = std::numeric_limits<std::int64_t>::min();
  // (visitor, query) → when it last counted; the deque holds the same marks oldest first, so
  // expired ones leave in order and the cap drops the oldest.
  std::unordered_map<std::size_t, core::TimePoint> visitor_marks;
  std::deque<VisitorMark> visitor_order;

  Bucket& BucketFor(std::int64_t bucket_minute) {
    return buckets[static_cast<std::size_t>(((bucket_minute % kBucketCount) + kBucketCount) % kBucketCount)];
  }

  void Forget(const std::string* query) {
    for (Bucket& bucket : buckets) bucket.counts.erase(query);
    queries.erase(*query);
  }

  // Moves the windows forward to now_minute: the bucket leaving the hour stops counting now,
  // the bucket ten minutes old starts counting for the lagged window, the one 70 minutes old goes.
  void Advance(std::int64_t now_minute) {
    if (now_minute <= minute) return;  // a clock stepping back keeps the newest minute
    if (minute == std::numeric_limits<std::int64_t>::min() || now_minute - minute > kBucketCount) {
      for (Bucket& bucket : buckets) bucket = Bucket{};
      queries.clear();
      minute = now_minute;
      BucketFor(minute).minute = minute;
      return;
    }
    while (minute < now_minute) {
      ++minute;
      if (Bucket& leaving_hour = BucketFor(minute - kWindowMinutes); leaving_hour.minute == minute - kWindowMinutes) {
        for (const auto& [query, entry] : leaving_hour.counts) queries[*query].current -= entry.count;
      }
      if (Bucket& entering_lag = BucketFor(minute - kMovementLagMinutes);
          entering_lag.minute == minute - kMovementLagMinutes) {
        for (const auto& [query, entry] : entering_lag.counts) {
          QueryCounts& counts = queries[*query];
          counts.previous += entry.count;
          counts.latest_previous = std::max(counts.latest_previous, entry.latest);
        }
      }
      Bucket& expiring = BucketFor(minute);  // minute - 70: leaves the lagged window
      if (expiring.minute == minute - kBucketCount) {
        std::vector<const std::string*> unused;
        for (const auto& [query, entry] : expiring.counts) {
          QueryCounts& counts = queries[*query];
          counts.previous -= entry.count;
          if (counts.current <= 0 && counts.previous <= 0) unused.push_back(query);
        }
        expiring.counts.clear();
        for (const std::string* query : unused) queries.erase(*query);
      }
      expiring = Bucket{.minute = minute, .counts = {}};
    }
  }

  // True when this visitor has not counted for this query in the last ten minutes; marks it.
  bool FirstTimeRecently(std::string_view query, std::string_view visitor, core::TimePoint now) {
    while (!visitor_order.empty() && visitor_order.front().at <= now - kVisitorRepeat) {
      DropOldestMark();
    }
    std::string key;
    key.reserve(query.size() + 1 + std::min<std::size_t>(visitor.size(), 256));
    key.append(query).push_back('\0');
    key.append(visitor.substr(0, 256));
    const std::size_t hash = std::hash<std::string>{}(key);
    if (auto found = visitor_marks.find(hash); found != visitor_marks.end() && found->second > now - kVisitorRepeat) {
      return false;
    }
    // At the cap the oldest mark goes: under a flood a visitor may count twice, memory stays put.
    while (visitor_marks.size() >= kMaxVisitorMarks && !visitor_order.empty()) DropOldestMark();
    visitor_marks[hash] = now;
    visitor_order.push_back({hash, now});
    return true;
  }

  void DropOldestMark() {
    const VisitorMark mark = visitor_order.front();
    visitor_order.pop_front();
    if (auto found = visitor_marks.find(mark.key); found != visitor_marks.end() && found->second == mark.at) {
      visitor_marks.erase(found);
    }
  }

  // Makes room for a new query when the table is full: queries searched by at most one visitor
  // in either window go (the flood of one-off strings). A ranking made of those is noise anyway.
  bool MakeRoom() {
    if (queries.size() < kMaxQueries) return true;
    if (minute < no_room_until_minute) return false;
    std::vector<const std::string*> one_offs;
    for (const auto& [query, counts] : queries) {
      if (counts.current <= 1 && counts.previous <= 1) one_offs.push_back(&query);
    }
    for (const std::string* query : one_offs) Forget(query);
    if (queries.size() < kMaxQueries) return true;
    no_room_until_minute = minute + 1;
    return false;
  }

  void Record(std::string_view query, std::string_view visitor) {
    const core::TimePoint now = clock.Now();
    std::lock_guard lock(mutex);
    Advance(MinuteOf(now));
    if (!FirstTimeRecently(query, visitor, now)) return;
    auto found = queries.find(query);
    if (found == queries.end()) {
      if (!MakeRoom()) return;
      found = queries.emplace(std::string(query), QueryCounts{}).first;
    }
    ++found->second.current;
    found->second.latest = std::max(found->second.latest, now);
    BucketEntry& entry = BucketFor(minute).counts[&found->first];
    ++entry.count;
    entry.latest = std::max(entry.latest, now);
  }

  std::vector<TrendingQuery> Top(int limit) {
    limit = std::clamp(limit, 0, kMaxLimit);
    const core::TimePoint now = clock.Now();
    std::lock_guard lock(mutex);
    Advance(MinuteOf(now));
    using Entry = std::pair<const std::string*, const QueryCounts*>;
    // Most counted first; ties: the most recently searched, then the text, so the order is total.
    const auto current_order = [](const Entry& left, const Entry& right) {
      if (left.second->current != right.second->current) return left.second->current > right.second->current;
      if (left.second->latest != right.second->latest) return left.second->latest > right.second->latest;
      return *left.first < *right.first;
    };
    const auto previous_order = [](const Entry& left, const Entry& right) {
      if (left.second->previous != right.second->previous) return left.second->previous > right.second->previous;
      if (left.second->latest_previous != right.second->latest_previous) {
        return left.second->latest_previous > right.second->latest_previous;
      }
      return *left.first < *right.first;
    };
    const std::size_t shown_before = static_cast<std::size_t>(std::max(limit, kTrendingSize));
    std::vector<Entry> current;
    std::vector<Entry> previous;
    for (const auto& [query, counts] : queries) {
      if (counts.current > 0) current.emplace_back(&query, &counts);
      if (counts.previous > 0) previous.emplace_back(&query, &counts);
    }
    const std::size_t shown = std::min(current.size(), static_cast<std::size_t>(limit));
    std::partial_sort(current.begin(), current.begin() + static_cast<std::ptrdiff_t>(shown), current.end(),
                      current_order);
    const std::size_t previous_shown = std::min(previous.size(), shown_before);
    std::partial_sort(previous.begin(), previous.begin() + static_cast<std::ptrdiff_t>(previous_shown), previous.end(),
                      previous_order);
    std::vector<TrendingQuery> top;
    top.reserve(shown);
    for (std::size_t index = 0; index < shown; ++index) {
      TrendingQuery entry{*current[index].first, current[index].second->current, static_cast<int>(index + 1),
                          RankMovement::new_entry, 0};
      // A query outside the earlier list (however long the caller's) is new to it.
      for (std::size_t earlier = 0; earlier < previous_shown; ++earlier) {
        if (previous[earlier].first != current[index].first) continue;
        const int places = static_cast<int>(earlier) - static_cast<int>(index);
        entry.movement = places > 0 ? RankMovement::up : places < 0 ? RankMovement::down : RankMovement::same;
        entry.places = std::abs(places);
        break;
      }
      top.push_back(std::move(entry));
    }
    return top;
  }
};

TrendingSearches::TrendingSearches(const core::Clock& clock) : impl_(std::make_unique<Impl>(clock)) {}
TrendingSearches::~TrendingSearches() = default;

void TrendingSearches::Record(std::string_view normalized_query, std::string_view visitor) {
  if (!Acceptable(normalized_query)) return;
  impl_->Record(normalized_query, visitor);
}

std::vector<TrendingQuery> TrendingSearches::Top(int limit) { return impl_->Top(limit); }

}  // namespace manmulsang::search
