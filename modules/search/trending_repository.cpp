#include "trending_repository.hpp"

namespace manmulsang::search {
namespace {

constexpr std::string_view kCountedSince =
    "SELECT 1 FROM search_trending_searches WHERE query = $1 AND visitor_hash = $2 AND searched_at > $3 LIMIT 1";
// Insert-first: the check and the insert are one statement; on PostgreSQL two nodes counting the
// same visitor at once conflict (SERIALIZABLE) and the retried one finds the other's row.
constexpr std::string_view kCount =
    "INSERT INTO search_trending_searches (query, visitor_hash, searched_at) "
    "SELECT CAST($1 AS TEXT), CAST($2 AS BIGINT), CAST($3 AS BIGINT) WHERE NOT EXISTS ("
    "SELECT 1 FROM search_trending_searches WHERE query = $1 AND visitor_hash = $2 AND searched_at > $4) "
    "ON CONFLICT DO NOTHING";
constexpr std::string_view kDeleteBefore = "DELETE FROM search_trending_searches WHERE searched_at < $1";
constexpr std::string_view kRanking =
    "SELECT query, COUNT(*), MAX(searched_at) FROM search_trending_searches "
    "WHERE searched_at >= $1 AND searched_at < $2 GROUP BY query "
    "ORDER BY COUNT(*) DESC, MAX(searched_at) DESC, query LIMIT $3";

}  // namespace

bool TrendingRepository::CountedSince(std::string_view query, std::int64_t visitor_hash, std::int64_t after) {
  return connection_.QueryOne(kCountedSince, {query, visitor_hash, after}).has_value();
}

bool TrendingRepository::Count(std::string_view query, std::int64_t visitor_hash, std::int64_t at, std::int64_t after) {
  return connection_.Execute(kCount, {query, visitor_hash, at, after}) > 0;
}

void TrendingRepository::DeleteBefore(std::int64_t before) { connection_.Execute(kDeleteBefore, {before}); }

std::vector<TrendingRepository::QueryCount> TrendingRepository::Ranking(std::int64_t from, std::int64_t to, int limit) {
  std::vector<QueryCount> ranking;
  for (const db::Row& row : connection_.Query(kRanking, {from, to, std::int64_t{limit}})) {
    ranking.push_back({row.Text(0), row.Int(1), row.Int(2)});
  }
  return ranking;
}

}  // namespace manmulsang::search
