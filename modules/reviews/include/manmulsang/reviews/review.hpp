#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/ids.hpp"

namespace manmulsang::reviews {

using ReviewId = core::Id<struct ReviewTag>;
using QuestionId = core::Id<struct QuestionTag>;

// Limits, in code points after trimming.
inline constexpr std::size_t kMaxReviewBody = 2000;  // a review may be a rating alone
inline constexpr std::size_t kMaxReply = 1000;       // the shop's reply, the shop's answer
inline constexpr std::size_t kMaxQuestion = 1000;    // a question needs at least one character
inline constexpr std::size_t kMaxReportReason = 300;
inline constexpr int kMaxPerPage = 100;
inline constexpr std::size_t kMaxReviewPhotos = 5;

// A photo of a review, stored by the image pipeline (media::StoreUploadedImages) before the row
// that names it: "/media/<name>" of the detail size (opened) and of the list size (thumbnail).
struct ReviewPhoto {
  std::string url;
  std::string thumbnail_url;
};

// A buyer's review of one order line.
struct Review {
  ReviewId id;
  core::ProductId product;
  core::SellerId shop;  // the shop that sold the line: the one that may reply
  core::UserId author;
  std::string author_name;  // as it was when written
  core::OrderId order;
  int rating = 0;  // kMinRating..kMaxRating
  std::string body;
  bool hidden = false;        // by an admin: out of lists and out of the rating
  std::string hidden_reason;  // the admin's words, which the author reads; empty while shown
  std::int64_t report_count = 0;
  std::optional<std::string> reply;
  std::optional<core::TimePoint> replied_at;
  core::TimePoint created_at;
  std::vector<ReviewPhoto> photos;  // in the order added, at most kMaxReviewPhotos
  std::int64_t helpful_count = 0;   // members who marked it helpful (도움돼요), each once
};

// helpful: the most marked helpful first, then the newest.
enum class ReviewSort { newest, highest, lowest, helpful };

std::string_view ReviewSortName(ReviewSort sort);  // "newest", "highest", "lowest", "helpful"
std::optional<ReviewSort> ParseReviewSort(std::string_view name);

struct ReviewPage {
  std::string product_name;
  core::SellerId shop;  // the product's shop now
  std::vector<Review> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
  double rating_average = 0;  // of the visible reviews, as the product carries it
  std::int64_t rating_count = 0;
  // How many visible reviews gave each number of stars: [0] one star ... [4] five stars.
  std::array<std::int64_t, 5> rating_distribution{};
};

// POST /products/{id}/reviews. Without an order the oldest delivered or confirmed line of the
// product that has no review yet is reviewed.
// Stars: ReviewService refuses any other rating with invalid_rating (handlers pass what was typed).
inline constexpr int kMinRating = 1;
inline constexpr int kMaxRating = 5;
static_assert(std::tuple_size_v<decltype(ReviewPage::rating_distribution)> == kMaxRating);

struct NewReview {
  core::ProductId product;
  std::optional<core::OrderId> order;
  int rating = 0;
  std::string body;
  std::vector<ReviewPhoto> photos;  // already stored; at most kMaxReviewPhotos
};

// A question about a product. Private ones are seen only by the asker and the shop's owner.
struct Question {
  QuestionId id;
  core::ProductId product;
  core::SellerId shop;
  core::UserId asker;
  std::string asker_name;
  std::string body;
  bool is_private = false;
  std::optional<std::string> answer;
  std::optional<core::TimePoint> answered_at;
  core::TimePoint created_at;
  bool hidden = false;        // by an admin: only its asker still sees it, with the reason
  std::string hidden_reason;  // the admin's words; empty while shown
};

struct QuestionPage {
  std::string product_name;  // empty for a shop's questions
  core::SellerId shop;
  bool viewer_owns_shop = false;  // the viewer may answer
  std::vector<Question> items;    // newest first
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

// Moderation: an admin's reason to hide (required) or show again (optional).
inline constexpr std::size_t kMaxModerationReason = 500;

// One report of a review or a question, as the admin's queue shows it.
struct ReportNote {
  core::UserId reporter;
  std::string reason;
  bool open = true;
  core::TimePoint created_at;
};

// A reported review in context: the review (hidden or not), its product's name (empty when the
// product is no longer shown), its reports newest first and how many are open.
struct ReportedReview {
  Review review;
  std::string product_name;
  std::int64_t open_reports = 0;
  std::vector<ReportNote> reports;
};

// A reported question in context, with its answer.
struct ReportedQuestion {
  Question question;
  std::string product_name;
  std::int64_t open_reports = 0;
  std::vector<ReportNote> reports;
};

struct ReportQueueFilter {
  bool open_only = false;  // false: items with open reports first, then the rest
  int page = 1;
  int per_page = 20;  // 1..kMaxPerPage
};

template <typename Item>
struct ReportQueuePage {
  std::vector<Item> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

struct NewQuestion {
  core::ProductId product;
  std::string body;
  bool is_private = false;
};

}  // namespace manmulsang::reviews
