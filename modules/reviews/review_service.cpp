#include <algorithm>

#include "embedded/reviews_migrations.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "manmulsang/reviews/reviews.hpp"
#include "manmulsang/text/typed_text.hpp"
#include "report_queue.hpp"
#include "report_repository.hpp"
#include "review_repository.hpp"

namespace manmulsang::reviews {
namespace {

// The goods are in the buyer's hands: delivered, or the purchase confirmed (구매확정).
bool Reviewable(orders::OrderStatus status) {
  return status == orders::OrderStatus::delivered || status == orders::OrderStatus::confirmed;
}

}  // namespace

struct ReviewService::Impl {
  db::Database& database;
  const core::Clock& clock;
  sellers::SellerService& sellers;
  catalog::CatalogService& catalog;
  orders::OrderService& orders;

  std::int64_t Now() const { return core::ToUnixSeconds(clock.Now()); }

  // The product's rating from its visible reviews, in the transaction that changed them.
  // The product's row is taken before the reviews are read: a review committed meanwhile by
  // another node is then either waited for and counted, or makes this transaction run again.
  void KeepRating(db::Connection& connection, core::ProductId product) {
    catalog.HoldRating(connection, product);
    auto [average, count] = ReviewRepository::VisibleRating(connection, product);
    catalog.SetRating(connection, product, average, count);
  }

  std::expected<Review, ReviewError> Load(ReviewId id) {
    auto review = database.Read([&](db::Connection& connection) { return ReviewRepository::Find(connection, id); });
    if (!review) return std::unexpected(ReviewError::review_not_found);
    return std::move(*review);
  }

  // What a review is written about: the listing (an option's id names its listing) and every id
  // a buyer may have bought it under (the listing and each of its options).
  struct Reviewed {
    core::ProductId listing;
    std::vector<core::ProductId> bought_as;
  };

  std::optional<Reviewed> ReviewedListing(core::ProductId product) {
    auto listing = catalog.GetProduct(product);
    if (!listing) return std::nullopt;
    Reviewed reviewed{listing->id, {listing->id}};
    for (const catalog::Variant& variant : listing->variants) reviewed.bought_as.push_back(variant.id);
    return reviewed;
  }

  // The checks before any reading: the cleaned body, or why the review is refused.
  std::expected<std::string, ReviewError> Validate(const core::Actor& actor, const NewReview& review) {
    if (!actor.signed_in()) return std::unexpected(ReviewError::not_a_buyer);
    if (review.rating < kMinRating || review.rating > kMaxRating) return std::unexpected(ReviewError::invalid_rating);
    std::optional<std::string> body =
        text::CleanTypedText(review.body, {.minimum = 0, .maximum = kMaxReviewBody, .multiline = true});
    if (!body) return std::unexpected(ReviewError::invalid_text);
    if (review.photos.size() > kMaxReviewPhotos) return std::unexpected(ReviewError::too_many_photos);
    return std::move(*body);
  }

  // The oldest line of the listing (or one of its options) the actor bought, has in hand and has
  // not reviewed yet.
  std::expected<orders::PurchasedLine, ReviewError> LineToReview(db::Connection& connection, const core::Actor& actor,
                                                                 const NewReview& review, const Reviewed& reviewed) {
    std::vector<orders::PurchasedLine> lines;
    for (core::ProductId bought : reviewed.bought_as) {
      std::ranges::move(orders.PurchasedLines(connection, *actor.user, bought), std::back_inserter(lines));
    }
    std::ranges::sort(lines, {},
                      [](const orders::PurchasedLine& line) { return std::pair(line.order.value, line.position); });
    if (review.order) std::erase_if(lines, [&](const auto& line) { return line.order != *review.order; });
    if (lines.empty()) return std::unexpected(ReviewError::not_a_buyer);
    bool any_reviewable = false;
    for (const orders::PurchasedLine& line : lines) {
      if (!Reviewable(line.status)) continue;
      any_reviewable = true;
      if (ReviewRepository::ExistsForLine(connection, {line.order, line.position})) continue;
      return line;
    }
    return std::unexpected(any_reviewable ? ReviewError::already_reviewed : ReviewError::not_yet_delivered);
  }

  // A review others may act on: it exists and no admin hid it.
  std::expected<Review, ReviewError> LoadVisible(ReviewId id) {
    auto review = Load(id);
    if (review && review->hidden) return std::unexpected(ReviewError::review_not_found);
    return review;
  }
};

ReviewService::ReviewService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                             catalog::CatalogService& catalog, orders::OrderService& orders)
    : impl_(std::make_unique<Impl>(Impl{database, clock, sellers, catalog, orders})) {}

ReviewService::~ReviewService() = default;

std::expected<Review, ReviewError> ReviewService::Write(const core::Actor& actor, const NewReview& review) {
  auto body = impl_->Validate(actor, review);
  if (!body) return std::unexpected(body.error());
  // A review of an option is the listing's review: its rating is the listing's and the shop's.
  const std::optional<Impl::Reviewed> reviewed = impl_->ReviewedListing(review.product);
  if (!reviewed) return std::unexpected(ReviewError::product_not_found);
  const std::int64_t now = impl_->Now();
  auto written = impl_->database.Write([&](db::Connection& connection) -> std::expected<ReviewId, ReviewError> {
    // The purchase is read in the transaction that writes the review, so the order's status and
    // the "one review per line" rule are the ones this commit is made on.
    auto line = impl_->LineToReview(connection, actor, review, *reviewed);
    if (!line) return std::unexpected(line.error());
    const ReviewId id = ReviewRepository::Insert(connection,
                                                 {reviewed->listing,
                                                  line->seller,
                                                  *actor.user,
                                                  actor.display_name,
                                                  {line->order, line->position},
                                                  review.rating,
                                                  *body},
                                                 now);
    ReviewRepository::AddPhotos(connection, id, review.photos);
    impl_->KeepRating(connection, reviewed->listing);
    return id;
  });
  if (!written) return std::unexpected(written.error());
  return impl_->Load(*written);
}

std::expected<void, ReviewError> ReviewService::CanWrite(const core::Actor& actor, const NewReview& review) {
  auto body = impl_->Validate(actor, review);
  if (!body) return std::unexpected(body.error());
  const std::optional<Impl::Reviewed> reviewed = impl_->ReviewedListing(review.product);
  if (!reviewed) return std::unexpected(ReviewError::product_not_found);
  return impl_->database.Read([&](db::Connection& connection) -> std::expected<void, ReviewError> {
    auto line = impl_->LineToReview(connection, actor, review, *reviewed);
    if (!line) return std::unexpected(line.error());
    return {};
  });
}

std::expected<ReviewPage, ReviewError> ReviewService::ForProduct(core::ProductId product, ReviewSort sort, int page,
                                                                 int per_page) {
  auto listed = impl_->catalog.GetProduct(product);
  if (!listed) return std::unexpected(ReviewError::product_not_found);
  ReviewPage result;
  result.product_name = listed->name;
  result.shop = listed->seller;
  result.page = std::max(page, 1);
  result.per_page = std::clamp(per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    const std::int64_t offset = static_cast<std::int64_t>(result.page - 1) * result.per_page;
    // An option's id shows its listing's reviews, where reviews of every option are kept.
    result.items = ReviewRepository::Visible(connection, listed->id, sort, result.per_page, offset);
    std::tie(result.rating_average, result.rating_count) = ReviewRepository::VisibleRating(connection, listed->id);
    result.rating_distribution = ReviewRepository::VisibleDistribution(connection, listed->id);
  });
  result.total = result.rating_count;
  return result;
}

std::expected<std::size_t, ReviewError> ReviewService::FreePhotoSlots(const core::Actor& actor, ReviewId id) {
  auto review = impl_->LoadVisible(id);
  if (!review) return std::unexpected(review.error());
  // Someone else's review is answered as if it did not exist.
  if (!actor.signed_in() || *actor.user != review->author) return std::unexpected(ReviewError::review_not_found);
  return kMaxReviewPhotos - std::min(review->photos.size(), kMaxReviewPhotos);
}

std::expected<Review, ReviewError> ReviewService::AddPhotos(const core::Actor& actor, ReviewId id,
                                                            const std::vector<ReviewPhoto>& photos) {
  if (!actor.signed_in()) return std::unexpected(ReviewError::review_not_found);
  auto added = impl_->database.Write([&](db::Connection& connection) -> std::expected<void, ReviewError> {
    // Read in the writing transaction: two uploads at once cannot pass the limit together.
    auto review = ReviewRepository::Find(connection, id);
    if (!review || review->hidden || review->author != *actor.user) {
      return std::unexpected(ReviewError::review_not_found);
    }
    if (review->photos.size() + photos.size() > kMaxReviewPhotos) {
      return std::unexpected(ReviewError::too_many_photos);
    }
    ReviewRepository::AddPhotos(connection, id, photos);
    return {};
  });
  if (!added) return std::unexpected(added.error());
  return impl_->Load(id);
}

bool ReviewService::OwnsShop(const core::Actor& actor, core::SellerId shop) {
  return impl_->sellers.OwnShop(actor, shop).has_value();
}

std::expected<Review, ReviewError> ReviewService::Reply(const core::Actor& actor, ReviewId id, std::string_view text) {
  std::optional<std::string> reply =
      text::CleanTypedText(text, {.minimum = 1, .maximum = kMaxReply, .multiline = true});
  if (!reply) return std::unexpected(ReviewError::invalid_text);
  auto review = impl_->LoadVisible(id);
  if (!review) return review;
  // Another shop's review is answered as if it did not exist: no one learns what others sold.
  if (!impl_->sellers.OwnShop(actor, review->shop)) return std::unexpected(ReviewError::review_not_found);
  // The reviewer hears of the first reply with it; a changed reply is not news again.
  const bool first_reply = !review->reply.has_value();
  auto product = impl_->catalog.GetProduct(review->product);
  const std::string product_name = product ? product->name : "#" + std::to_string(review->product.value);
  impl_->database.Write([&](db::Connection& connection) {
    ReviewRepository::SetReply(connection, id, *reply, impl_->Now());
    if (first_reply) {
      notifications::RecordIn(connection, impl_->clock.Now(),
                              {review->author, notifications::Kind::review_replied, product_name,
                               "/p/" + std::to_string(review->product.value)});
    }
  });
  return impl_->Load(id);
}

std::expected<Review, ReviewError> ReviewService::Report(const core::Actor& actor, ReviewId id,
                                                         std::string_view reason) {
  if (!actor.signed_in()) return std::unexpected(ReviewError::review_not_found);
  std::optional<std::string> cleaned =
      text::CleanTypedText(reason, {.minimum = 0, .maximum = kMaxReportReason, .multiline = true});
  if (!cleaned) return std::unexpected(ReviewError::invalid_text);
  auto review = impl_->LoadVisible(id);
  if (!review) return review;
  const bool added = impl_->database.Write([&](db::Connection& connection) {
    return ReviewRepository::AddReport(connection, id, *actor.user, *cleaned, impl_->Now());
  });
  if (!added) return std::unexpected(ReviewError::already_reported);
  return impl_->Load(id);
}

std::expected<Review, ReviewError> ReviewService::MarkHelpful(const core::Actor& actor, ReviewId id) {
  if (!actor.signed_in()) return std::unexpected(ReviewError::review_not_found);
  auto review = impl_->LoadVisible(id);
  if (!review) return review;
  if (review->author == *actor.user) return std::unexpected(ReviewError::own_review);
  const bool added = impl_->database.Write([&](db::Connection& connection) {
    return ReviewRepository::AddHelpfulMark(connection, id, *actor.user, impl_->Now());
  });
  if (!added) return std::unexpected(ReviewError::already_marked);
  return impl_->Load(id);
}

std::expected<Review, ReviewError> ReviewService::VisibleReview(ReviewId id) { return impl_->LoadVisible(id); }

std::vector<ReviewId> ReviewService::MarkedHelpful(const core::Actor& actor, std::span<const ReviewId> ids) {
  if (!actor.signed_in() || ids.empty()) return {};
  return impl_->database.Read(
      [&](db::Connection& connection) { return ReviewRepository::MarkedHelpfulBy(connection, *actor.user, ids); });
}

std::expected<Review, ReviewError> ReviewService::SetHidden(const core::Actor& actor, ReviewId id, bool hidden,
                                                            std::string_view reason) {
  if (!actor.is(core::Role::admin)) return std::unexpected(ReviewError::forbidden);
  std::optional<std::string> cleaned = text::CleanTypedText(
      reason,
      {.minimum = hidden ? std::size_t{1} : std::size_t{0}, .maximum = kMaxModerationReason, .multiline = true});
  if (!cleaned) return std::unexpected(ReviewError::invalid_reason);
  const core::TimePoint now = impl_->clock.Now();
  auto changed = impl_->database.Write([&](db::Connection& connection) -> std::expected<void, ReviewError> {
    auto review = ReviewRepository::Find(connection, id);
    if (!review) return std::unexpected(ReviewError::review_not_found);
    // Conditional: of two admins at once, the second changes nothing and records nothing.
    if (!ReportRepository::SetHidden(connection, ReportRepository::Subject::review, id.value, hidden, *cleaned,
                                     core::ToUnixSeconds(now))) {
      return {};
    }
    if (hidden) {
      ReportRepository::Resolve(connection, ReportRepository::Subject::review, id.value,
                                ReportRepository::Outcome::hidden);
    }
    impl_->KeepRating(connection, review->product);
    audit::RecordIn(
        connection, now,
        audit::AuditEntry{*actor.user, hidden ? "review.hide" : "review.restore", "review", std::to_string(id.value),
                          hidden ? "shown" : "hidden", hidden ? "hidden" : "shown", *cleaned});
    return {};
  });
  if (!changed) return std::unexpected(changed.error());
  return impl_->Load(id);
}

std::expected<void, ReviewError> ReviewService::DismissReports(const core::Actor& actor, ReviewId id,
                                                               std::string_view reason) {
  if (!actor.is(core::Role::admin)) return std::unexpected(ReviewError::forbidden);
  std::optional<std::string> cleaned =
      text::CleanTypedText(reason, {.minimum = 0, .maximum = kMaxModerationReason, .multiline = true});
  if (!cleaned) return std::unexpected(ReviewError::invalid_reason);
  const core::TimePoint now = impl_->clock.Now();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, ReviewError> {
    if (!ReviewRepository::Find(connection, id)) return std::unexpected(ReviewError::review_not_found);
    const std::int64_t closed = ReportRepository::Resolve(connection, ReportRepository::Subject::review, id.value,
                                                          ReportRepository::Outcome::dismissed);
    if (closed == 0) return std::unexpected(ReviewError::no_open_reports);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{*actor.user, "report.dismiss", "review", std::to_string(id.value),
                                      std::to_string(closed) + " open reports", "dismissed", *cleaned});
    return {};
  });
}

std::expected<ReportQueuePage<ReportedReview>, ReviewError> ReviewService::ReportQueue(
    const core::Actor& actor, const ReportQueueFilter& filter) {
  if (!actor.is(core::Role::admin)) return std::unexpected(ReviewError::forbidden);
  if (!ValidQueueFilter(filter)) return std::unexpected(ReviewError::invalid_query);
  return ReadReportQueue<ReportedReview>(
      impl_->database, impl_->catalog, ReportRepository::Subject::review, filter,
      [](db::Connection& connection, std::int64_t id) -> std::optional<ReportedReview> {
        auto review = ReviewRepository::Find(connection, ReviewId{id});
        if (!review) return std::nullopt;
        ReportedReview item;
        item.review = std::move(*review);
        return item;
      },
      [](const ReportedReview& item) { return item.review.product; });
}

std::int64_t ReviewService::CountOpenReports() {
  return impl_->database.Read([](db::Connection& connection) {
    return ReportRepository::CountWithOpenReports(connection, ReportRepository::Subject::review);
  });
}

std::vector<Review> ReviewService::HiddenOf(const core::Actor& author, core::ProductId product) {
  if (!author.signed_in()) return {};
  return impl_->database.Read([&](db::Connection& connection) {
    std::vector<Review> reviews;
    for (ReviewId id : ReportRepository::HiddenReviewsOf(connection, *author.user, product)) {
      if (auto review = ReviewRepository::Find(connection, id)) reviews.push_back(std::move(*review));
    }
    return reviews;
  });
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::reviews_migrations(); }

}  // namespace manmulsang::reviews
