#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/ids.hpp"

namespace manmulsang::catalog {

// Why a member reports a listing: 허위/과장, 금지 품목, 저작권, 사기 의심, 기타.
enum class ReportReason { false_claim, prohibited_item, copyright, suspected_fraud, other };

inline constexpr ReportReason kReportReasons[] = {ReportReason::false_claim, ReportReason::prohibited_item,
                                                  ReportReason::copyright, ReportReason::suspected_fraud,
                                                  ReportReason::other};

// As the store, the API and the message keys spell it: "false_claim", "prohibited_item", ...
std::string_view ReportReasonName(ReportReason reason);
std::optional<ReportReason> ParseReportReason(std::string_view name);

inline constexpr std::size_t kMaxReportDetails = 500;  // code points, after trimming
inline constexpr std::size_t kMaxModerationReason = 500;

enum class ModerationError {
  not_signed_in,       // 401: reporting needs a member
  forbidden,           // 403: an admin's move by someone else
  listing_not_found,   // 404: unknown, deleted, an option, or (to report) not shown
  own_listing,         // 400: a seller does not report their own listing
  already_reported,    // 409: this member reported this listing before
  invalid_reason,      // 400 (field "reason"): not one of the reasons, or a blank admin reason
  invalid_details,     // 400 (field "details"): too long, control characters or bad UTF-8
  no_open_reports,     // 409: nothing to dismiss
  already_taken_down,  // 409
  not_taken_down,      // 409: nothing to restore
  invalid_query,       // 400: page or per_page out of range
};

// "already_reported"; the words people read are the catalogs' catalog.moderation.error.<code>.
std::string_view ErrorCode(ModerationError error);

struct ListingReportInput {
  std::string reason;  // a ReportReasonName; anything else is invalid_reason
  std::string details;
};

enum class ReportStatus { open, dismissed, taken_down };
std::string_view ReportStatusName(ReportStatus status);

struct ListingReport {
  std::int64_t id = 0;
  core::ProductId product;
  core::UserId reporter;
  ReportReason reason = ReportReason::other;
  std::string details;
  ReportStatus status = ReportStatus::open;
  core::TimePoint created_at;
};

// An admin's take-down of a listing, as its seller and the admin read it.
struct TakeDown {
  std::string reason;
  core::UserId admin;
  core::TimePoint taken_down_at;
};

struct ReasonCount {
  ReportReason reason = ReportReason::other;
  std::int64_t count = 0;
};

// One listing in the admin's queue: the listing in context (any status, with its shop's name and
// pictures), its reports newest first, how many are open, per reason, and its take-down if any.
struct ReportedListing {
  Product product;
  std::int64_t open_reports = 0;
  std::int64_t reporters = 0;        // every report ever made: one per member
  std::vector<ReasonCount> reasons;  // of the open reports (of all when none is open)
  std::vector<ListingReport> reports;
  std::optional<TakeDown> take_down;
  core::TimePoint last_reported_at;
};

struct ReportQueueFilter {
  bool open_only = false;  // false: listings with open reports first, then the rest
  int page = 1;
  int per_page = 20;  // 1..kMaxPerPage
};

struct ReportQueuePage {
  std::vector<ReportedListing> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

}  // namespace manmulsang::catalog
