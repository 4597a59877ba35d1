// /p/<id>/questions: a product's questions and answers, the form to ask (publicly or
// privately), and the answer form for the shop's owner. No JavaScript; forms carry _csrf.

#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/form.hpp"
#include "reviews_http.hpp"

namespace manmulsang::reviews {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 16 * 1024, .no_store = true};
// Private questions show to their asker and the shop only: no cache keeps the page.
constexpr http::RouteOptions kPerReader{.no_store = true};

class QuestionPages {
 public:
  explicit QuestionPages(const ReviewsHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    std::string_view notice = request.Query("asked") ? "reviews.asked" : "";
    if (request.Query("reported")) notice = "reviews.reported";
    return Render(request, {}, http::Status::ok, notice);
  }

  http::Response Ask(http::Request& request) const {
    auto product = http::ParsePositiveId(request.PathParam("id"));
    if (!product) return http_.renderer.NotFound(request);
    const std::string back = "/p/" + std::to_string(*product) + "/questions";
    if (!request.context().actor.signed_in()) return http::SignInRedirect(back);
    const http::Form& form = request.form();
    NewQuestion question{core::ProductId{*product}, std::string(form.GetOr("body")), form.Get("private").has_value()};
    auto asked = http_.services.questions.Ask(request.context().actor, question);
    if (!asked) {
      if (asked.error() == ReviewError::product_not_found) return http_.renderer.NotFound(request);
      return Render(request, ProblemOf(asked.error()), ProblemOf(asked.error()).status, "",
                    std::string(form.GetOr("body")));
    }
    http_.ForgetProductPage(asked->product);  // the product page counts the questions
    return http::Response::Redirect(back + "?asked=1");
  }

  http::Response Answer(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.Header("Referer"));
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto answered =
        http_.services.questions.Answer(request.context().actor, QuestionId{*id}, request.form().GetOr("body"));
    if (!answered) {
      const http::ApiProblem problem = ProblemOf(answered.error());
      if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
      return http_.renderer.ErrorPage(request, problem.status, http_.Text(request, "reviews.error." + problem.code));
    }
    return http::Response::Redirect("/p/" + std::to_string(answered->product.value) + "/questions#question-" +
                                    std::to_string(answered->id.value));
  }

  http::Response Report(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.Header("Referer"));
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto reported =
        http_.services.questions.Report(request.context().actor, QuestionId{*id}, request.form().GetOr("reason"));
    if (!reported) {
      const http::ApiProblem problem = ProblemOf(reported.error());
      if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
      return http_.renderer.ErrorPage(request, problem.status, http_.Text(request, "reviews.error." + problem.code));
    }
    return http::Response::Redirect("/p/" + std::to_string(reported->product.value) + "/questions?reported=1");
  }

 private:
  http::Response Render(const http::Request& request, const http::ApiProblem& problem, http::Status status,
                        std::string_view notice_key, std::string typed_body = {}) const {
    auto product = http::ParsePositiveId(request.PathParam("id"));
    if (!product) return http_.renderer.NotFound(request);
    auto page = http::ParseListPage(request).value_or(http::ListPage{});
    auto questions = http_.services.questions.ForProduct(request.context().actor, core::ProductId{*product}, page.page,
                                                         page.per_page);
    if (!questions) return http_.renderer.NotFound(request);
    html::Data data;
    data.set("title", questions->product_name + " · " + http_.Text(request, "reviews.questions_title"));
    data.set("product_id", std::to_string(*product));
    data.set("product_name", questions->product_name);
    if (!notice_key.empty()) data.set("notice", http_.Text(request, notice_key));
    if (!problem.code.empty()) data.set("message", http_.Text(request, "reviews.error." + problem.code));
    html::List items;
    for (const Question& question : questions->items) {
      html::Data row;
      row.set("id", std::to_string(question.id.value));
      row.set("asker", question.asker_name);
      row.set("date", core::LocalDate(question.created_at));
      row.set("body", question.body);
      row.set("is_private", html::Data(question.is_private));
      if (question.answer) row.set("answer", *question.answer);
      row.set("can_answer", html::Data(questions->viewer_owns_shop && !question.hidden));
      const core::Actor& viewer = request.context().actor;
      row.set("can_report", html::Data(viewer.signed_in() && viewer.user != question.asker && !question.hidden));
      // Only its asker still sees a hidden question, with the admin's reason.
      row.set("hidden_reason", question.hidden ? html::Data(question.hidden_reason) : html::Data(false));
      items.push_back(row);
    }
    data.set("questions", items);
    data.set("empty", html::Data(questions->items.empty()));
    html::SetPageNumbers(data, questions->page, questions->per_page, questions->total);
    data.set("typed_body", std::move(typed_body));
    data.set("max_question", std::to_string(kMaxQuestion));
    data.set("max_reply", std::to_string(kMaxReply));
    return http_.renderer.Page(request, "reviews/questions", std::move(data), status);
  }

  ReviewsHttp http_;
};

}  // namespace

void AddQuestionPages(http::Router& router, const ReviewsHttp& http) {
  auto pages = std::make_shared<const QuestionPages>(http);
  router.Get(
      "/p/:id/questions", [pages](http::Request& request) { return pages->Show(request); }, kPerReader);
  router.Post(
      "/p/:id/questions", [pages](http::Request& request) { return pages->Ask(request); }, kFormBody);
  router.Post(
      "/questions/:id/answer", [pages](http::Request& request) { return pages->Answer(request); }, kFormBody);
  router.Post(
      "/questions/:id/report", [pages](http::Request& request) { return pages->Report(request); }, kFormBody);
}

}  // namespace manmulsang::reviews
