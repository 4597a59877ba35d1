#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "catalog_service_impl.hpp"
#include "listing_report_repository.hpp"
#include "listing_repository.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/typed_text.hpp"
#include "manmulsang/text/utf8.hpp"
#include "product_repository.hpp"
#include "product_rows.hpp"

namespace manmulsang::catalog {
namespace {

std::unexpected<ModerationError> Refuse(ModerationError error) { return std::unexpected(error); }

// A listing an admin may act on: a listing row (not an option) that its seller has not deleted.
bool Moderatable(const std::optional<Product>& product) {
  return product && !product->parent && product->status != ProductStatus::deleted;
}

}  // namespace

std::string_view ReportReasonName(ReportReason reason) {
  switch (reason) {
    case ReportReason::false_claim:
      return "false_claim";
    case ReportReason::prohibited_item:
      return "prohibited_item";
    case ReportReason::copyright:
      return "copyright";
    case ReportReason::suspected_fraud:
      return "suspected_fraud";
    case ReportReason::other:
      break;
  }
  return "other";
}

std::optional<ReportReason> ParseReportReason(std::string_view name) {
  for (ReportReason reason : kReportReasons) {
    if (ReportReasonName(reason) == name) return reason;
  }
  return std::nullopt;
}

std::string_view ReportStatusName(ReportStatus status) {
  switch (status) {
    case ReportStatus::dismissed:
      return "dismissed";
    case ReportStatus::taken_down:
      return "taken_down";
    case ReportStatus::open:
      break;
  }
  return "open";
}

std::string_view ErrorCode(ModerationError error) {
  switch (error) {
    case ModerationError::not_signed_in:
      return "unauthenticated";
    case ModerationError::forbidden:
      return "forbidden";
    case ModerationError::listing_not_found:
      return "listing_not_found";
    case ModerationError::own_listing:
      return "own_listing";
    case ModerationError::already_reported:
      return "already_reported";
    case ModerationError::invalid_reason:
      return "invalid_reason";
    case ModerationError::invalid_details:
      return "invalid_details";
    case ModerationError::no_open_reports:
      return "no_open_reports";
    case ModerationError::already_taken_down:
      return "already_taken_down";
    case ModerationError::not_taken_down:
      return "not_taken_down";
    case ModerationError::invalid_query:
      break;
  }
  return "invalid_query";
}

std::expected<void, ModerationError> CatalogService::ReportListing(const core::Actor& actor, core::ProductId id,
                                                                   const ListingReportInput& input) {
  if (!actor.signed_in()) return Refuse(ModerationError::not_signed_in);
  const std::optional<ReportReason> reason = ParseReportReason(input.reason);
  if (!reason) return Refuse(ModerationError::invalid_reason);
  const std::optional<std::string> details =
      text::CleanTypedText(input.details, {.minimum = 0, .maximum = kMaxReportDetails, .multiline = true});
  if (!details) return Refuse(ModerationError::invalid_details);
  if (!id) return Refuse(ModerationError::listing_not_found);
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, ModerationError> {
    std::optional<Product> listing = ProductRepository::Find(connection, id);
    // An option's page is its listing's: a report of an option is one of the listing.
    if (listing && listing->parent) listing = ProductRepository::Find(connection, *listing->parent);
    if (!listing || listing->status != ProductStatus::active) return Refuse(ModerationError::listing_not_found);
    if (impl_->sellers.OwnShop(actor, listing->seller)) return Refuse(ModerationError::own_listing);
    if (!ListingReportRepository::Insert(connection, listing->id, *actor.user, *reason, *details, now)) {
      return Refuse(ModerationError::already_reported);
    }
    return {};
  });
}

std::expected<Product, ModerationError> CatalogService::TakeDownListing(const core::Actor& actor, core::ProductId id,
                                                                        std::string_view reason) {
  if (!actor.is(core::Role::admin)) return Refuse(ModerationError::forbidden);
  const std::optional<std::string> cleaned =
      text::CleanTypedText(reason, {.minimum = 1, .maximum = kMaxModerationReason, .multiline = true});
  if (!cleaned) return Refuse(ModerationError::invalid_reason);
  if (!id) return Refuse(ModerationError::listing_not_found);
  const core::TimePoint now = impl_->clock.Now();
  auto taken = impl_->database.Write([&](db::Connection& connection) -> std::expected<Product, ModerationError> {
    std::optional<Product> listing = ProductRepository::Find(connection, id);
    if (!Moderatable(listing)) return Refuse(ModerationError::listing_not_found);
    // Insert-first: of two admins at once, one takes it down and the other is told so.
    if (!ListingReportRepository::InsertTakeDown(connection, id, *cleaned, *actor.user, listing->status,
                                                 core::ToUnixSeconds(now))) {
      return Refuse(ModerationError::already_taken_down);
    }
    ListingRepository::SetStatus(connection, id, ProductStatus::hidden, core::ToUnixSeconds(now));
    const std::int64_t closed = ListingReportRepository::Resolve(connection, id, ReportStatus::taken_down, *actor.user,
                                                                 core::ToUnixSeconds(now));
    impl_->Reindex(connection, id);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{*actor.user, "product.take_down", "product", std::to_string(id.value),
                                      std::string(ProductStatusName(listing->status)),
                                      "taken_down (" + std::to_string(closed) + " reports closed)", *cleaned});
    // The shop's owner hears of it; the listing's page in the seller's pages gives the reason.
    if (const auto shop = impl_->sellers.GetShop(listing->seller)) {
      notifications::RecordIn(connection, now,
                              {shop->owner, notifications::Kind::listing_hidden, listing->name,
                               "/seller/products/" + std::to_string(id.value) + "/edit"});
    }
    listing->variants = ListingRepository::Variants(connection, id);
    return std::move(*listing);
  });
  if (taken) ForgetListingCounts();
  return taken;
}

std::expected<Product, ModerationError> CatalogService::RestoreListing(const core::Actor& actor, core::ProductId id,
                                                                       std::string_view reason) {
  if (!actor.is(core::Role::admin)) return Refuse(ModerationError::forbidden);
  const std::optional<std::string> cleaned =
      text::CleanTypedText(reason, {.minimum = 0, .maximum = kMaxModerationReason, .multiline = true});
  if (!cleaned) return Refuse(ModerationError::invalid_reason);
  if (!id) return Refuse(ModerationError::listing_not_found);
  const core::TimePoint now = impl_->clock.Now();
  auto restored = impl_->database.Write([&](db::Connection& connection) -> std::expected<Product, ModerationError> {
    std::optional<Product> listing = ProductRepository::Find(connection, id);
    if (!listing || listing->parent) return Refuse(ModerationError::listing_not_found);
    // Delete-first: a second restore at once finds nothing to restore.
    const std::optional<ProductStatus> before = ListingReportRepository::DeleteTakeDown(connection, id);
    if (!before) return Refuse(ModerationError::not_taken_down);
    // A listing its seller deleted meanwhile stays deleted; one its shop's suspension holds stays
    // hidden until the suspension ends (which shows it then).
    ProductStatus status = listing->status == ProductStatus::deleted ? ProductStatus::deleted : *before;
    if (status == ProductStatus::active) {
      // Read in this transaction: a suspension that lands first holds the listing.
      const std::array<core::SellerId, 1> shop{listing->seller};
      const std::vector<sellers::Shop> shops = impl_->sellers.FindShopsIn(connection, shop);
      if (!shops.empty() && shops.front().status == sellers::ShopStatus::suspended) {
        ListingReportRepository::HoldForSuspension(connection, id, listing->seller);
        status = ProductStatus::hidden;
      }
    }
    ListingRepository::SetStatus(connection, id, status, core::ToUnixSeconds(now));
    impl_->Reindex(connection, id);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{*actor.user, "product.restore", "product", std::to_string(id.value), "taken_down",
                                      std::string(ProductStatusName(status)), *cleaned});
    listing->status = status;
    listing->variants = ListingRepository::Variants(connection, id);
    return std::move(*listing);
  });
  if (restored) ForgetListingCounts();
  return restored;
}

std::expected<void, ModerationError> CatalogService::DismissListingReports(const core::Actor& actor, core::ProductId id,
                                                                           std::string_view reason) {
  if (!actor.is(core::Role::admin)) return Refuse(ModerationError::forbidden);
  const std::optional<std::string> cleaned =
      text::CleanTypedText(reason, {.minimum = 0, .maximum = kMaxModerationReason, .multiline = true});
  if (!cleaned) return Refuse(ModerationError::invalid_reason);
  if (!id) return Refuse(ModerationError::listing_not_found);
  const core::TimePoint now = impl_->clock.Now();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, ModerationError> {
    if (!ProductRepository::Find(connection, id)) return Refuse(ModerationError::listing_not_found);
    // Conditional: of two admins dismissing at once, the second finds no open report.
    const std::int64_t closed = ListingReportRepository::Resolve(connection, id, ReportStatus::dismissed, *actor.user,
                                                                 core::ToUnixSeconds(now));
    if (closed == 0) return Refuse(ModerationError::no_open_reports);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{*actor.user, "report.dismiss", "product", std::to_string(id.value),
                                      std::to_string(closed) + " open reports", "dismissed", *cleaned});
    return {};
  });
}

std::expected<ReportQueuePage, ModerationError> CatalogService::ListingReportQueue(const core::Actor& actor,
                                                                                   const ReportQueueFilter& filter) {
  if (!actor.is(core::Role::admin)) return Refuse(ModerationError::forbidden);
  if (filter.page < 1 || filter.page > kMaxPage || filter.per_page < 1 || filter.per_page > kMaxPerPage) {
    return Refuse(ModerationError::invalid_query);
  }
  ReportQueuePage page;
  page.page = filter.page;
  page.per_page = filter.per_page;
  std::vector<Product> products;
  impl_->database.Read([&](db::Connection& connection) {
    const std::int64_t offset = static_cast<std::int64_t>(filter.page - 1) * filter.per_page;
    const auto rows = ListingReportRepository::Queue(connection, filter.open_only, filter.per_page, offset);
    page.total = ListingReportRepository::CountQueue(connection, filter.open_only);
    std::vector<core::ProductId> ids;
    for (const auto& row : rows) ids.push_back(row.product);
    std::vector<ListingReport> reports = ListingReportRepository::ReportsOf(connection, ids);
    std::map<core::ProductId, TakeDown> take_downs = ListingReportRepository::TakeDownsOf(connection, ids);
    std::vector<core::ProductId> sorted = ids;
    std::ranges::sort(sorted);
    std::map<core::ProductId, Product> by_id;
    for (Product& product : ProductsByIds(connection, " WHERE id IN (", sorted)) {
      by_id.emplace(product.id, std::move(product));
    }
    for (const auto& row : rows) {
      auto found = by_id.find(row.product);
      if (found == by_id.end()) continue;
      ReportedListing item;
      item.product = found->second;
      item.open_reports = row.open_reports;
      item.reporters = row.reporters;
      item.last_reported_at = core::FromUnixSeconds(row.last_reported_at);
      std::map<ReportReason, std::int64_t> reasons;
      for (const ListingReport& report : reports) {
        if (report.product != row.product) continue;
        if (row.open_reports == 0 || report.status == ReportStatus::open) ++reasons[report.reason];
        item.reports.push_back(report);
      }
      for (const auto& [reason, count] : reasons) item.reasons.push_back({reason, count});
      if (auto take_down = take_downs.find(row.product); take_down != take_downs.end()) {
        item.take_down = take_down->second;
      }
      page.items.push_back(std::move(item));
    }
  });
  for (ReportedListing& item : page.items) products.push_back(item.product);
  impl_->Hydrate(products);
  for (std::size_t index = 0; index < products.size(); ++index) page.items[index].product = std::move(products[index]);
  return page;
}

std::int64_t CatalogService::CountOpenReports() {
  return impl_->database.Read(
      [](db::Connection& connection) { return ListingReportRepository::CountListingsWithOpenReports(connection); });
}

}  // namespace manmulsang::catalog
