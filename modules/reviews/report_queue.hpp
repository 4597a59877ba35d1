#pragma once

#include <map>
#include <optional>
#include <vector>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/reviews/review.hpp"
#include "report_repository.hpp"

namespace manmulsang::reviews {

// Whether an admin's queue filter can be served: page and per_page in range.
inline bool ValidQueueFilter(const ReportQueueFilter& filter) {
  return filter.page >= 1 && filter.page <= catalog::kMaxPage && filter.per_page >= 1 && filter.per_page <= kMaxPerPage;
}

// A page of the admin's queue of reported reviews or questions, read in one transaction: the
// reported items (load reads one by id; a vanished row is left out), their reports, and then their
// products' names in one batched call to the catalog. Item has `reports`, `open_reports` and
// `product_name`; product_of gives an item's product.
template <typename Item, typename Load, typename ProductOf>
ReportQueuePage<Item> ReadReportQueue(db::Database& database, catalog::CatalogService& catalog,
                                      ReportRepository::Subject subject, const ReportQueueFilter& filter, Load load,
                                      ProductOf product_of) {
  ReportQueuePage<Item> page;
  page.page = filter.page;
  page.per_page = filter.per_page;
  database.Read([&](db::Connection& connection) {
    const std::int64_t offset = static_cast<std::int64_t>(filter.page - 1) * filter.per_page;
    const auto rows = ReportRepository::Queue(connection, subject, filter.open_only, filter.per_page, offset);
    page.total = ReportRepository::CountQueue(connection, subject, filter.open_only);
    std::vector<std::int64_t> ids;
    for (const auto& row : rows) ids.push_back(row.id);
    std::map<std::int64_t, std::vector<ReportNote>> notes;
    for (auto& [id, note] : ReportRepository::ReportsOf(connection, subject, ids)) notes[id].push_back(note);
    for (const auto& row : rows) {
      std::optional<Item> item = load(connection, row.id);
      if (!item) continue;
      item->open_reports = row.open_reports;
      item->reports = std::move(notes[row.id]);
      page.items.push_back(std::move(*item));
    }
  });
  std::vector<core::ProductId> products;
  for (const Item& item : page.items) products.push_back(product_of(item));
  std::ranges::sort(products);
  const auto [first, last] = std::ranges::unique(products);
  products.erase(first, last);
  std::map<core::ProductId, std::string> names;
  for (const catalog::Product& product : catalog.ActiveProducts(products)) names[product.id] = product.name;
  for (Item& item : page.items) {
    if (auto found = names.find(product_of(item)); found != names.end()) item.product_name = found->second;
  }
  return page;
}

}  // namespace manmulsang::reviews
