#pragma once

#include <boost/json/object.hpp>

#include "listing_http.hpp"
#include "manmulsang/catalog/listing_reports.hpp"
#include "manmulsang/http/api_problem.hpp"

// Listing reports and the admin's take-down queue; private to catalog/http.
namespace manmulsang::catalog {

// Status, code and field of a moderation refusal; its words are catalog.moderation.error.<code>.
http::ApiProblem ProblemOf(ModerationError error);

// One queue entry as the admin API answers it: the listing in context (name, photo, shop, price,
// link, status), its reports, their count per reason and its take-down.
boost::json::object ReportedListingJson(const ReportedListing& item, CatalogService& catalog, core::Locale locale);

// The queue filter from ?status=open|all, ?page=, ?per_page=; nullopt for a bad value.
std::optional<ReportQueueFilter> ParseQueueFilter(const http::Request& request);

// JSON: POST /api/v1/products/:id/reports {"reason", "details"} (a signed-in member, once),
// GET /api/v1/admin/reports/listings, POST /api/v1/admin/reports/listings/:id/take-down
// {"reason"} (required), /restore and /dismiss ({"reason"} optional).
void AddListingReportApi(http::Router& router, const ListingHttp& http);
// HTML: GET+POST /p/:id/report (the member's form; a visitor signs in first),
// GET /admin/reports/listings (?status=open), POST /admin/reports/listings/:id/take-down,
// /restore and /dismiss.
void AddListingReportPages(http::Router& router, const ListingHttp& http);

}  // namespace manmulsang::catalog
