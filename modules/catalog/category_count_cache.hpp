#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/db/database.hpp"
#include "product_repository.hpp"

namespace manmulsang::catalog {

using CategoryCounts = std::vector<std::pair<core::CategoryId, std::int64_t>>;

// Browsing a category needs the count of active products in each of its subcategories; on a
// large store that is a scan of every listing. The counts of the whole store are kept for a
// short while and serve every category page; listings themselves are always read fresh.
class CategoryCountCache {
 public:
  static constexpr std::chrono::seconds kLifetime{30};

  CategoryCountCache(db::Database& database, const core::Clock& clock) : database_(database), clock_(clock) {}

  // Active products per category matching filter, in category id order: from the cached
  // store-wide counts when filter names categories at most, from the store otherwise. Opens a
  // read of its own: call it outside any other read.
  CategoryCounts Counts(const ProductFilter& filter);
  // After a listing write commits, so that a listing read meanwhile cannot keep the old counts.
  void Forget();

 private:
  std::shared_ptr<const CategoryCounts> StoreCounts();

  db::Database& database_;
  const core::Clock& clock_;
  std::mutex mutex_;
  std::shared_ptr<const CategoryCounts> counts_;
  core::TimePoint counts_time_;
};

}  // namespace manmulsang::catalog
