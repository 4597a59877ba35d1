#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/reviews/review.hpp"

namespace manmulsang::reviews {

// All the SQL of reviews and their reports.
class ReviewRepository {
 public:
  struct Line {
    core::OrderId order;
    int position = 0;
  };
  struct NewRow {
    core::ProductId product;
    core::SellerId shop;
    core::UserId author;
    std::string_view author_name;
    Line line;
    int rating = 0;
    std::string_view body;
  };

  static std::optional<Review> Find(db::Connection& connection, ReviewId id);
  static bool ExistsForLine(db::Connection& connection, Line line);
  static ReviewId Insert(db::Connection& connection, const NewRow& row, std::int64_t now);
  // Visible reviews of the product, a page in the chosen order.
  static std::vector<Review> Visible(db::Connection& connection, core::ProductId product, ReviewSort sort,
                                     std::int64_t limit, std::int64_t offset);
  // (average, count) of the product's visible reviews; (0, 0) when there are none.
  static std::pair<double, std::int64_t> VisibleRating(db::Connection& connection, core::ProductId product);
  // How many visible reviews of the product gave each number of stars ([0] one star).
  static std::array<std::int64_t, 5> VisibleDistribution(db::Connection& connection, core::ProductId product);
  static void SetReply(db::Connection& connection, ReviewId id, std::string_view reply, std::int64_t now);
  // The photos of each review, in order (one query for a page of reviews).
  static void LoadPhotos(db::Connection& connection, std::span<Review> reviews);
  // Appends photos after the review's existing ones; returns how many it has now.
  static std::size_t AddPhotos(db::Connection& connection, ReviewId id, std::span<const ReviewPhoto> photos);
  // False when the member reported this review before (nothing changed).
  // A member's helpful mark: false when the member marked the review before (nothing changes).
  static bool AddHelpfulMark(db::Connection& connection, ReviewId id, core::UserId member, std::int64_t now);
  // The reviews among `reviews` that member marked helpful (a page of at most kMaxPerPage).
  static std::vector<ReviewId> MarkedHelpfulBy(db::Connection& connection, core::UserId member,
                                               std::span<const ReviewId> reviews);
  static bool AddReport(db::Connection& connection, ReviewId id, core::UserId reporter, std::string_view reason,
                        std::int64_t now);
};

}  // namespace manmulsang::reviews
