// /seller/questions: the shop's unanswered questions, oldest first, each with an answer form,
// and the latest answered ones (their answers can be changed). No JavaScript; forms carry _csrf.
// A refused answer comes back with the typed text and the reason; nothing is written.

#include "manmulsang/core/clock.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/http/request_parameters.hpp"
#include "manmulsang/reviews/review.hpp"
#include "seller_center_http.hpp"

namespace manmulsang::seller_center {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 16 * 1024, .no_store = true};

// A refused answer to show again: which question, what was typed and why it was refused.
struct RefusedAnswer {
  reviews::QuestionId question;
  std::string typed;
  std::string message;
};

class QuestionQueuePage {
 public:
  explicit QuestionQueuePage(const SellerCenterHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    std::string_view notice = request.Query("answered") ? "seller_center.answered" : "";
    return Render(request, notice, std::nullopt, http::Status::ok);
  }

  http::Response Answer(http::Request& request) const {
    if (!request.context().actor.signed_in()) {
      return *http_.RedirectFor(SellerCenterError::unauthenticated, "/seller/questions");
    }
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    const std::string typed(request.form().GetOr("body"));
    auto answered = http_.services.center.Answer(request.context().actor, reviews::QuestionId{*id}, typed);
    if (!answered) {
      if (answered.error() != reviews::ReviewError::invalid_text) return http_.renderer.NotFound(request);
      RefusedAnswer refused{reviews::QuestionId{*id}, typed, http_.Text(request, "seller_center.error.invalid_answer")};
      return Render(request, "", refused, http::Status::bad_request);
    }
    return http::Response::Redirect("/seller/questions?answered=1#question-" + std::to_string(answered->id.value));
  }

 private:
  http::Response Render(http::Request& request, std::string_view notice_key,
                        const std::optional<RefusedAnswer>& refused, http::Status status) const {
    auto shop = RequestedShop(request);
    auto page = http::ParseListPage(request).value_or(http::ListPage{});
    std::expected<QuestionQueue, SellerCenterError> queue =
        shop ? http_.services.center.QuestionsOf(request.context().actor, *shop, page.page, page.per_page)
             : std::unexpected(shop.error());
    if (!queue) {
      if (auto redirect = http_.RedirectFor(queue.error(), request.target())) return *redirect;
      return http_.renderer.NotFound(request);
    }
    html::Data data;
    data.set("title", http_.Text(request, "seller_center.questions_title"));
    data.set("shop_name", queue->shop.name);
    if (!notice_key.empty()) data.set("notice", http_.Text(request, notice_key));
    if (refused) data.set("message", refused->message);
    data.set("unanswered_count", std::to_string(queue->unanswered.total));
    data.set("unanswered", Rows(queue->unanswered.items, *queue, refused));
    data.set("no_unanswered", html::Data(queue->unanswered.items.empty()));
    data.set("answered", Rows(queue->answered, *queue, refused));
    data.set("no_answered", html::Data(queue->answered.empty()));
    const reviews::QuestionPage& unanswered = queue->unanswered;
    html::SetPageNumbers(data, unanswered.page, unanswered.per_page, unanswered.total);
    data.set("max_answer", std::to_string(reviews::kMaxReply));
    return http_.renderer.Page(request, "seller_center/questions", std::move(data), status);
  }

  html::List Rows(const std::vector<reviews::Question>& questions, const QuestionQueue& queue,
                  const std::optional<RefusedAnswer>& refused) const {
    html::List rows;
    for (const reviews::Question& question : questions) {
      html::Data row;
      row.set("id", std::to_string(question.id.value));
      row.set("product_id", std::to_string(question.product.value));
      auto name = queue.product_names.find(question.product);
      if (name != queue.product_names.end() && !name->second.empty()) row.set("product_name", name->second);
      row.set("asker", question.asker_name);
      row.set("date", core::LocalDate(question.created_at));
      row.set("body", question.body);
      row.set("is_private", html::Data(question.is_private));
      if (question.answer) row.set("answer", *question.answer);
      if (refused && refused->question == question.id) {
        row.set("typed", refused->typed);
        row.set("refused", html::Data(true));
      } else {
        row.set("typed", question.answer.value_or(""));
      }
      rows.push_back(row);
    }
    return rows;
  }

  SellerCenterHttp http_;
};

}  // namespace

void AddQuestionQueuePage(http::Router& router, const SellerCenterHttp& http) {
  auto page = std::make_shared<const QuestionQueuePage>(http);
  router.Get(
      "/seller/questions", [page](http::Request& request) { return page->Show(request); }, kShopOnly);
  router.Post(
      "/seller/questions/:id/answer", [page](http::Request& request) { return page->Answer(request); }, kFormBody);
}

}  // namespace manmulsang::seller_center
