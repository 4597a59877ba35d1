#include "shop_visit_counter.hpp"

#include "manmulsang/analytics/analytics.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::analytics {
namespace {

// Words worth keeping: what SearchQueryOf hands over, checked again since any caller may call.
bool IsCountableQuery(std::string_view query) {
  return !query.empty() && query.size() <= kMaxSearchQueryBytes && text::IsValidUtf8(query);
}

}  // namespace

void ShopVisitCounter::Record(int day, core::SellerId shop, std::string_view query) {
  if (!shop) return;
  bool countable = IsCountableQuery(query);
  std::lock_guard lock(mutex_);
  ++pending_.views[{day, shop.value}];
  if (!countable) return;
  auto key = std::make_tuple(day, shop.value, std::string(query));
  if (auto found = pending_.terms.find(key); found != pending_.terms.end()) {
    ++found->second;
  } else if (pending_.terms.size() < max_pending_terms_) {
    pending_.terms.emplace(std::move(key), 1);
  } else {
    ++pending_.dropped_terms;
  }
}

ShopVisitCounter::Batch ShopVisitCounter::TakePending() {
  std::lock_guard lock(mutex_);
  Batch batch = std::move(pending_);
  pending_ = {};
  return batch;
}

void ShopVisitCounter::Restore(Batch& batch) {
  std::lock_guard lock(mutex_);
  for (const auto& [key, views] : batch.views) pending_.views[key] += views;
  for (auto& [key, count] : batch.terms) pending_.terms[key] += count;
  pending_.dropped_terms += batch.dropped_terms;
}

std::map<std::string, std::int64_t> ShopVisitCounter::AddPending(
    core::SellerId shop, const std::unordered_map<int, std::size_t>& slot_of_day, int first_day, int last_day,
    std::vector<std::int64_t>& daily_views) {
  std::map<std::string, std::int64_t> pending_terms;
  std::lock_guard lock(mutex_);
  for (const auto& [key, views] : pending_.views) {
    if (key.second != shop.value) continue;
    if (auto slot = slot_of_day.find(key.first); slot != slot_of_day.end()) daily_views[slot->second] += views;
  }
  for (const auto& [key, count] : pending_.terms) {
    const auto& [day, owner, query] = key;
    if (owner == shop.value && day >= first_day && day <= last_day) pending_terms[query] += count;
  }
  return pending_terms;
}

}  // namespace manmulsang::analytics
