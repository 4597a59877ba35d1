#include "manmulsang/analytics/http/search_referral.hpp"

namespace manmulsang::analytics {

std::string SearchQueryOf(const http::Request&) { return {}; }

}  // namespace manmulsang::analytics
