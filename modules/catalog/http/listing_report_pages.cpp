// The moderation pages of listings: the member's report form (linked from every product page,
// which is cached for visitors, so the form lives on a page of its own) and the admin's queue
// with take-down (reason required), restore and dismiss. No JavaScript; forms carry _csrf.

#include "catalog_http.hpp"
#include "listing_report_http.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/form.hpp"

namespace manmulsang::catalog {
namespace {

constexpr http::RouteOptions kMemberForm{.body_limit = 16 * 1024, .no_store = true};
constexpr http::RouteOptions kAdminForm{.body_limit = 16 * 1024, .role = core::Role::admin, .no_store = true};

class ListingReportPages {
 public:
  explicit ListingReportPages(const ListingHttp& http) : http_(http) {}

  http::Response ShowForm(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/p/" + std::to_string(*id) + "/report");
    return RenderForm(request, core::ProductId{*id}, {}, std::nullopt, request.Query("done").has_value());
  }

  http::Response Report(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    const std::string back = "/p/" + std::to_string(*id) + "/report";
    if (!request.context().actor.signed_in()) return http::SignInRedirect(back);
    const ListingReportInput input{std::string(request.form().GetOr("reason")),
                                   std::string(request.form().GetOr("details"))};
    auto reported = http_.catalog.ReportListing(request.context().actor, core::ProductId{*id}, input);
    if (!reported) return RenderForm(request, core::ProductId{*id}, input, reported.error(), false);
    return http::Response::Redirect(back + "?done=1");
  }

  http::Response Queue(http::Request& request) const {
    std::string notice;
    if (auto done = request.Query("done"); done && (*done == "take_down" || *done == "restore" || *done == "dismiss")) {
      notice = http_.Text(request.context().locale, "catalog.moderation.done_" + std::string(*done));
    }
    return RenderQueue(request, std::nullopt, notice);
  }

  enum class Action { take_down, restore, dismiss };

  http::Response Act(http::Request& request, Action action) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    const core::Actor& actor = request.context().actor;
    const core::ProductId product{*id};
    const std::string_view reason = request.form().GetOr("reason");
    std::optional<ModerationError> refused;
    std::string_view done;
    if (action == Action::dismiss) {
      auto dismissed = http_.catalog.DismissListingReports(actor, product, reason);
      if (!dismissed) refused = dismissed.error();
      done = "dismiss";
    } else {
      auto changed = action == Action::take_down ? http_.catalog.TakeDownListing(actor, product, reason)
                                                 : http_.catalog.RestoreListing(actor, product, reason);
      if (changed) http_.ForgetPages(*changed);
      if (!changed) refused = changed.error();
      done = action == Action::take_down ? "take_down" : "restore";
    }
    if (refused) {
      if (*refused == ModerationError::listing_not_found) return http_.renderer.NotFound(request);
      return RenderQueue(request, refused, "");
    }
    return http::Response::Redirect("/admin/reports/listings?done=" + std::string(done));
  }

 private:
  std::string ErrorText(core::Locale locale, ModerationError error) const {
    return http_.Text(locale, "catalog.moderation.error." + std::string(ErrorCode(error)));
  }

  http::Response RenderForm(const http::Request& request, core::ProductId id, const ListingReportInput& input,
                            std::optional<ModerationError> error, bool done) const {
    auto product = http_.catalog.GetProduct(id);
    if (!product) return http_.renderer.NotFound(request);
    const core::Locale locale = request.context().locale;
    html::Data data;
    data.set("title", http_.Text(locale, "catalog.moderation.report_title"));
    data.set("id", std::to_string(product->id.value));
    data.set("name", product->name);
    data.set("done", done);
    html::List reasons;
    for (ReportReason reason : kReportReasons) {
      html::Data option;
      option.set("value", std::string(ReportReasonName(reason)));
      option.set("label", http_.Text(locale, "catalog.moderation.reason." + std::string(ReportReasonName(reason))));
      option.set("checked", input.reason == ReportReasonName(reason));
      reasons.push_back(std::move(option));
    }
    data.set("reasons", std::move(reasons));
    data.set("details", input.details);
    data.set("max_details", std::to_string(kMaxReportDetails));
    http::Status status = http::Status::ok;
    if (error) {
      data.set("message", ErrorText(locale, *error));
      status = ProblemOf(*error).status;
    }
    return http_.renderer.Page(request, "catalog/listing_report", std::move(data), status);
  }

  http::Response RenderQueue(const http::Request& request, std::optional<ModerationError> error,
                             const std::string& notice) const {
    const core::Locale locale = request.context().locale;
    auto filter = ParseQueueFilter(request).value_or(ReportQueueFilter{});
    auto page = http_.catalog.ListingReportQueue(request.context().actor, filter);
    if (!page)
      return http_.renderer.ErrorPage(request, ProblemOf(page.error()).status, ErrorText(locale, page.error()));
    html::Data data;
    data.set("title", http_.Text(locale, "catalog.moderation.queue_title"));
    if (!notice.empty()) data.set("notice", notice);
    if (error) data.set("message", ErrorText(locale, *error));
    html::List filters;
    for (auto [value, key] :
         {std::pair{"all", "catalog.moderation.filter_all"}, std::pair{"open", "catalog.moderation.filter_open"}}) {
      html::Data tab;
      tab.set("label", http_.Text(locale, key));
      tab.set("url", std::string("/admin/reports/listings?status=") + value);
      tab.set("current", filter.open_only == (std::string_view(value) == "open"));
      filters.push_back(std::move(tab));
    }
    data.set("filters", std::move(filters));
    data.set("status", filter.open_only ? "open" : "all");
    html::List items;
    for (const ReportedListing& item : page->items) {
      const Product& product = item.product;
      html::Data row;
      row.set("id", std::to_string(product.id.value));
      row.set("name", product.name);
      row.set("url", "/p/" + std::to_string(product.id.value));
      row.set("image", product.list_images.empty() ? html::Data(false) : html::Data(product.list_images.front()));
      row.set("shop_name", product.seller_name);
      row.set("price_text", core::FormatMoney(product.price, core::LocaleCode(locale)));
      row.set("status",
              http_.Text(locale, "catalog.moderation.status_" + std::string(ProductStatusName(product.status))));
      row.set("open_reports", std::to_string(item.open_reports));
      row.set("has_open", item.open_reports > 0);
      row.set("reporters", std::to_string(item.reporters));
      html::List reasons;
      for (const ReasonCount& count : item.reasons) {
        html::Data reason;
        reason.set("label",
                   http_.Text(locale, "catalog.moderation.reason." + std::string(ReportReasonName(count.reason))));
        reason.set("count", std::to_string(count.count));
        reasons.push_back(std::move(reason));
      }
      row.set("reasons", std::move(reasons));
      html::List reports;
      for (const ListingReport& report : item.reports) {
        html::Data note;
        note.set("created_on", core::LocalDate(report.created_at));
        note.set("reason",
                 http_.Text(locale, "catalog.moderation.reason." + std::string(ReportReasonName(report.reason))));
        note.set("open", report.status == ReportStatus::open);
        note.set("details", report.details.empty() ? html::Data(false) : html::Data(report.details));
        reports.push_back(std::move(note));
      }
      row.set("reports", std::move(reports));
      row.set("take_down_reason", item.take_down ? html::Data(item.take_down->reason) : html::Data(false));
      items.push_back(std::move(row));
    }
    data.set("items", std::move(items));
    data.set("empty", page->items.empty());
    data.set("total", std::to_string(page->total));
    html::SetPageNumbers(data, page->page, page->per_page, page->total);
    const http::Status status = error ? ProblemOf(*error).status : http::Status::ok;
    return http_.renderer.Page(request, "catalog/admin_listing_reports", std::move(data), status);
  }

  ListingHttp http_;
};

}  // namespace

void AddListingReportPages(http::Router& router, const ListingHttp& http) {
  auto pages = std::make_shared<const ListingReportPages>(http);
  using Action = ListingReportPages::Action;
  router.Get(
      "/p/:id/report", [pages](http::Request& request) { return pages->ShowForm(request); }, kMemberForm);
  router.Post(
      "/p/:id/report", [pages](http::Request& request) { return pages->Report(request); }, kMemberForm);
  router.Get(
      "/admin/reports/listings", [pages](http::Request& request) { return pages->Queue(request); }, kAdminForm);
  router.Post(
      "/admin/reports/listings/:id/take-down",
      [pages](http::Request& request) { return pages->Act(request, Action::take_down); }, kAdminForm);
  router.Post(
      "/admin/reports/listings/:id/restore",
      [pages](http::Request& request) { return pages->Act(request, Action::restore); }, kAdminForm);
  router.Post(
      "/admin/reports/listings/:id/dismiss",
      [pages](http::Request& request) { return pages->Act(request, Action::dismiss); }, kAdminForm);
}

}  // namespace manmulsang::catalog
