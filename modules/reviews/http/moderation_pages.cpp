// /admin/reports/reviews and /admin/reports/questions: the reported items in context (the
// review's text, rating, author and product; the question and its answer), open reports first,
// with hide (reason required), restore and dismiss forms. No JavaScript; forms carry _csrf.

#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/form.hpp"
#include "moderation_http.hpp"

namespace manmulsang::reviews {

std::string_view ModerationActionName(ModerationAction action) {
  switch (action) {
    case ModerationAction::hide:
      return "hide";
    case ModerationAction::restore:
      return "restore";
    case ModerationAction::dismiss:
      break;
  }
  return "dismiss";
}

std::optional<ReportQueueFilter> ParseReportQueueFilter(const http::Request& request) {
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

std::expected<void, ReviewError> RunModeration(const ReviewsHttp& http, const core::Actor& actor, Subject subject,
                                               std::int64_t id, ModerationAction action, std::string_view reason) {
  if (subject == Subject::review) {
    if (action == ModerationAction::dismiss) return http.services.reviews.DismissReports(actor, ReviewId{id}, reason);
    auto changed = http.services.reviews.SetHidden(actor, ReviewId{id}, action == ModerationAction::hide, reason);
    if (!changed) return std::unexpected(changed.error());
    http.ForgetProductPage(changed->product);  // the rating on the product page changed
    return {};
  }
  if (action == ModerationAction::dismiss) return http.services.questions.DismissReports(actor, QuestionId{id}, reason);
  auto changed = http.services.questions.SetHidden(actor, QuestionId{id}, action == ModerationAction::hide, reason);
  if (!changed) return std::unexpected(changed.error());
  http.ForgetProductPage(changed->product);  // the question count on the product page changed
  return {};
}

namespace {

constexpr http::RouteOptions kAdminForm{.body_limit = 16 * 1024, .role = core::Role::admin, .no_store = true};

html::List ReportRows(const std::vector<ReportNote>& reports) {
  html::List rows;
  for (const ReportNote& report : reports) {
    html::Data row;
    row.set("date", core::LocalDate(report.created_at));
    row.set("reason", report.reason.empty() ? html::Data(false) : html::Data(report.reason));
    row.set("open", report.open);
    rows.push_back(std::move(row));
  }
  return rows;
}

class ModerationPages {
 public:
  explicit ModerationPages(const ReviewsHttp& http) : http_(http) {}

  http::Response Show(http::Request& request, Subject subject) const {
    std::string notice;
    if (auto done = request.Query("done"); done && (*done == "hide" || *done == "restore" || *done == "dismiss")) {
      notice = http_.Text(request, "reviews.moderation.done_" + std::string(*done));
    }
    return Render(request, subject, std::nullopt, notice);
  }

  http::Response Act(http::Request& request, Subject subject, ModerationAction action) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto done = RunModeration(http_, request.context().actor, subject, *id, action, request.form().GetOr("reason"));
    if (!done) {
      if (ProblemOf(done.error()).status == http::Status::not_found) return http_.renderer.NotFound(request);
      return Render(request, subject, done.error(), "");
    }
    return http::Response::Redirect(std::string(Base(subject)) + "?done=" + std::string(ModerationActionName(action)));
  }

  static std::string_view Base(Subject subject) {
    return subject == Subject::review ? "/admin/reports/reviews" : "/admin/reports/questions";
  }

 private:
  http::Response Render(const http::Request& request, Subject subject, std::optional<ReviewError> error,
                        const std::string& notice) const {
    const ReportQueueFilter filter = ParseReportQueueFilter(request).value_or(ReportQueueFilter{});
    html::Data data;
    html::List items;
    std::int64_t total = 0;
    int page_number = 1, per_page = 20;
    if (subject == Subject::review) {
      auto page = http_.services.reviews.ReportQueue(request.context().actor, filter);
      if (!page) return Refused(request, page.error());
      for (const ReportedReview& item : page->items) {
        html::Data row = Common(item.open_reports, item.reports, item.review.product, item.product_name);
        const Review& review = item.review;
        row.set("id", std::to_string(review.id.value));
        row.set("body", review.body);
        row.set("rating", std::to_string(review.rating));
        row.set("author", review.author_name);
        row.set("hidden_reason", review.hidden ? html::Data(review.hidden_reason) : html::Data(false));
        row.set("is_hidden", review.hidden);
        items.push_back(std::move(row));
      }
      total = page->total, page_number = page->page, per_page = page->per_page;
    } else {
      auto page = http_.services.questions.ReportQueue(request.context().actor, filter);
      if (!page) return Refused(request, page.error());
      for (const ReportedQuestion& item : page->items) {
        html::Data row = Common(item.open_reports, item.reports, item.question.product, item.product_name);
        const Question& question = item.question;
        row.set("id", std::to_string(question.id.value));
        row.set("body", question.body);
        row.set("author", question.asker_name);
        row.set("answer", question.answer ? html::Data(*question.answer) : html::Data(false));
        row.set("hidden_reason", question.hidden ? html::Data(question.hidden_reason) : html::Data(false));
        row.set("is_hidden", question.hidden);
        items.push_back(std::move(row));
      }
      total = page->total, page_number = page->page, per_page = page->per_page;
    }
    const std::string kind = subject == Subject::review ? "reviews" : "questions";
    data.set("title", http_.Text(request, "reviews.moderation." + kind + "_title"));
    data.set("heading", http_.Text(request, "reviews.moderation." + kind + "_title"));
    data.set("is_review", subject == Subject::review);
    data.set("base", std::string(Base(subject)));
    data.set("status", filter.open_only ? "open" : "all");
    data.set("open_only", filter.open_only);
    if (!notice.empty()) data.set("notice", notice);
    if (error) data.set("message", http_.Text(request, "reviews.error." + std::string(ErrorCode(*error))));
    data.set("items", std::move(items));
    data.set("empty", total == 0);
    data.set("total", std::to_string(total));
    data.set("max_reason", std::to_string(kMaxModerationReason));
    html::SetPageNumbers(data, page_number, per_page, total);
    const http::Status status = error ? ProblemOf(*error).status : http::Status::ok;
    return http_.renderer.Page(request, "reviews/admin_reports", std::move(data), status);
  }

  static html::Data Common(std::int64_t open_reports, const std::vector<ReportNote>& reports, core::ProductId product,
                           const std::string& product_name) {
    html::Data row;
    row.set("open_reports", std::to_string(open_reports));
    row.set("has_open", open_reports > 0);
    row.set("report_count", std::to_string(reports.size()));
    row.set("reports", ReportRows(reports));
    row.set("product_url", "/p/" + std::to_string(product.value));
    row.set("product_name", product_name.empty() ? "#" + std::to_string(product.value) : product_name);
    return row;
  }

  http::Response Refused(const http::Request& request, ReviewError error) const {
    const http::ApiProblem problem = ProblemOf(error);
    return http_.renderer.ErrorPage(request, problem.status, http_.Text(request, "reviews.error." + problem.code));
  }

  ReviewsHttp http_;
};

}  // namespace

void AddModerationPages(http::Router& router, const ReviewsHttp& http) {
  auto pages = std::make_shared<const ModerationPages>(http);
  for (Subject subject : {Subject::review, Subject::question}) {
    const std::string base(ModerationPages::Base(subject));
    router.Get(
        base, [pages, subject](http::Request& request) { return pages->Show(request, subject); }, kAdminForm);
    for (ModerationAction action : {ModerationAction::hide, ModerationAction::restore, ModerationAction::dismiss}) {
      router.Post(
          base + "/:id/" + std::string(ModerationActionName(action)),
          [pages, subject, action](http::Request& request) { return pages->Act(request, subject, action); },
          kAdminForm);
    }
  }
}

}  // namespace manmulsang::reviews
