#pragma once

#include <expected>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/reviews/errors.hpp"
#include "manmulsang/reviews/review.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::reviews {

// Reviews by verified buyers. A line may be reviewed once its order is delivered or confirmed
// (구매확정): the goods are in the buyer's hands. Lines of orders still on their way, cancelled,
// or being returned cannot be; a review written before a return stays (the buyer used the goods).
// Every write that changes what counts — a new review, hide, unhide — sets the product's rating in
// its own transaction through CatalogService::SetRating.
class ReviewService {
 public:
  ReviewService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                catalog::CatalogService& catalog, orders::OrderService& orders);
  ~ReviewService();

  // The actor's review of a line of the product: not_a_buyer, not_yet_delivered, already_reviewed,
  // invalid_rating, invalid_text (the body is trimmed, at most kMaxReviewBody code points),
  // too_many_photos. The photos' files are stored already; their rows go in with the review's.
  std::expected<Review, ReviewError> Write(const core::Actor& actor, const NewReview& review);
  // Whether Write would accept this review now, without writing: the check made before uploaded
  // photos are stored, so a refused review leaves no file behind.
  std::expected<void, ReviewError> CanWrite(const core::Actor& actor, const NewReview& review);

  // How many more photos the actor may add to the review (0 when it has kMaxReviewPhotos): only
  // its author may; anyone else, or a hidden or unknown review, gets review_not_found. Lets an
  // upload be refused before its files are stored.
  std::expected<std::size_t, ReviewError> FreePhotoSlots(const core::Actor& actor, ReviewId id);
  // Appends photos (stored already) to the author's review; the same refusals, and
  // too_many_photos when they would make more than kMaxReviewPhotos (nothing added).
  std::expected<Review, ReviewError> AddPhotos(const core::Actor& actor, ReviewId id,
                                               const std::vector<ReviewPhoto>& photos);

  // The product's visible reviews in the chosen order, with the product's rating.
  std::expected<ReviewPage, ReviewError> ForProduct(core::ProductId product, ReviewSort sort, int page = 1,
                                                    int per_page = 20);

  // Whether the actor owns the shop (pages offer the reply form only to them).
  bool OwnsShop(const core::Actor& actor, core::SellerId shop);

  // The selling shop's owner replies; a second reply replaces the first (edited). Another shop's
  // review, a hidden one or an unknown one: review_not_found.
  std::expected<Review, ReviewError> Reply(const core::Actor& actor, ReviewId id, std::string_view text);

  // A signed-in member marks a visible review helpful (도움돼요), once (already_marked) and never
  // their own (own_review); the review's helpful_count follows in the same transaction. Returns
  // the review as stored. review_not_found for a visitor, an unknown or a hidden review.
  std::expected<Review, ReviewError> MarkHelpful(const core::Actor& actor, ReviewId id);
  // A visible review; review_not_found for an unknown or hidden one.
  std::expected<Review, ReviewError> VisibleReview(ReviewId id);
  // The reviews among ids the actor marked helpful (none for a visitor): the page greys their button.
  std::vector<ReviewId> MarkedHelpful(const core::Actor& actor, std::span<const ReviewId> ids);

  // Any signed-in member, once per review (already_reported); reason may be empty.
  std::expected<Review, ReviewError> Report(const core::Actor& actor, ReviewId id, std::string_view reason);

  // An admin hides (reason required: invalid_reason) or shows a review again (reason optional);
  // forbidden for anyone else. The rating follows, the review's open reports close, the author
  // reads the reason (HiddenOf) and the action is audited ("review.hide", "review.restore").
  std::expected<Review, ReviewError> SetHidden(const core::Actor& actor, ReviewId id, bool hidden,
                                               std::string_view reason);
  // An admin closes the review's open reports without hiding it (no_open_reports; audited
  // "report.dismiss").
  std::expected<void, ReviewError> DismissReports(const core::Actor& actor, ReviewId id, std::string_view reason);
  // The admin's queue: reported reviews, those with open reports first, newest report first.
  std::expected<ReportQueuePage<ReportedReview>, ReviewError> ReportQueue(const core::Actor& actor,
                                                                          const ReportQueueFilter& filter);
  // Reviews with at least one open report (the admin home's queue count).
  std::int64_t CountOpenReports();
  // The actor's own hidden reviews of the product, with the admin's reason (the product's page
  // tells their author why they are not listed).
  std::vector<Review> HiddenOf(const core::Actor& author, core::ProductId product);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::reviews
