#pragma once

// The reviews routes as the server runs them, minus the socket, for the API and page tests.

#include <filesystem>
#include <string>

#include "manmulsang/reviews/http/reviews_routes.hpp"
#include "reviews_test_store.hpp"
#include "route_test_fixture.hpp"
#include "temp_directory.hpp"

namespace manmulsang::reviews {

using Headers = std::vector<std::pair<std::string, std::string>>;

class ReviewsRoutesTest : public ReviewsTest, public testing::RouteTestFixture {
 protected:
  ReviewsRoutesTest() { AddReviewRoutes(router_, renderer_, {reviews_, questions_, page_cache_, media_}); }

  std::string ProductPath(core::ProductId product, std::string_view rest) {
    return "/api/v1/products/" + std::to_string(product.value) + std::string(rest);
  }

  // Every file under the media store, however deep (what an upload left behind).
  std::size_t MediaFiles() const {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(media_.store.root())) {
      count += entry.is_regular_file();
    }
    return count;
  }

  manmulsang::testing::TempDirectory media_directory_{"reviews-media"};
  media::MediaLibrary media_{media_directory_ / "media"};
  http::PageCache page_cache_{clock_};
};

}  // namespace manmulsang::reviews
