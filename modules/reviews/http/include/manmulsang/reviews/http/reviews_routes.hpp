#pragma once

#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/media/media_library.hpp"
#include "manmulsang/reviews/questions.hpp"
#include "manmulsang/reviews/reviews.hpp"

namespace manmulsang::reviews {

struct ReviewServices {
  ReviewService& reviews;
  QuestionService& questions;
  // Product pages show the rating: a review written, hidden or shown again forgets "/p/<id>".
  http::PageCache& page_cache;
  // Review photos: checked, resized and stored before the rows that name them.
  const media::MediaLibrary& media;
};

// JSON (docs/ARCHITECTURE.md, public interface; errors {"error": {code, message, field}}, lists {items, total, page,
// per_page}):
//   GET  /api/v1/products/:id/reviews?sort=newest|highest|lowest&page=&per_page=  (+ rating {average, count})
//   POST /api/v1/products/:id/reviews {rating 1..5, body, order_id?}    → 201; 403 not_a_buyer / not_yet_delivered, 409
//   already_reviewed POST /api/v1/reviews/:id/reply {body}          the selling shop's owner; again edits it; others
//   404 POST /api/v1/reviews/:id/photos  multipart, one or more parts `image` → 201 the review; its
//        author only (others 404); at most 5 photos per review (400 too_many_photos); upload
//        refusals 400 image_required, 413 too_large_bytes, 415 not_an_image / unsupported_format,
//        422 too_many_pixels / corrupt, nothing stored. Reviews carry photos:[{url, thumbnail_url}].
//   POST /api/v1/reviews/:id/report {reason?}      → 201; once per member (409 already_reported)
//   POST /api/v1/admin/reviews/:id/hide | unhide {reason}  admins (403 otherwise); hiding needs a reason
//   POST /api/v1/questions/:id/report {reason?}    → 201; once per member (409 already_reported)
//   GET  /api/v1/admin/reports/reviews | questions?status=open|all&page=&per_page=  the queues in context
//   POST /api/v1/admin/reports/{reviews,questions}/:id/{hide,restore,dismiss} {reason}  (hide needs one)
//   GET  /api/v1/products/:id/questions?page=&per_page=   public ones, plus the private ones the viewer may see
//   POST /api/v1/products/:id/questions {body, private?}  → 201
//   POST /api/v1/questions/:id/answer {body}       the product's shop owner; again edits it; others 404
//   GET  /api/v1/seller/questions?unanswered=1&shop_id=&page=&per_page=
// Writes need a signed-in actor (401). HTML (no JavaScript; forms carry _csrf), linked from the
// product page as /p/<id>/reviews and /p/<id>/questions:
//   GET|POST /p/:id/reviews (multipart/form-data: rating, body, up to 5 files `photos`),
//   POST /reviews/:id/photos (the author adds photos), POST /reviews/:id/reply | report,
//   POST /admin/reviews/:id/hide | unhide,
//   GET|POST /p/:id/questions, POST /questions/:id/answer | report,
//   GET /admin/reports/reviews | questions and POST .../:id/{hide,restore,dismiss} (admins).
// Also registers the templates ("reviews/*") and messages (t.reviews.*) with renderer.
void AddReviewRoutes(http::Router& router, html::Renderer& renderer, const ReviewServices& services);

}  // namespace manmulsang::reviews
