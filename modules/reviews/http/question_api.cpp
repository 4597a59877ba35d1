// The product Q&A API: questions of a product, asking, the shop's answer, and the shop's queue.

#include <boost/json/array.hpp>

#include "manmulsang/http/json_fields.hpp"
#include "reviews_http.hpp"

namespace manmulsang::reviews {
namespace {

constexpr http::RouteOptions kTextBody{.body_limit = 16 * 1024, .json_body = true, .no_store = true};
// Private questions make a list depend on who asks: no cache may keep it.
constexpr http::RouteOptions kByAsker{.no_store = true};

boost::json::object QuestionJson(const Question& question) {
  boost::json::object json{{"id", question.id.value},
                           {"product_id", question.product.value},
                           {"body", question.body},
                           {"private", question.is_private},
                           {"asker", boost::json::object{{"name", question.asker_name}}},
                           {"created_at", core::FormatIso8601(question.created_at)},
                           {"answer", nullptr},
                           {"hidden", question.hidden},
                           {"hidden_reason", question.hidden_reason}};
  if (question.answer) {
    json["answer"] = boost::json::object{
        {"body", *question.answer}, {"at", question.answered_at ? core::FormatIso8601(*question.answered_at) : ""}};
  }
  return json;
}

http::Response PageJson(const QuestionPage& page) {
  boost::json::array items;
  for (const Question& question : page.items) items.push_back(QuestionJson(question));
  return http::Response::Json(boost::json::object{
      {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"per_page", page.per_page}});
}

std::expected<std::string_view, http::ApiProblem> BodyText(const boost::json::object& body) {
  const boost::json::value* value = body.if_contains("body");
  if (!value || !value->is_string()) {
    return std::unexpected(http::ApiProblem{http::Status::bad_request, "invalid_text", "body"});
  }
  return std::string_view(value->as_string().data(), value->as_string().size());
}

http::Response List(const ReviewsHttp& http, http::Request& request) {
  auto product = http::ParsePositiveId(request.PathParam("id"));
  if (!product) return http.Error(request, ReviewError::product_not_found);
  auto page = http::ParseListPage(request);
  if (!page) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
  auto questions = http.services.questions.ForProduct(request.context().actor, core::ProductId{*product}, page->page,
                                                      page->per_page);
  if (!questions) return http.Error(request, questions.error());
  return PageJson(*questions);
}

http::Response Ask(const ReviewsHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return *refused;
  auto product = http::ParsePositiveId(request.PathParam("id"));
  if (!product) return http.Error(request, ReviewError::product_not_found);
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto text = BodyText(*body);
  if (!text) return http.Error(request, text.error());
  NewQuestion question{core::ProductId{*product}, std::string(*text), false};
  if (const boost::json::value* is_private = body->if_contains("private"); is_private && !is_private->is_null()) {
    if (!is_private->is_bool())
      return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_input", "private"});
    question.is_private = is_private->as_bool();
  }
  auto asked = http.services.questions.Ask(request.context().actor, question);
  if (!asked) return http.Error(request, asked.error());
  http.ForgetProductPage(asked->product);  // the product page counts the questions
  return http::Response::Json(QuestionJson(*asked), http::Status::created);
}

http::Response Answer(const ReviewsHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return *refused;
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, ReviewError::question_not_found);
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto text = BodyText(*body);
  if (!text) return http.Error(request, text.error());
  auto answered = http.services.questions.Answer(request.context().actor, QuestionId{*id}, *text);
  if (!answered) return http.Error(request, answered.error());
  return http::Response::Json(QuestionJson(*answered));
}

http::Response ShopQueue(const ReviewsHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return *refused;
  std::optional<core::SellerId> shop;
  if (auto text = request.Query("shop_id")) {
    auto id = http::ParsePositiveId(*text);
    if (!id) return http.Error(request, ReviewError::shop_not_found);
    shop = core::SellerId{*id};
  }
  const std::string_view unanswered = request.Query("unanswered").value_or("0");
  if (unanswered != "0" && unanswered != "1") {
    return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_input", "unanswered"});
  }
  auto page = http::ParseListPage(request);
  if (!page) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
  auto questions =
      http.services.questions.ForShop(request.context().actor, shop, unanswered == "1", page->page, page->per_page);
  if (!questions) return http.Error(request, questions.error());
  return PageJson(*questions);
}

// A member reports a question they can see, once; the reason is optional.
http::Response Report(const ReviewsHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return std::move(*refused);
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, ReviewError::question_not_found);
  std::string reason;
  if (!request.body().empty()) {
    auto body = http::ParseJsonObject(request);
    if (!body) return http.Error(request, body.error());
    auto text = http::OptionalStringField(*body, "reason", {"invalid_text"});
    if (!text) return http.Error(request, text.error());
    reason = std::string(text->value_or(""));
  }
  auto reported = http.services.questions.Report(request.context().actor, QuestionId{*id}, reason);
  if (!reported) {
    http::ApiProblem problem = ProblemOf(reported.error());
    if (reported.error() == ReviewError::invalid_text) problem.field = "reason";
    return http.Error(request, problem);
  }
  return http::Response::Json(boost::json::object{{"question_id", reported->id.value}, {"reported", true}},
                              http::Status::created);
}

}  // namespace

void AddQuestionApi(http::Router& router, const ReviewsHttp& http) {
  router.Get(
      "/api/v1/products/:id/questions", [http](http::Request& request) { return List(http, request); }, kByAsker);
  router.Post(
      "/api/v1/products/:id/questions", [http](http::Request& request) { return Ask(http, request); }, kTextBody);
  router.Post(
      "/api/v1/questions/:id/answer", [http](http::Request& request) { return Answer(http, request); }, kTextBody);
  router.Post(
      "/api/v1/questions/:id/report", [http](http::Request& request) { return Report(http, request); }, kTextBody);
  router.Get(
      "/api/v1/seller/questions", [http](http::Request& request) { return ShopQueue(http, request); }, kByAsker);
}

}  // namespace manmulsang::reviews
