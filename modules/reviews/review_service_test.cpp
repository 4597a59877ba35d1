#include "manmulsang/catalog/listings.hpp"
#include "reviews_test_store.hpp"

namespace manmulsang::reviews {
namespace {

using orders::OrderStatus;

class ReviewServiceTest : public ReviewsTest {
 protected:
  std::expected<Review, ReviewError> WriteReview(core::UserId author, core::ProductId product, int rating,
                                                 std::string body = "좋습니다",
                                                 std::optional<core::OrderId> order = std::nullopt) {
    return reviews_.Write(Buyer(author), {product, order, rating, std::move(body)});
  }
};

TEST_F(ReviewServiceTest, OnlyABuyerWhoseOrderArrivedMayReview) {
  EXPECT_EQ(WriteReview(kBuyer, product_, 5).error(), ReviewError::not_a_buyer);
  Bought(kBuyer, product_, kOwner, OrderStatus::shipped);
  EXPECT_EQ(WriteReview(kBuyer, product_, 5).error(), ReviewError::not_yet_delivered);
  // Buying another product does not make one a buyer of this one.
  Bought(kOtherBuyer, other_product_, kOtherOwner);
  EXPECT_EQ(WriteReview(kOtherBuyer, product_, 5).error(), ReviewError::not_a_buyer);
  EXPECT_EQ(reviews_.Write(core::Actor{}, {product_, std::nullopt, 5, ""}).error(), ReviewError::not_a_buyer);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reviews"), 0);
  EXPECT_EQ(Listing(product_).rating_count, 0);
}

// A buyer of one option (size, colour) reviews the listing: the review, its rating and the shop's
// rating belong to the listing, whichever id the review was written or read under.
TEST_F(ReviewServiceTest, AReviewOfAnOptionBelongsToItsListing) {
  catalog::ListingService listings(store_.database(), clock_, sellers_, catalog_);
  catalog::ListingInput input;
  input.category_slug = "clothing";
  input.name = "솜 누비 동복";
  input.price = {30'000, core::Currency::kpw};
  input.variants = {{std::nullopt, "M", "검정", {30'000, core::Currency::kpw}, 5},
                    {std::nullopt, "L", "곤색", {32'000, core::Currency::kpw}, 5}};
  const core::ProductId listing = listings.Create(Seller(kOwner), input).value();
  const std::vector<catalog::Variant> options = Listing(listing).variants;
  ASSERT_EQ(options.size(), 2u);
  Bought(kBuyer, options[1].id, kOwner, OrderStatus::delivered);

  auto written = WriteReview(kBuyer, listing, 4);
  ASSERT_TRUE(written.has_value()) << ErrorCode(written.error());
  EXPECT_EQ(written->product, listing);
  EXPECT_EQ(Listing(listing).rating_count, 1);
  EXPECT_DOUBLE_EQ(Listing(listing).rating_average, 4.0);
  // The same line cannot be reviewed again through the option's id.
  EXPECT_EQ(WriteReview(kBuyer, options[1].id, 5).error(), ReviewError::already_reviewed);
  EXPECT_EQ(reviews_.ForProduct(options[1].id, ReviewSort::newest)->total, 1);
  // Buying the listing's other option is another line, with its own review.
  Bought(kBuyer, options[0].id, kOwner, OrderStatus::confirmed);
  ASSERT_TRUE(WriteReview(kBuyer, options[0].id, 2).has_value());
  EXPECT_EQ(Listing(listing).rating_count, 2);
  EXPECT_DOUBLE_EQ(Listing(listing).rating_average, 3.0);
}

TEST_F(ReviewServiceTest, OneReviewPerOrderLineWhenDeliveredOrConfirmed) {
  const core::OrderId first = Bought(kBuyer, product_, kOwner, OrderStatus::delivered);
  auto review = WriteReview(kBuyer, product_, 4, "  맛있어요\r\n또 살게요  ");
  ASSERT_TRUE(review.has_value()) << ErrorCode(review.error());
  EXPECT_EQ(review->order, first);
  EXPECT_EQ(review->body, "맛있어요\n또 살게요");
  EXPECT_EQ(review->shop, shop_);
  EXPECT_EQ(review->author_name, "구매자 100");
  EXPECT_EQ(WriteReview(kBuyer, product_, 5).error(), ReviewError::already_reviewed);
  EXPECT_EQ(WriteReview(kBuyer, product_, 5, "", first).error(), ReviewError::already_reviewed);

  // A second order of the same product is a second line: it gets its own review once it is confirmed.
  const core::OrderId second = Bought(kBuyer, product_, kOwner, OrderStatus::confirmed);
  auto again = WriteReview(kBuyer, product_, 2, "");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->order, second);
  EXPECT_EQ(WriteReview(kBuyer, product_, 2).error(), ReviewError::already_reviewed);

  // An order being returned is not reviewable; naming an order of someone else's is not a purchase.
  const core::OrderId returning = Bought(kBuyer, product_, kOwner, OrderStatus::return_requested);
  EXPECT_EQ(WriteReview(kBuyer, product_, 1, "", returning).error(), ReviewError::not_yet_delivered);
  const core::OrderId others = Bought(kOtherBuyer, product_, kOwner);
  EXPECT_EQ(WriteReview(kBuyer, product_, 1, "", others).error(), ReviewError::not_a_buyer);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reviews"), 2);
}

TEST_F(ReviewServiceTest, HostileInputIsRefusedAndWritesNothing) {
  Bought(kBuyer, product_, kOwner);
  for (int rating : {0, 6, -1, 1000})
    EXPECT_EQ(WriteReview(kBuyer, product_, rating).error(), ReviewError::invalid_rating);
  EXPECT_EQ(WriteReview(kBuyer, product_, 5, std::string(kMaxReviewBody + 1, 'a')).error(), ReviewError::invalid_text);
  EXPECT_EQ(WriteReview(kBuyer, product_, 5, std::string(10'000'000, 'a')).error(), ReviewError::invalid_text);
  EXPECT_EQ(WriteReview(kBuyer, product_, 5, std::string("nul\0here", 8)).error(), ReviewError::invalid_text);
  EXPECT_EQ(WriteReview(kBuyer, product_, 5, "\x1b[31mred").error(), ReviewError::invalid_text);
  EXPECT_EQ(WriteReview(kBuyer, product_, 5, "\xff\xfe").error(), ReviewError::invalid_text);
  EXPECT_EQ(WriteReview(kBuyer, core::ProductId{999'999}, 5).error(), ReviewError::product_not_found);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reviews"), 0);
  // The longest body allowed is kept whole.
  std::string longest;
  for (std::size_t index = 0; index < kMaxReviewBody; ++index) longest += "가";
  EXPECT_TRUE(WriteReview(kBuyer, product_, 5, longest).has_value());
}

TEST_F(ReviewServiceTest, TheProductRatingFollowsEveryWriteAndHiding) {
  Bought(kBuyer, product_, kOwner);
  Bought(kOtherBuyer, product_, kOwner);
  Bought(core::UserId{102}, product_, kOwner);
  const ReviewId five = WriteReview(kBuyer, product_, 5)->id;
  EXPECT_DOUBLE_EQ(Listing(product_).rating_average, 5.0);
  EXPECT_EQ(Listing(product_).rating_count, 1);
  const ReviewId two = WriteReview(kOtherBuyer, product_, 2)->id;
  ASSERT_TRUE(WriteReview(core::UserId{102}, product_, 4).has_value());
  EXPECT_DOUBLE_EQ(Listing(product_).rating_average, 11.0 / 3);
  EXPECT_EQ(Listing(product_).rating_count, 3);

  // Only an admin hides; a hidden review leaves lists and the rating, and comes back with unhide.
  EXPECT_EQ(reviews_.SetHidden(Seller(kOwner), two, true, "규정 위반").error(), ReviewError::forbidden);
  EXPECT_EQ(reviews_.SetHidden(Buyer(kBuyer), two, true, "규정 위반").error(), ReviewError::forbidden);
  ASSERT_TRUE(reviews_.SetHidden(Admin(), two, true, "규정 위반").has_value());
  EXPECT_DOUBLE_EQ(Listing(product_).rating_average, 4.5);
  EXPECT_EQ(Listing(product_).rating_count, 2);
  auto page = reviews_.ForProduct(product_, ReviewSort::newest).value();
  EXPECT_EQ(page.total, 2);
  EXPECT_EQ(page.items.size(), 2u);
  for (const Review& review : page.items) EXPECT_NE(review.id, two);
  EXPECT_EQ(reviews_.Reply(Seller(kOwner), two, "답글").error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.Report(Buyer(kBuyer), two, "").error(), ReviewError::review_not_found);
  ASSERT_TRUE(reviews_.SetHidden(Admin(), two, false, "").has_value());
  EXPECT_DOUBLE_EQ(Listing(product_).rating_average, 11.0 / 3);
  EXPECT_EQ(Listing(product_).rating_count, 3);
  ASSERT_TRUE(reviews_.SetHidden(Admin(), five, true, "규정 위반").has_value());
  ASSERT_TRUE(reviews_.SetHidden(Admin(), five, true, "규정 위반").has_value());  // hiding twice changes nothing more
  EXPECT_DOUBLE_EQ(Listing(product_).rating_average, 3.0);
  EXPECT_EQ(reviews_.SetHidden(Admin(), ReviewId{424242}, true, "규정 위반").error(), ReviewError::review_not_found);
}

TEST_F(ReviewServiceTest, SearchesSortedByRatingSeeTheNewRatingAtOnce) {
  Bought(kBuyer, product_, kOwner);
  Bought(kBuyer, other_product_, kOtherOwner);
  ASSERT_TRUE(WriteReview(kBuyer, other_product_, 2).has_value());
  ASSERT_TRUE(WriteReview(kBuyer, product_, 5).has_value());
  const auto first_by_rating = [&] {
    catalog::ProductQuery query;
    query.text = "상품";
    query.sort = catalog::ProductSort::rating;
    return catalog_.ListProducts(query).value().items.front().id;
  };
  EXPECT_EQ(first_by_rating(), product_);
  auto listed = reviews_.ForProduct(product_, ReviewSort::newest).value();
  ASSERT_TRUE(reviews_.SetHidden(Admin(), listed.items.front().id, true, "규정 위반").has_value());
  EXPECT_EQ(first_by_rating(), other_product_);
}

TEST_F(ReviewServiceTest, ListsSortNewestHighestLowestAndPage) {
  const int ratings[] = {3, 5, 1, 4};
  for (int index = 0; index < 4; ++index) {
    const core::UserId buyer{200 + index};
    Bought(buyer, product_, kOwner);
    ASSERT_TRUE(WriteReview(buyer, product_, ratings[index]).has_value());
    clock_.Advance(std::chrono::minutes(1));
  }
  const auto ratings_of = [&](ReviewSort sort, int page, int per_page) {
    std::vector<int> seen;
    const ReviewPage listed = reviews_.ForProduct(product_, sort, page, per_page).value();
    for (const Review& review : listed.items) seen.push_back(review.rating);
    return seen;
  };
  EXPECT_EQ(ratings_of(ReviewSort::newest, 1, 10), (std::vector<int>{4, 1, 5, 3}));
  EXPECT_EQ(ratings_of(ReviewSort::highest, 1, 10), (std::vector<int>{5, 4, 3, 1}));
  EXPECT_EQ(ratings_of(ReviewSort::lowest, 1, 10), (std::vector<int>{1, 3, 4, 5}));
  EXPECT_EQ(ratings_of(ReviewSort::highest, 2, 3), (std::vector<int>{1}));
  auto page = reviews_.ForProduct(product_, ReviewSort::newest, 2, 3).value();
  EXPECT_EQ(page.total, 4);
  EXPECT_EQ(page.page, 2);
  EXPECT_DOUBLE_EQ(page.rating_average, 3.25);
  EXPECT_EQ(reviews_.ForProduct(core::ProductId{999'999}, ReviewSort::newest).error(), ReviewError::product_not_found);
}

TEST_F(ReviewServiceTest, OnlyTheSellingShopRepliesAndMayEditItsReply) {
  Bought(kBuyer, product_, kOwner);
  const ReviewId id = WriteReview(kBuyer, product_, 4)->id;
  EXPECT_EQ(reviews_.Reply(Seller(kOtherOwner), id, "남의 상점").error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.Reply(Buyer(kBuyer), id, "작성자").error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.Reply(core::Actor{}, id, "손님").error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.Reply(Seller(kOwner), ReviewId{424242}, "없음").error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.Reply(Seller(kOwner), id, "   ").error(), ReviewError::invalid_text);
  EXPECT_EQ(reviews_.Reply(Seller(kOwner), id, std::string(kMaxReply + 1, 'x')).error(), ReviewError::invalid_text);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reviews WHERE reply IS NOT NULL"), 0);
  auto replied = reviews_.Reply(Seller(kOwner), id, "감사합니다");
  ASSERT_TRUE(replied.has_value());
  EXPECT_EQ(replied->reply, "감사합니다");
  EXPECT_TRUE(replied->replied_at.has_value());
  EXPECT_EQ(reviews_.Reply(Seller(kOwner), id, "고맙습니다")->reply, "고맙습니다");
}

TEST_F(ReviewServiceTest, EachMemberReportsAReviewOnce) {
  Bought(kBuyer, product_, kOwner);
  const ReviewId id = WriteReview(kBuyer, product_, 1)->id;
  EXPECT_EQ(reviews_.Report(Buyer(kOtherBuyer), id, "광고")->report_count, 1);
  EXPECT_EQ(reviews_.Report(Buyer(kOtherBuyer), id, "광고").error(), ReviewError::already_reported);
  EXPECT_EQ(reviews_.Report(Seller(kOwner), id, "")->report_count, 2);
  EXPECT_EQ(reviews_.Report(core::Actor{}, id, "").error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.Report(Buyer(kOtherBuyer), ReviewId{424242}, "").error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.Report(Buyer(core::UserId{300}), id, std::string("a\0b", 3)).error(), ReviewError::invalid_text);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_reports"), 2);
}

std::vector<ReviewPhoto> Photos(int count, std::string prefix = "p") {
  std::vector<ReviewPhoto> photos;
  for (int index = 0; index < count; ++index) {
    const std::string name = prefix + std::to_string(index);
    photos.push_back({"/media/" + name + "-detail.jpg", "/media/" + name + "-list.jpg"});
  }
  return photos;
}

TEST_F(ReviewServiceTest, PhotosComeWithTheReviewAndInTheirOrder) {
  NewReview review{product_, std::nullopt, 5, "사진 후기", Photos(2)};
  // The check made before photos are stored says what Write would say, and writes nothing.
  EXPECT_EQ(reviews_.CanWrite(Buyer(kBuyer), review).error(), ReviewError::not_a_buyer);
  Bought(kBuyer, product_, kOwner);
  EXPECT_TRUE(reviews_.CanWrite(Buyer(kBuyer), review).has_value());
  EXPECT_EQ(reviews_.CanWrite(Buyer(kBuyer), {product_, std::nullopt, 0, ""}).error(), ReviewError::invalid_rating);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reviews"), 0);
  auto written = reviews_.Write(Buyer(kBuyer), review);
  ASSERT_TRUE(written.has_value()) << ErrorCode(written.error());
  ASSERT_EQ(written->photos.size(), 2u);
  EXPECT_EQ(written->photos[0].url, "/media/p0-detail.jpg");
  EXPECT_EQ(written->photos[1].thumbnail_url, "/media/p1-list.jpg");
  const auto page = reviews_.ForProduct(product_, ReviewSort::newest).value();
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].photos.size(), 2u);
  EXPECT_EQ(page.items[0].photos[1].url, "/media/p1-detail.jpg");
}

TEST_F(ReviewServiceTest, AReviewHasAtMostFivePhotosAddedByItsAuthorOnly) {
  Bought(kBuyer, product_, kOwner);
  Bought(kOtherBuyer, product_, kOwner);
  EXPECT_EQ(reviews_.Write(Buyer(kBuyer), {product_, std::nullopt, 5, "", Photos(6)}).error(),
            ReviewError::too_many_photos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reviews"), 0);
  const ReviewId id = reviews_.Write(Buyer(kBuyer), {product_, std::nullopt, 5, "", Photos(3)})->id;
  const ReviewId others = WriteReview(kOtherBuyer, product_, 3)->id;

  EXPECT_EQ(reviews_.FreePhotoSlots(Buyer(kBuyer), id).value(), 2u);
  // Someone else's review, the shop's owner, a visitor, an unknown review: as if it did not exist.
  EXPECT_EQ(reviews_.FreePhotoSlots(Buyer(kOtherBuyer), id).error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.FreePhotoSlots(Seller(kOwner), id).error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.FreePhotoSlots(core::Actor{}, id).error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.FreePhotoSlots(Buyer(kBuyer), ReviewId{424242}).error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.AddPhotos(Buyer(kOtherBuyer), id, Photos(1, "x")).error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.AddPhotos(Buyer(kBuyer), others, Photos(1, "x")).error(), ReviewError::review_not_found);
  EXPECT_EQ(reviews_.AddPhotos(core::Actor{}, id, Photos(1, "x")).error(), ReviewError::review_not_found);

  EXPECT_EQ(reviews_.AddPhotos(Buyer(kBuyer), id, Photos(3, "y")).error(), ReviewError::too_many_photos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_photos"), 3);
  auto added = reviews_.AddPhotos(Buyer(kBuyer), id, Photos(2, "z"));
  ASSERT_TRUE(added.has_value());
  ASSERT_EQ(added->photos.size(), 5u);
  EXPECT_EQ(added->photos[3].url, "/media/z0-detail.jpg");
  EXPECT_EQ(reviews_.FreePhotoSlots(Buyer(kBuyer), id).value(), 0u);
  EXPECT_EQ(reviews_.AddPhotos(Buyer(kBuyer), id, Photos(1, "w")).error(), ReviewError::too_many_photos);

  // A hidden review takes no more photos.
  ASSERT_TRUE(reviews_.SetHidden(Admin(), others, true, "규정 위반").has_value());
  EXPECT_EQ(reviews_.FreePhotoSlots(Buyer(kOtherBuyer), others).error(), ReviewError::review_not_found);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM review_photos"), 5);
}

}  // namespace
}  // namespace manmulsang::reviews
