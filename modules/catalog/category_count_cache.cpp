#include "category_count_cache.hpp"

#include <algorithm>

namespace manmulsang::catalog {
namespace {

bool OnlyCategoryFilter(const ProductFilter& filter) {
  return !filter.seller && !filter.min_price && !filter.max_price;
}

}  // namespace

std::shared_ptr<const CategoryCounts> CategoryCountCache::StoreCounts() {
  std::lock_guard lock(mutex_);
  core::TimePoint now = clock_.Now();
  if (!counts_ || now - counts_time_ >= kLifetime || now < counts_time_) {
    counts_ = std::make_shared<const CategoryCounts>(
        database_.Read([](db::Connection& connection) { return ProductRepository::CountByCategory(connection, {}); }));
    counts_time_ = now;
  }
  return counts_;
}

void CategoryCountCache::Forget() {
  std::lock_guard lock(mutex_);
  counts_.reset();
}

CategoryCounts CategoryCountCache::Counts(const ProductFilter& filter) {
  if (!OnlyCategoryFilter(filter)) {
    return database_.Read(
        [&](db::Connection& connection) { return ProductRepository::CountByCategory(connection, filter); });
  }
  std::shared_ptr<const CategoryCounts> all = StoreCounts();
  if (filter.categories.empty()) return *all;
  CategoryCounts wanted;
  for (const auto& entry : *all) {
    if (std::ranges::find(filter.categories, entry.first) != filter.categories.end()) wanted.push_back(entry);
  }
  return wanted;
}

}  // namespace manmulsang::catalog
