// /p/<id>/reviews: a product's reviews with sort links and pages, the form to write one, and
// the reply, report and hide forms for whoever may use them. No JavaScript; forms carry _csrf.
// The service checks every rule again on submit: the forms shown are only a convenience.

#include <algorithm>
#include <cstdio>

#include "manmulsang/http/form.hpp"
#include "manmulsang/media/image_upload.hpp"
#include "reviews_http.hpp"

namespace manmulsang::reviews {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 16 * 1024, .no_store = true};
// The page shows the reader's own form and the admin's controls: no cache keeps it.
constexpr http::RouteOptions kPerReader{.no_store = true};
constexpr http::RouteOptions kAdminForm{.body_limit = 16 * 1024, .role = core::Role::admin, .no_store = true};

std::string Stars(int rating) {
  std::string stars;
  for (int index = 1; index <= 5; ++index) stars += index <= rating ? "★" : "☆";
  return stars;
}

std::string OneDecimal(double value) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

class ReviewPages {
 public:
  explicit ReviewPages(const ReviewsHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    return Render(request, {}, http::Status::ok,
                  request.Query("written")   ? "reviews.written"
                  : request.Query("helpful") ? "reviews.marked_helpful"
                                             : "");
  }

  http::Response Write(http::Request& request) const {
    auto product = http::ParsePositiveId(request.PathParam("id"));
    if (!product) return http_.renderer.NotFound(request);
    const std::string back = "/p/" + std::to_string(*product) + "/reviews";
    if (!request.context().actor.signed_in()) return http::SignInRedirect(back);
    const http::Form& form = request.form();
    NewReview review{core::ProductId{*product}, std::nullopt, ParseRating(form.GetOr("rating")),
                     std::string(form.GetOr("body"))};
    // The review is checked first, so a refused one leaves no photo behind; then the photos' files
    // are stored before the review's row names them (a refused picture refuses the review).
    if (auto allowed = http_.services.reviews.CanWrite(request.context().actor, review); !allowed) {
      if (allowed.error() == ReviewError::product_not_found) return http_.renderer.NotFound(request);
      const http::ApiProblem problem = ProblemOf(allowed.error());
      return Render(request, http_.Text(request, "reviews.error." + problem.code), problem.status, "",
                    std::string(form.GetOr("body")));
    }
    auto stored = media::StoreOptionalUploadedImages(request, "photos", kMaxReviewPhotos, http_.services.media);
    if (!stored) {
      return Render(request, http_.Text(request, media::UploadMessageKey(stored.error().code)), stored.error().status,
                    "", std::string(form.GetOr("body")));
    }
    for (const media::StoredImage& image : *stored) review.photos.push_back({image.detail_url, image.list_url});
    auto written = http_.services.reviews.Write(request.context().actor, review);
    if (!written) {
      if (written.error() == ReviewError::product_not_found) return http_.renderer.NotFound(request);
      const http::ApiProblem problem = ProblemOf(written.error());
      return Render(request, http_.Text(request, "reviews.error." + problem.code), problem.status, "",
                    std::string(form.GetOr("body")));
    }
    http_.ForgetProductPage(written->product);
    return http::Response::Redirect(back + "?written=1");
  }

  http::Response Reply(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.Header("Referer"));
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto replied = http_.services.reviews.Reply(request.context().actor, ReviewId{*id}, request.form().GetOr("body"));
    return After(request, replied, "");
  }

  // The author adds photos to a review already written.
  http::Response AddPhotos(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.Header("Referer"));
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto free_slots = http_.services.reviews.FreePhotoSlots(request.context().actor, ReviewId{*id});
    if (!free_slots) return After(request, std::unexpected(free_slots.error()), "");
    if (*free_slots == 0) return After(request, std::unexpected(ReviewError::too_many_photos), "");
    auto stored = media::StoreUploadedImages(request, "photos", *free_slots, http_.services.media);
    if (!stored) {
      return http_.renderer.ErrorPage(request, stored.error().status,
                                      http_.Text(request, media::UploadMessageKey(stored.error().code)));
    }
    std::vector<ReviewPhoto> photos;
    for (const media::StoredImage& image : *stored) photos.push_back({image.detail_url, image.list_url});
    return After(request, http_.services.reviews.AddPhotos(request.context().actor, ReviewId{*id}, photos), "");
  }

  http::Response Report(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.Header("Referer"));
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto reported =
        http_.services.reviews.Report(request.context().actor, ReviewId{*id}, request.form().GetOr("reason"));
    return After(request, reported, "?reported=1");
  }

  // 도움돼요: once per member (a second press changes nothing and comes back as the first did),
  // never one's own review. Back to the page it was pressed on: the product page or the list.
  http::Response MarkHelpful(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.Header("Referer"));
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto marked = http_.services.reviews.MarkHelpful(request.context().actor, ReviewId{*id});
    if (!marked && marked.error() == ReviewError::already_marked) {
      marked = http_.services.reviews.VisibleReview(ReviewId{*id});
    }
    if (!marked) return After(request, marked, "");
    http_.ForgetProductPage(marked->product);
    const std::string product_page = "/p/" + std::to_string(marked->product.value);
    const std::string_view back = request.form().GetOr("back");
    if (back == product_page || back == product_page + "?reviews=helpful") {
      return http::Response::Redirect(std::string(back) + "#review-" + std::to_string(marked->id.value));
    }
    return After(request, marked, "?sort=helpful&helpful=1");
  }

  http::Response Hide(http::Request& request, bool hidden) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.Header("Referer"));
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    auto changed = http_.services.reviews.SetHidden(request.context().actor, ReviewId{*id}, hidden,
                                                    request.form().GetOr("reason"));
    if (changed) http_.ForgetProductPage(changed->product);
    return After(request, changed, "");
  }

 private:
  // Back to the product's reviews, or the error page with the refusal in the visitor's language.
  http::Response After(const http::Request& request, const std::expected<Review, ReviewError>& result,
                       std::string_view query) const {
    if (!result) {
      if (ProblemOf(result.error()).status == http::Status::not_found) return http_.renderer.NotFound(request);
      const http::ApiProblem problem = ProblemOf(result.error());
      return http_.renderer.ErrorPage(request, problem.status, http_.Text(request, "reviews.error." + problem.code));
    }
    http_.ForgetProductPage(result->product);
    return http::Response::Redirect("/p/" + std::to_string(result->product.value) + "/reviews" + std::string(query) +
                                    "#review-" + std::to_string(result->id.value));
  }

  http::Response Render(const http::Request& request, std::string message, http::Status status,
                        std::string_view notice_key, std::string typed_body = {}) const {
    auto product = http::ParsePositiveId(request.PathParam("id"));
    if (!product) return http_.renderer.NotFound(request);
    ReviewSort sort = ParseReviewSort(request.Query("sort").value_or("newest")).value_or(ReviewSort::newest);
    auto page = http::ParseListPage(request).value_or(http::ListPage{});
    auto reviews = http_.services.reviews.ForProduct(core::ProductId{*product}, sort, page.page, page.per_page);
    if (!reviews) return http_.renderer.NotFound(request);
    const core::Actor& actor = request.context().actor;
    const bool owner = http_.services.reviews.OwnsShop(actor, reviews->shop);

    html::Data data;
    const std::string id = std::to_string(*product);
    data.set("title", reviews->product_name + " · " + http_.Text(request, "reviews.reviews_title"));
    data.set("product_id", id);
    data.set("product_name", reviews->product_name);
    if (!notice_key.empty()) data.set("notice", http_.Text(request, notice_key));
    if (!message.empty()) data.set("message", std::move(message));
    data.set("average", OneDecimal(reviews->rating_average));
    data.set("average_stars", Stars(static_cast<int>(reviews->rating_average + 0.5)));
    data.set("count", std::to_string(reviews->rating_count));
    html::List sorts;
    for (ReviewSort each : {ReviewSort::newest, ReviewSort::helpful, ReviewSort::highest, ReviewSort::lowest}) {
      html::Data link;
      link.set("name", std::string(ReviewSortName(each)));
      link.set("label", http_.Text(request, "reviews.sort_" + std::string(ReviewSortName(each))));
      link.set("current", html::Data(each == sort));
      sorts.push_back(link);
    }
    data.set("sorts", sorts);
    std::vector<ReviewId> shown;
    for (const Review& review : reviews->items) shown.push_back(review.id);
    const std::vector<ReviewId> marked = http_.services.reviews.MarkedHelpful(actor, shown);
    html::List items;
    for (const Review& review : reviews->items) {
      html::Data row;
      row.set("id", std::to_string(review.id.value));
      row.set("rating", std::to_string(review.rating));
      row.set("stars", Stars(review.rating));
      row.set("author", review.author_name);
      row.set("date", core::LocalDate(review.created_at));
      row.set("body", review.body);
      html::List photos;
      for (const ReviewPhoto& photo : review.photos) {
        html::Data item;
        item.set("url", photo.url);
        item.set("thumbnail_url", photo.thumbnail_url);
        photos.push_back(item);
      }
      row.set("has_photos", html::Data(!review.photos.empty()));
      row.set("photos", photos);
      row.set("can_add_photos",
              html::Data(actor.signed_in() && actor.user == review.author && review.photos.size() < kMaxReviewPhotos));
      if (review.reply) row.set("reply", *review.reply);
      row.set("can_reply", html::Data(owner));
      row.set("can_report", html::Data(actor.signed_in() && actor.user != review.author));
      // Visitors see the button too: pressing it signs them in first.
      row.set("helpful_count", std::to_string(review.helpful_count));
      row.set("can_mark_helpful",
              html::Data(actor.user != review.author && std::ranges::find(marked, review.id) == marked.end()));
      row.set("marked_helpful", html::Data(std::ranges::find(marked, review.id) != marked.end()));
      row.set("can_hide", html::Data(actor.is(core::Role::admin)));
      items.push_back(row);
    }
    data.set("reviews", items);
    // The signed-in author's own hidden reviews, with the admin's reason: why they are not listed.
    html::List hidden_mine;
    for (const Review& review : http_.services.reviews.HiddenOf(request.context().actor, core::ProductId{*product})) {
      html::Data row;
      row.set("body", review.body);
      row.set("reason", review.hidden_reason);
      hidden_mine.push_back(std::move(row));
    }
    data.set("has_hidden_mine", html::Data(!hidden_mine.empty()));
    data.set("hidden_mine", std::move(hidden_mine));
    data.set("empty", html::Data(reviews->items.empty()));
    const std::string sort_query = "sort=" + std::string(ReviewSortName(sort));
    if (reviews->page > 1) data.set("previous_page", sort_query + "&page=" + std::to_string(reviews->page - 1));
    if (static_cast<std::int64_t>(reviews->page) * reviews->per_page < reviews->total) {
      data.set("next_page", sort_query + "&page=" + std::to_string(reviews->page + 1));
    }
    data.set("typed_body", std::move(typed_body));
    data.set("max_body", std::to_string(kMaxReviewBody));
    data.set("max_reply", std::to_string(kMaxReply));
    data.set("max_photos", std::to_string(kMaxReviewPhotos));
    return http_.renderer.Page(request, "reviews/reviews", std::move(data), status);
  }

  ReviewsHttp http_;
};

}  // namespace

void AddReviewPages(http::Router& router, const ReviewsHttp& http) {
  auto pages = std::make_shared<const ReviewPages>(http);
  router.Get(
      "/p/:id/reviews", [pages](http::Request& request) { return pages->Show(request); }, kPerReader);
  router.Post(
      "/p/:id/reviews", [pages](http::Request& request) { return pages->Write(request); }, kPhotoFormRoute);
  router.Post(
      "/reviews/:id/photos", [pages](http::Request& request) { return pages->AddPhotos(request); }, kPhotoFormRoute);
  router.Post(
      "/reviews/:id/reply", [pages](http::Request& request) { return pages->Reply(request); }, kFormBody);
  router.Post(
      "/reviews/:id/report", [pages](http::Request& request) { return pages->Report(request); }, kFormBody);
  router.Post(
      "/reviews/:id/helpful", [pages](http::Request& request) { return pages->MarkHelpful(request); }, kFormBody);
  router.Post(
      "/admin/reviews/:id/hide", [pages](http::Request& request) { return pages->Hide(request, true); }, kAdminForm);
  router.Post(
      "/admin/reviews/:id/unhide", [pages](http::Request& request) { return pages->Hide(request, false); }, kAdminForm);
}

}  // namespace manmulsang::reviews
