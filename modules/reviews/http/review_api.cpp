// The reviews API: a product's reviews, a buyer's review, the shop's reply, reports and the
// admin's hide/unhide. The service decides every rule; these parse, call and render.

#include <boost/json/array.hpp>
#include <utility>

#include "manmulsang/media/image_upload.hpp"
#include "reviews_http.hpp"

namespace manmulsang::reviews {
namespace {

constexpr http::RouteOptions kTextBody{.body_limit = 16 * 1024, .json_body = true};
constexpr http::RouteOptions kAdminBody{.body_limit = 16 * 1024, .role = core::Role::admin, .json_body = true};

boost::json::object ReviewJson(const Review& review) {
  boost::json::object json{{"id", review.id.value},
                           {"product_id", review.product.value},
                           {"rating", review.rating},
                           {"body", review.body},
                           {"author", boost::json::object{{"name", review.author_name}}},
                           {"created_at", core::FormatIso8601(review.created_at)},
                           {"hidden", review.hidden},
                           {"hidden_reason", review.hidden_reason},
                           {"reply", nullptr},
                           {"photos", PhotosJson(review.photos)},
                           {"helpful_count", review.helpful_count}};
  if (review.reply) {
    json["reply"] = boost::json::object{{"body", *review.reply},
                                        {"at", review.replied_at ? core::FormatIso8601(*review.replied_at) : ""}};
  }
  return json;
}

// A JSON string field that may be absent (then fallback); anything but a string is `problem`.
std::expected<std::string_view, http::ApiProblem> OptionalString(const boost::json::object& body, std::string_view name,
                                                                 std::string_view problem, std::string_view field) {
  const boost::json::value* value = body.if_contains(name);
  if (!value || value->is_null()) return std::string_view{};
  if (!value->is_string())
    return std::unexpected(http::ApiProblem{http::Status::bad_request, std::string(problem), std::string(field)});
  return std::string_view(value->as_string().data(), value->as_string().size());
}

http::Response List(const ReviewsHttp& http, http::Request& request) {
  auto product = http::ParsePositiveId(request.PathParam("id"));
  if (!product) return http.Error(request, ReviewError::product_not_found);
  ReviewSort sort = ReviewSort::newest;
  if (auto name = request.Query("sort")) {
    auto parsed = ParseReviewSort(*name);
    if (!parsed) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_sort", "sort"});
    sort = *parsed;
  }
  auto page = http::ParseListPage(request);
  if (!page) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
  auto reviews = http.services.reviews.ForProduct(core::ProductId{*product}, sort, page->page, page->per_page);
  if (!reviews) return http.Error(request, reviews.error());
  boost::json::array items;
  for (const Review& review : reviews->items) items.push_back(ReviewJson(review));
  boost::json::array distribution;
  for (const std::int64_t count : reviews->rating_distribution) distribution.push_back(count);
  return http::Response::Json(
      boost::json::object{{"items", std::move(items)},
                          {"total", reviews->total},
                          {"page", reviews->page},
                          {"per_page", reviews->per_page},
                          {"sort", ReviewSortName(sort)},
                          {"rating", boost::json::object{{"average", reviews->rating_average},
                                                         {"count", reviews->rating_count},
                                                         {"distribution", std::move(distribution)}}}});
}

http::Response Write(const ReviewsHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return *refused;
  auto product = http::ParsePositiveId(request.PathParam("id"));
  if (!product) return http.Error(request, ReviewError::product_not_found);
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  NewReview review;
  review.product = core::ProductId{*product};
  // 4.5, "5", null, missing: not a number of stars. The range is the service's rule (a number
  // past an int is passed as 0, which it refuses too): the same refusal naming the field.
  const boost::json::value* rating = body->if_contains("rating");
  if (!rating || !rating->is_int64()) return http.Error(request, ReviewError::invalid_rating);
  review.rating = std::in_range<int>(rating->as_int64()) ? static_cast<int>(rating->as_int64()) : 0;
  auto text = OptionalString(*body, "body", "invalid_text", "body");
  if (!text) return http.Error(request, text.error());
  review.body = std::string(*text);
  if (const boost::json::value* order = body->if_contains("order_id"); order && !order->is_null()) {
    if (!order->is_int64() || order->as_int64() <= 0) {
      return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_input", "order_id"});
    }
    review.order = core::OrderId{order->as_int64()};
  }
  auto written = http.services.reviews.Write(request.context().actor, review);
  if (!written) return http.Error(request, written.error());
  http.ForgetProductPage(written->product);
  return http::Response::Json(ReviewJson(*written), http::Status::created);
}

http::Response Reply(const ReviewsHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return *refused;
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, ReviewError::review_not_found);
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto text = OptionalString(*body, "body", "invalid_text", "body");
  if (!text) return http.Error(request, text.error());
  auto replied = http.services.reviews.Reply(request.context().actor, ReviewId{*id}, *text);
  if (!replied) return http.Error(request, replied.error());
  http.ForgetProductPage(replied->product);
  return http::Response::Json(ReviewJson(*replied));
}

// The author adds photos: the review and the free places are checked before any file is stored,
// the files before the rows; AddPhotos checks both again in its transaction.
http::Response AddPhotos(const ReviewsHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return *refused;
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, ReviewError::review_not_found);
  auto free_slots = http.services.reviews.FreePhotoSlots(request.context().actor, ReviewId{*id});
  if (!free_slots) return http.Error(request, free_slots.error());
  if (*free_slots == 0) return http.Error(request, ReviewError::too_many_photos);
  auto stored = media::StoreUploadedImages(request, "image", *free_slots, http.services.media);
  if (!stored)
    return html::ApiError(http.renderer, request, stored.error(), media::UploadMessageKey(stored.error().code));
  std::vector<ReviewPhoto> photos;
  for (const media::StoredImage& image : *stored) photos.push_back({image.detail_url, image.list_url});
  auto added = http.services.reviews.AddPhotos(request.context().actor, ReviewId{*id}, photos);
  if (!added) return http.Error(request, added.error());
  return http::Response::Json(ReviewJson(*added), http::Status::created);
}

http::Response Report(const ReviewsHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return *refused;
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, ReviewError::review_not_found);
  std::string_view reason;
  boost::json::object body;
  if (!request.body().empty()) {
    auto parsed = http::ParseJsonObject(request);
    if (!parsed) return http.Error(request, parsed.error());
    body = std::move(*parsed);
    auto text = OptionalString(body, "reason", "invalid_text", "reason");
    if (!text) return http.Error(request, text.error());
    reason = *text;
  }
  auto reported = http.services.reviews.Report(request.context().actor, ReviewId{*id}, reason);
  if (!reported) {
    http::ApiProblem problem = ProblemOf(reported.error());
    if (reported.error() == ReviewError::invalid_text) problem.field = "reason";
    return http.Error(request, problem);
  }
  return http::Response::Json(boost::json::object{{"review_id", reported->id.value}, {"reported", true}},
                              http::Status::created);
}

// 도움돼요: no body; the member is the actor. Once per member, never one's own review.
http::Response MarkHelpful(const ReviewsHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return *refused;
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, ReviewError::review_not_found);
  auto marked = http.services.reviews.MarkHelpful(request.context().actor, ReviewId{*id});
  if (!marked) return http.Error(request, marked.error());
  // The product page's "most helpful" reviews may change order.
  http.ForgetProductPage(marked->product);
  return http::Response::Json(
      boost::json::object{{"review_id", marked->id.value}, {"helpful_count", marked->helpful_count}},
      http::Status::created);
}

http::Response Hide(const ReviewsHttp& http, http::Request& request, bool hidden) {
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return http.Error(request, ReviewError::review_not_found);
  // The admin's reason, which the author reads: required to hide, optional to show again.
  std::string_view reason;
  boost::json::object body;
  if (!request.body().empty()) {
    auto parsed = http::ParseJsonObject(request);
    if (!parsed) return http.Error(request, parsed.error());
    body = std::move(*parsed);
    auto text = OptionalString(body, "reason", "invalid_reason", "reason");
    if (!text) return http.Error(request, text.error());
    reason = *text;
  }
  auto changed = http.services.reviews.SetHidden(request.context().actor, ReviewId{*id}, hidden, reason);
  if (!changed) return http.Error(request, changed.error());
  http.ForgetProductPage(changed->product);
  return http::Response::Json(ReviewJson(*changed));
}

}  // namespace

void AddReviewApi(http::Router& router, const ReviewsHttp& http) {
  router.Get("/api/v1/products/:id/reviews", [http](http::Request& request) { return List(http, request); });
  router.Post(
      "/api/v1/products/:id/reviews", [http](http::Request& request) { return Write(http, request); }, kTextBody);
  router.Post(
      "/api/v1/reviews/:id/reply", [http](http::Request& request) { return Reply(http, request); }, kTextBody);
  router.Post(
      "/api/v1/reviews/:id/photos", [http](http::Request& request) { return AddPhotos(http, request); },
      http::RouteOptions{.body_limit = media::kUploadBodyLimit, .offload = true});
  router.Post(
      "/api/v1/reviews/:id/report", [http](http::Request& request) { return Report(http, request); }, kTextBody);
  router.Post(
      "/api/v1/reviews/:id/helpful", [http](http::Request& request) { return MarkHelpful(http, request); }, kTextBody);
  router.Post(
      "/api/v1/admin/reviews/:id/hide", [http](http::Request& request) { return Hide(http, request, true); },
      kAdminBody);
  router.Post(
      "/api/v1/admin/reviews/:id/unhide", [http](http::Request& request) { return Hide(http, request, false); },
      kAdminBody);
}

}  // namespace manmulsang::reviews
