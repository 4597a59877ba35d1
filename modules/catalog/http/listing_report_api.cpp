// The moderation API of listings: a member's report, the admin's queue and actions. The service
// decides every rule (who, what, once); these parse, call and answer.

#include <boost/json/array.hpp>

#include "catalog_http.hpp"
#include "listing_report_http.hpp"
#include "manmulsang/html/api_error.hpp"
#include "manmulsang/http/json_fields.hpp"

namespace manmulsang::catalog {
namespace {

constexpr http::RouteOptions kMemberBody{.body_limit = 16 * 1024, .json_body = true, .no_store = true};
constexpr http::RouteOptions kAdminBody{
    .body_limit = 16 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};
constexpr http::RouteOptions kAdminRead{.role = core::Role::admin, .no_store = true};

http::Response Error(const ListingHttp& http, const http::Request& request, const http::ApiProblem& problem) {
  return html::ApiError(http.renderer, request, problem, "catalog.moderation.error." + problem.code);
}

// An optional string field of the JSON body; an empty body reads as no fields.
std::expected<std::string, http::ApiProblem> OptionalText(const http::Request& request, std::string_view name) {
  if (request.body().empty()) return std::string{};
  auto body = http::ParseJsonObject(request);
  if (!body) return std::unexpected(body.error());
  auto text = http::OptionalStringField(*body, name);
  if (!text) return std::unexpected(text.error());
  return std::string(text->value_or(""));
}

http::Response Report(const ListingHttp& http, http::Request& request) {
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return Error(http, request, ProblemOf(ModerationError::listing_not_found));
  if (!request.context().actor.signed_in()) return Error(http, request, ProblemOf(ModerationError::not_signed_in));
  auto body = http::ParseJsonObject(request);
  if (!body) return Error(http, request, body.error());
  auto reason = http::StringField(*body, "reason");
  if (!reason) return Error(http, request, reason.error());
  auto details = http::OptionalStringField(*body, "details");
  if (!details) return Error(http, request, details.error());
  auto reported = http.catalog.ReportListing(request.context().actor, core::ProductId{*id},
                                             {std::string(*reason), std::string(details->value_or(""))});
  if (!reported) return Error(http, request, ProblemOf(reported.error()));
  return http::Response::Json(boost::json::object{{"product_id", *id}, {"reported", true}}, http::Status::created);
}

http::Response Queue(const ListingHttp& http, http::Request& request) {
  auto filter = ParseQueueFilter(request);
  if (!filter) return Error(http, request, ProblemOf(ModerationError::invalid_query));
  auto page = http.catalog.ListingReportQueue(request.context().actor, *filter);
  if (!page) return Error(http, request, ProblemOf(page.error()));
  boost::json::array items;
  for (const ReportedListing& item : page->items) {
    items.push_back(ReportedListingJson(item, http.catalog, request.context().locale));
  }
  return http::Response::Json(boost::json::object{
      {"items", std::move(items)}, {"total", page->total}, {"page", page->page}, {"per_page", page->per_page}});
}

enum class Action { take_down, restore, dismiss };

http::Response Act(const ListingHttp& http, http::Request& request, Action action) {
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return Error(http, request, ProblemOf(ModerationError::listing_not_found));
  auto reason = OptionalText(request, "reason");
  if (!reason) return Error(http, request, reason.error());
  const core::Actor& actor = request.context().actor;
  const core::ProductId product{*id};
  if (action == Action::dismiss) {
    auto dismissed = http.catalog.DismissListingReports(actor, product, *reason);
    if (!dismissed) return Error(http, request, ProblemOf(dismissed.error()));
    return http::Response::Json(boost::json::object{{"product_id", *id}, {"dismissed", true}});
  }
  auto changed = action == Action::take_down ? http.catalog.TakeDownListing(actor, product, *reason)
                                             : http.catalog.RestoreListing(actor, product, *reason);
  if (!changed) return Error(http, request, ProblemOf(changed.error()));
  http.ForgetPages(*changed);
  return http::Response::Json(boost::json::object{{"product_id", *id},
                                                  {"status", ProductStatusName(changed->status)},
                                                  {"taken_down", action == Action::take_down}});
}

}  // namespace

http::ApiProblem ProblemOf(ModerationError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case ModerationError::not_signed_in:
      return {http::Status::unauthorized, code, ""};
    case ModerationError::forbidden:
      return {http::Status::forbidden, code, ""};
    case ModerationError::listing_not_found:
      return {http::Status::not_found, code, ""};
    case ModerationError::already_reported:
    case ModerationError::no_open_reports:
    case ModerationError::already_taken_down:
    case ModerationError::not_taken_down:
      return {http::Status::conflict, code, ""};
    case ModerationError::invalid_reason:
      return {http::Status::bad_request, code, "reason"};
    case ModerationError::invalid_details:
      return {http::Status::bad_request, code, "details"};
    case ModerationError::own_listing:
    case ModerationError::invalid_query:
      break;
  }
  return {http::Status::bad_request, code, ""};
}

boost::json::object ReportedListingJson(const ReportedListing& item, CatalogService& catalog, core::Locale locale) {
  boost::json::object product = ProductJson(item.product, catalog, locale);
  product["status"] = ProductStatusName(item.product.status);
  product["url"] = "/p/" + std::to_string(item.product.id.value);
  boost::json::array reasons;
  for (const ReasonCount& count : item.reasons) {
    reasons.push_back(boost::json::object{{"reason", ReportReasonName(count.reason)}, {"count", count.count}});
  }
  boost::json::array reports;
  for (const ListingReport& report : item.reports) {
    reports.push_back(boost::json::object{{"id", report.id},
                                          {"reporter_id", report.reporter.value},
                                          {"reason", ReportReasonName(report.reason)},
                                          {"details", report.details},
                                          {"status", ReportStatusName(report.status)},
                                          {"created_at", core::FormatIso8601(report.created_at)}});
  }
  boost::json::value take_down = nullptr;
  if (item.take_down) {
    take_down = boost::json::object{{"reason", item.take_down->reason},
                                    {"admin_id", item.take_down->admin.value},
                                    {"at", core::FormatIso8601(item.take_down->taken_down_at)}};
  }
  return {{"product", std::move(product)},
          {"open_reports", item.open_reports},
          {"reporters", item.reporters},
          {"reasons", std::move(reasons)},
          {"reports", std::move(reports)},
          {"take_down", std::move(take_down)},
          {"last_reported_at", core::FormatIso8601(item.last_reported_at)}};
}

std::optional<ReportQueueFilter> ParseQueueFilter(const http::Request& request) {
  ReportQueueFilter filter;
  if (auto status = request.Query("status"); status && !status->empty()) {
    if (*status != "open" && *status != "all") return std::nullopt;
    filter.open_only = *status == "open";
  }
  auto page = http::ParseListPage(request);
  if (!page) return std::nullopt;
  filter.page = page->page;
  filter.per_page = page->per_page;
  return filter;
}

void AddListingReportApi(http::Router& router, const ListingHttp& http) {
  router.Post(
      "/api/v1/products/:id/reports", [http](http::Request& request) { return Report(http, request); }, kMemberBody);
  router.Get(
      "/api/v1/admin/reports/listings", [http](http::Request& request) { return Queue(http, request); }, kAdminRead);
  router.Post(
      "/api/v1/admin/reports/listings/:id/take-down",
      [http](http::Request& request) { return Act(http, request, Action::take_down); }, kAdminBody);
  router.Post(
      "/api/v1/admin/reports/listings/:id/restore",
      [http](http::Request& request) { return Act(http, request, Action::restore); }, kAdminBody);
  router.Post(
      "/api/v1/admin/reports/listings/:id/dismiss",
      [http](http::Request& request) { return Act(http, request, Action::dismiss); }, kAdminBody);
}

}  // namespace manmulsang::catalog
