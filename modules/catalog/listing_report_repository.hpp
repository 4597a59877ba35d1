#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/listing_reports.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// All the SQL of listing reports and take-downs (0006_listing_reports.sql).
class ListingReportRepository {
 public:
  // Insert-first: false when the member reported this listing before (nothing changed).
  static bool Insert(db::Connection& connection, core::ProductId product, core::UserId reporter, ReportReason reason,
                     std::string_view details, std::int64_t now);
  // Closes every open report of the listing as status; returns how many it closed.
  static std::int64_t Resolve(db::Connection& connection, core::ProductId product, ReportStatus status,
                              core::UserId admin, std::int64_t now);
  // Listings with at least one open report.
  static std::int64_t CountListingsWithOpenReports(db::Connection& connection);

  struct QueueRow {
    core::ProductId product;
    std::int64_t open_reports = 0;
    std::int64_t reporters = 0;
    std::int64_t last_reported_at = 0;
  };
  // Reported listings, those with open reports first, then the newest report first.
  static std::vector<QueueRow> Queue(db::Connection& connection, bool open_only, std::int64_t limit,
                                     std::int64_t offset);
  static std::int64_t CountQueue(db::Connection& connection, bool open_only);
  // The reports of the listings, newest first.
  static std::vector<ListingReport> ReportsOf(db::Connection& connection, std::span<const core::ProductId> products);

  // Insert-first: false when the listing is taken down already.
  static bool InsertTakeDown(db::Connection& connection, core::ProductId product, std::string_view reason,
                             core::UserId admin, ProductStatus status_before, std::int64_t now);
  // Removes the take-down and returns the status the listing had before it; none when there was none.
  static std::optional<ProductStatus> DeleteTakeDown(db::Connection& connection, core::ProductId product);
  static bool IsTakenDown(db::Connection& connection, core::ProductId product);
  // Names the listing among those its shop's suspension hid (shop_suspended_listings), so that
  // unsuspending the shop shows it.
  static void HoldForSuspension(db::Connection& connection, core::ProductId product, core::SellerId shop);
  static std::map<core::ProductId, TakeDown> TakeDownsOf(db::Connection& connection,
                                                         std::span<const core::ProductId> products);
};

}  // namespace manmulsang::catalog
