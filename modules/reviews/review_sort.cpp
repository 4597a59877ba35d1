#include "manmulsang/reviews/review.hpp"

namespace manmulsang::reviews {

std::string_view ReviewSortName(ReviewSort sort) {
  switch (sort) {
    case ReviewSort::newest:
      return "newest";
    case ReviewSort::highest:
      return "highest";
    case ReviewSort::lowest:
      return "lowest";
    case ReviewSort::helpful:
      return "helpful";
  }
  return "newest";
}

std::optional<ReviewSort> ParseReviewSort(std::string_view name) {
  if (name == "newest") return ReviewSort::newest;
  if (name == "highest") return ReviewSort::highest;
  if (name == "lowest") return ReviewSort::lowest;
  if (name == "helpful") return ReviewSort::helpful;
  return std::nullopt;
}

}  // namespace manmulsang::reviews
