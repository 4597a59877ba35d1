#include "manmulsang/search/trending_searches.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>

#include "manmulsang/text/characters.hpp"
#include "trending_repository.hpp"

namespace manmulsang::search {
namespace {

// The ranking counts the last hour; movement compares with the hour that ended ten minutes ago.
// Windows are whole minutes: the current one is this minute and the 59 before it.
constexpr std::int64_t kWindowMinutes = 60;
constexpr std::int64_t kMovementLagMinutes = 10;
// Rows older than both windows together are deleted.
constexpr std::int64_t kKeptMinutes = kWindowMinutes + kMovementLagMinutes;
// A visitor counts once per query in this long.
constexpr std::int64_t kVisitorRepeatSeconds = 10 * 60;
// A node answers Top from what it read this recently; its own counted searches show at once.
constexpr auto kRankingCacheLifetime = std::chrono::seconds(5);

constexpr std::size_t kMaxQueryBytes = 100;
constexpr int kMaxLimit = 100;

bool Acceptable(std::string_view query) {
  if (query.empty() || query.size() > kMaxQueryBytes) return false;
  // Normalised queries never hold control characters; a caller passing raw text is ignored.
  return std::ranges::none_of(query, text::IsAsciiControl);
}

// FNV-1a: the same on every node and build (std::hash is not promised to be), and the visitor's
// key (a cookie, a member id) is never stored.
std::int64_t VisitorHash(std::string_view visitor) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char character : visitor) {
    hash ^= static_cast<unsigned char>(character);
    hash *= 1099511628211ull;
  }
  return static_cast<std::int64_t>(hash);
}

std::int64_t MinuteOf(core::TimePoint time) {
  return std::chrono::floor<std::chrono::minutes>(time.time_since_epoch()).count();
}

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
  Impl(db::Database& database, const core::Clock& clock) : database(database), clock(clock) {}

  db::Database& database;
  const core::Clock& clock;

  std::mutex mutex;
  // Old rows are deleted by at most one Record per minute on this node.
  std::int64_t pruned_minute = 0;
  // The last ranking read, by limit. generation counts this node's counted searches: a ranking
  // read while one was being counted is not kept.
  std::uint64_t generation = 0;
  struct CachedRanking {
    std::vector<TrendingQuery> top;
    core::TimePoint read_at{};
    std::uint64_t generation = 0;
  };
  std::map<int, CachedRanking> cache;

  void Record(std::string_view query, std::string_view visitor) {
    const core::TimePoint now = clock.Now();
    const std::int64_t at = core::ToUnixSeconds(now);
    const std::int64_t repeat_after = at - kVisitorRepeatSeconds;
    const std::int64_t visitor_hash = VisitorHash(visitor);
    // Most repeats are told apart by a read, without a write.
    const bool repeat = database.Read([&](db::Connection& connection) {
      return TrendingRepository(connection).CountedSince(query, visitor_hash, repeat_after);
    });
    if (repeat) return;
    const std::int64_t minute = MinuteOf(now);
    bool prune = false;
    {
      std::lock_guard lock(mutex);
      if (pruned_minute != minute) {
        pruned_minute = minute;
        prune = true;
      }
    }
    const bool counted = database.Write([&](db::Connection& connection) {
      TrendingRepository repository(connection);
      if (prune) repository.DeleteBefore((minute - kKeptMinutes) * 60);
      return repository.Count(query, visitor_hash, at, repeat_after);
    });
    if (counted) {
      std::lock_guard lock(mutex);
      ++generation;
    }
  }

  std::vector<TrendingQuery> Top(int limit) {
    limit = std::clamp(limit, 0, kMaxLimit);
    if (limit == 0) return {};
    const core::TimePoint now = clock.Now();
    std::uint64_t read_generation = 0;
    {
      std::lock_guard lock(mutex);
      // The windows move by whole minutes: a ranking read in an earlier minute is another one.
      if (auto found = cache.find(limit); found != cache.end() && found->second.generation == generation &&
                                          MinuteOf(found->second.read_at) == MinuteOf(now) &&
                                          now >= found->second.read_at &&
                                          now < found->second.read_at + kRankingCacheLifetime) {
        return found->second.top;
      }
      read_generation = generation;
    }
    const std::int64_t minute = MinuteOf(now);
    const int shown_before = std::max(limit, kTrendingSize);
    const auto [current, previous] = database.Read([&](db::Connection& connection) {
      TrendingRepository repository(connection);
      return std::pair{
          repository.Ranking((minute - kWindowMinutes + 1) * 60, (minute + 1) * 60, limit),
          repository.Ranking((minute - kKeptMinutes + 1) * 60, (minute - kMovementLagMinutes + 1) * 60, shown_before)};
    });
    std::vector<TrendingQuery> top;
    top.reserve(current.size());
    for (std::size_t index = 0; index < current.size(); ++index) {
      TrendingQuery entry{current[index].query, current[index].count, static_cast<int>(index + 1),
                          RankMovement::new_entry, 0};
      // A query outside the earlier list (however long the caller's) is new to it.
      for (std::size_t earlier = 0; earlier < previous.size(); ++earlier) {
        if (previous[earlier].query != current[index].query) continue;
        const int places = static_cast<int>(earlier) - static_cast<int>(index);
        entry.movement = places > 0 ? RankMovement::up : places < 0 ? RankMovement::down : RankMovement::same;
        entry.places = std::abs(places);
        break;
      }
      top.push_back(std::move(entry));
    }
    std::lock_guard lock(mutex);
    if (generation == read_generation) cache[limit] = {top, now, read_generation};
    return top;
  }
};

TrendingSearches::TrendingSearches(db::Database& database, const core::Clock& clock)
    : impl_(std::make_unique<Impl>(database, clock)) {}
TrendingSearches::~TrendingSearches() = default;

void TrendingSearches::Record(std::string_view normalized_query, std::string_view visitor) {
  if (!Acceptable(normalized_query)) return;
  impl_->Record(normalized_query, visitor);
}

std::vector<TrendingQuery> TrendingSearches::Top(int limit) { return impl_->Top(limit); }

}  // namespace manmulsang::search
