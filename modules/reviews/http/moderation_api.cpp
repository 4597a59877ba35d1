// The admin's report queues of reviews and questions as JSON, and their actions: hide (reason
// required), restore, dismiss. The services decide every rule; these parse, call and answer.

#include <boost/json/array.hpp>

#include "manmulsang/http/json_fields.hpp"
#include "moderation_http.hpp"

namespace manmulsang::reviews {
namespace {

constexpr http::RouteOptions kAdminBody{
    .body_limit = 16 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};
constexpr http::RouteOptions kAdminRead{.role = core::Role::admin, .no_store = true};

boost::json::array ReportsJson(const std::vector<ReportNote>& reports) {
  boost::json::array items;
  for (const ReportNote& report : reports) {
    items.push_back(boost::json::object{{"reporter_id", report.reporter.value},
                                        {"reason", report.reason},
                                        {"status", report.open ? "open" : "closed"},
                                        {"created_at", core::FormatIso8601(report.created_at)}});
  }
  return items;
}

boost::json::object ReviewItemJson(const ReportedReview& item) {
  const Review& review = item.review;
  return {
      {"review",
       boost::json::object{{"id", review.id.value},
                           {"product_id", review.product.value},
                           {"product_name", item.product_name},
                           {"product_url", "/p/" + std::to_string(review.product.value)},
                           {"author", boost::json::object{{"id", review.author.value}, {"name", review.author_name}}},
                           {"rating", review.rating},
                           {"body", review.body},
                           {"hidden", review.hidden},
                           {"hidden_reason", review.hidden_reason},
                           {"created_at", core::FormatIso8601(review.created_at)}}},
      {"open_reports", item.open_reports},
      {"reports", ReportsJson(item.reports)}};
}

boost::json::object QuestionItemJson(const ReportedQuestion& item) {
  const Question& question = item.question;
  boost::json::value answer = nullptr;
  if (question.answer) answer = boost::json::value(*question.answer);
  return {{"question", boost::json::object{{"id", question.id.value},
                                           {"product_id", question.product.value},
                                           {"product_name", item.product_name},
                                           {"product_url", "/p/" + std::to_string(question.product.value)},
                                           {"asker", boost::json::object{{"id", question.asker.value},
                                                                         {"name", question.asker_name}}},
                                           {"body", question.body},
                                           {"private", question.is_private},
                                           {"answer", std::move(answer)},
                                           {"hidden", question.hidden},
                                           {"hidden_reason", question.hidden_reason},
                                           {"created_at", core::FormatIso8601(question.created_at)}}},
          {"open_reports", item.open_reports},
          {"reports", ReportsJson(item.reports)}};
}

template <typename Page, typename ToJson>
http::Response PageResponse(const Page& page, ToJson to_json) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(to_json(item));
  return http::Response::Json(boost::json::object{
      {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"per_page", page.per_page}});
}

// The optional "reason" of an action's JSON body; an empty body has none.
std::expected<std::string, http::ApiProblem> Reason(const http::Request& request) {
  if (request.body().empty()) return std::string{};
  auto body = http::ParseJsonObject(request);
  if (!body) return std::unexpected(body.error());
  auto reason = http::OptionalStringField(*body, "reason", {"invalid_reason"});
  if (!reason) return std::unexpected(reason.error());
  return std::string(reason->value_or(""));
}

http::Response Queue(const ReviewsHttp& http, http::Request& request, Subject subject) {
  auto filter = ParseReportQueueFilter(request);
  if (!filter) return http.Error(request, ReviewError::invalid_query);
  if (subject == Subject::review) {
    auto page = http.services.reviews.ReportQueue(request.context().actor, *filter);
    if (!page) return http.Error(request, page.error());
    return PageResponse(*page, ReviewItemJson);
  }
  auto page = http.services.questions.ReportQueue(request.context().actor, *filter);
  if (!page) return http.Error(request, page.error());
  return PageResponse(*page, QuestionItemJson);
}

http::Response Act(const ReviewsHttp& http, http::Request& request, Subject subject, ModerationAction action) {
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) {
    return http.Error(request,
                      subject == Subject::review ? ReviewError::review_not_found : ReviewError::question_not_found);
  }
  auto reason = Reason(request);
  if (!reason) return http.Error(request, reason.error());
  auto done = RunModeration(http, request.context().actor, subject, *id, action, *reason);
  if (!done) return http.Error(request, done.error());
  return http::Response::Json(boost::json::object{
      {"id", *id}, {"hidden", action == ModerationAction::hide}, {"action", ModerationActionName(action)}});
}

void AddActions(http::Router& router, const ReviewsHttp& http, Subject subject, std::string_view base) {
  for (ModerationAction action : {ModerationAction::hide, ModerationAction::restore, ModerationAction::dismiss}) {
    router.Post(
        std::string(base) + "/:id/" + std::string(ModerationActionName(action)),
        [http, subject, action](http::Request& request) { return Act(http, request, subject, action); }, kAdminBody);
  }
}

}  // namespace

void AddModerationApi(http::Router& router, const ReviewsHttp& http) {
  router.Get(
      "/api/v1/admin/reports/reviews", [http](http::Request& request) { return Queue(http, request, Subject::review); },
      kAdminRead);
  router.Get(
      "/api/v1/admin/reports/questions",
      [http](http::Request& request) { return Queue(http, request, Subject::question); }, kAdminRead);
  AddActions(router, http, Subject::review, "/api/v1/admin/reports/reviews");
  AddActions(router, http, Subject::question, "/api/v1/admin/reports/questions");
}

}  // namespace manmulsang::reviews
