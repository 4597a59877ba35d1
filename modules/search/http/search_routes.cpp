#include "manmulsang/search/http/search_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string>

#include "manmulsang/text/utf8.hpp"

namespace manmulsang::search {
namespace {

// A suggestion prefix is a word or two being typed; anything longer is cut, not refused, so a
// pasted paragraph costs one short range look-up like any other keystroke.
constexpr std::size_t kMaxPrefixCodePoints = 50;

http::Response Suggestions(SearchService& search, const http::Request& request) {
  std::string prefix = text::Truncate(request.Query("q").value_or(""), kMaxPrefixCodePoints);
  boost::json::array items;
  for (const Suggestion& suggestion : search.Suggest(prefix)) {
    items.push_back(boost::json::object{{"text", suggestion.text}, {"listings", suggestion.listings}});
  }
  return http::Response::Json(boost::json::object{{"items", std::move(items)}});
}

http::Response Trending(TrendingSearches& trending) {
  boost::json::array items;
  for (const TrendingQuery& entry : trending.Top()) {
    items.push_back(boost::json::object{
        {"query", entry.query},
        {"count", entry.count},
        {"rank", entry.rank},
        {"movement", RankMovementName(entry.movement)},
        {"places", entry.places},
    });
  }
  return http::Response::Json(boost::json::object{{"items", std::move(items)}});
}

}  // namespace

void AddSearchRoutes(http::Router& router, SearchService& search, TrendingSearches& trending) {
  router.Get("/api/v1/search/suggest", [&search](http::Request& request) { return Suggestions(search, request); });
  router.Get("/api/v1/search/trending", [&trending](http::Request&) { return Trending(trending); });
}

}  // namespace manmulsang::search
