#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "manmulsang/catalog/http/catalog_routes.hpp"
#include "manmulsang/http/page_cache.hpp"
#include "manmulsang/storefront/http/storefront_routes.hpp"
#include "manmulsang/wishlist/http/wishlist_routes.hpp"
#include "marketplace_test_fixture.hpp"
#include "route_test_fixture.hpp"

namespace manmulsang::wishlist {
namespace {

// The wishlist routes beside the catalog's pages, wired as the server wires them: hearts on the
// product, shop and search pages, and the anonymous pages shared through the page cache.
class WishlistRoutesTest : public testing::MarketplaceTestFixture, public testing::RouteTestFixture {
 protected:
  WishlistRoutesTest() {
    catalog::AddCatalogRoutes(router_, renderer_, catalog_, sellers_, page_cache_, store_.services().trending, nullptr,
                              {}, &wishlist_);
    AddWishlistRoutes(router_, renderer_, {wishlist_, catalog_});
    storefront::AddStorefrontRoutes(router_, renderer_, accounts_, analytics_, sellers_, catalog_,
                                    store_.services().trending, page_cache_, &wishlist_);
  }

  std::string Body(const http::Response& response) { return std::string(response.BodyView()); }
  http::Response Put(std::string_view target, std::string_view who) { return Send(http::Method::put, target, "", who); }
  http::Response Delete(std::string_view target, std::string_view who) {
    return Send(http::Method::delete_, target, "", who);
  }
  std::string ProductPath() { return "/p/" + std::to_string(product_.value); }
  std::string WishlistPath(core::ProductId product) { return "/api/v1/wishlist/" + std::to_string(product.value); }

  static constexpr core::UserId kOwner{2};
  static constexpr core::UserId kBuyer{100};
  static constexpr core::UserId kOtherBuyer{101};

  http::PageCache page_cache_;
  WishlistService& wishlist_ = store_.services().wishlist;
  core::SellerId shop_ = store_.AddShop(kOwner, "상점");
  core::ProductId product_ = store_.AddListing(shop_, 10'000);
};

TEST_F(WishlistRoutesTest, ApiSavesListsAndRemovesOnlyTheCallersItems) {
  EXPECT_EQ(Put(WishlistPath(product_), Who(kBuyer)).status, http::Status::no_content);
  EXPECT_EQ(Put(WishlistPath(product_), Who(kBuyer)).status, http::Status::no_content);  // again: unchanged

  auto list = Json(Get("/api/v1/wishlist", Who(kBuyer)));
  ASSERT_EQ(list.at("total").as_int64(), 1);
  const auto& item = list.at("items").as_array().front().as_object();
  EXPECT_EQ(item.at("product_id").as_int64(), product_.value);
  EXPECT_EQ(item.at("saved_price").at("amount").as_int64(), 10'000);
  EXPECT_TRUE(item.at("price_drop").is_null());
  EXPECT_TRUE(item.at("available").as_bool());

  EXPECT_EQ(Json(Get("/api/v1/wishlist", Who(kOtherBuyer))).at("total").as_int64(), 0);
  const auto anonymous = Get("/api/v1/wishlist");
  EXPECT_EQ(anonymous.status, http::Status::unauthorized);
  EXPECT_EQ(Code(anonymous), "unauthenticated");

  const auto unknown = Put(WishlistPath(core::ProductId{999'999}), Who(kBuyer));
  EXPECT_EQ(unknown.status, http::Status::not_found);
  EXPECT_EQ(Code(unknown), "product_not_found");
  EXPECT_EQ(Put("/api/v1/wishlist/abc", Who(kBuyer)).status, http::Status::not_found);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wishlist_items"), 1);

  EXPECT_EQ(Delete(WishlistPath(product_), Who(kOtherBuyer)).status, http::Status::no_content);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wishlist_items"), 1);  // the other member's own list, empty
  EXPECT_EQ(Delete(WishlistPath(product_), Who(kBuyer)).status, http::Status::no_content);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wishlist_items"), 0);
}

TEST_F(WishlistRoutesTest, ApiFollowsAShopAndListsItsNewListings) {
  const std::string shop_path = "/api/v1/following/" + std::to_string(shop_.value);
  EXPECT_EQ(Put(shop_path, Who(kBuyer)).status, http::Status::no_content);
  const auto unknown = Put("/api/v1/following/999999", Who(kBuyer));
  EXPECT_EQ(unknown.status, http::Status::not_found);
  EXPECT_EQ(Code(unknown), "shop_not_found");

  auto following = Json(Get("/api/v1/following", Who(kBuyer)));
  ASSERT_EQ(following.at("total").as_int64(), 1);
  EXPECT_EQ(following.at("items").as_array().front().at("shop_id").as_int64(), shop_.value);
  auto listings = Json(Get("/api/v1/following/listings", Who(kBuyer)));
  ASSERT_EQ(listings.at("total").as_int64(), 1);
  EXPECT_EQ(listings.at("items").as_array().front().at("id").as_int64(), product_.value);
  EXPECT_EQ(Json(Get("/api/v1/following/listings", Who(kOtherBuyer))).at("total").as_int64(), 0);

  EXPECT_EQ(Delete(shop_path, Who(kBuyer)).status, http::Status::no_content);
  EXPECT_EQ(Json(Get("/api/v1/following", Who(kBuyer))).at("total").as_int64(), 0);
}

TEST_F(WishlistRoutesTest, HeartFormComesBackToThisSiteOnly) {
  auto saved = PostForm("/wishlist/" + std::to_string(product_.value), {{"return", "/search?q=x"}}, Who(kBuyer));
  EXPECT_EQ(saved.status, http::Status::see_other);
  EXPECT_EQ(saved.Header("Location"), "/search?q=x");
  EXPECT_EQ(wishlist_.Count(Buyer(kBuyer)), 1);

  for (const char* elsewhere : {"//evil.example/", "https://evil.example/", "/\\evil.example", ""}) {
    auto removed =
        PostForm("/wishlist/" + std::to_string(product_.value) + "/remove", {{"return", elsewhere}}, Who(kBuyer));
    EXPECT_EQ(removed.Header("Location"), ProductPath()) << elsewhere;
  }
  EXPECT_EQ(wishlist_.Count(Buyer(kBuyer)), 0);

  // A visitor signs in first and comes back to the page.
  auto visitor = PostForm("/wishlist/" + std::to_string(product_.value), {{"return", "/c/food"}}, "");
  EXPECT_EQ(visitor.status, http::Status::see_other);
  EXPECT_EQ(visitor.Header("Location"), "/login?next=%2Fc%2Ffood");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM wishlist_items"), 0);

  EXPECT_EQ(PostForm("/wishlist/999999", {}, Who(kBuyer)).status, http::Status::not_found);
}

TEST_F(WishlistRoutesTest, ProductPageHeartIsTheMembersAndTheCachedPageCarriesNone) {
  ASSERT_TRUE(wishlist_.Save(Buyer(kBuyer), product_).has_value());
  // A visitor first: the page goes into the cache with an empty heart.
  const std::string visitor = Body(Get(ProductPath()));
  EXPECT_NE(visitor.find("action=\"/wishlist/" + std::to_string(product_.value) + "\""), std::string::npos);
  EXPECT_EQ(visitor.find("/remove\""), std::string::npos);
  const std::string member = Body(Get(ProductPath(), Who(kBuyer)));
  EXPECT_NE(member.find("action=\"/wishlist/" + std::to_string(product_.value) + "/remove\""), std::string::npos);
  const std::string other = Body(Get(ProductPath(), Who(kOtherBuyer)));
  EXPECT_EQ(other.find("/remove\""), std::string::npos);
  // And the visitor after the members: still the empty heart, no strip.
  const std::string again = Body(Get(ProductPath()));
  EXPECT_EQ(again.find("/remove\""), std::string::npos);
  EXPECT_EQ(again.find("recently-viewed"), std::string::npos);
}

TEST_F(WishlistRoutesTest, RecentlyViewedStripFollowsTheMembersViews) {
  const core::ProductId second = store_.AddListing(shop_, 2'000);
  Get(ProductPath(), Who(kBuyer));
  const std::string page = Body(Get("/p/" + std::to_string(second.value), Who(kBuyer)));
  const std::size_t strip = page.find("id=\"recently-viewed-title\"");
  ASSERT_NE(strip, std::string::npos);
  EXPECT_NE(page.find("href=\"" + ProductPath() + "\"", strip), std::string::npos);
  // The other member viewed nothing.
  EXPECT_EQ(Body(Get(ProductPath(), Who(kOtherBuyer))).find("id=\"recently-viewed-title\""), std::string::npos);
  const std::string wishlist = Body(Get("/wishlist", Who(kBuyer)));
  EXPECT_NE(wishlist.find("href=\"/p/" + std::to_string(second.value) + "\""), std::string::npos);
}

TEST_F(WishlistRoutesTest, WishlistPageShowsThePriceDropAndSoldOut) {
  ASSERT_TRUE(wishlist_.Save(Buyer(kBuyer), product_).has_value());
  const catalog::Product product = catalog_.GetProduct(product_).value();
  catalog::ListingInput input;
  input.category_slug = catalog_.CategoryById(product.category)->slug;
  input.name = product.name;
  input.description = product.description;
  input.price = core::Money{8'000, product.price.currency};
  input.stock = 0;
  ASSERT_TRUE(listings_.Update(Seller(kOwner), product_, input).has_value());

  const auto response = Get("/wishlist", Who(kBuyer));
  EXPECT_EQ(response.status, http::Status::ok);
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  const std::string page = Body(response);
  EXPECT_NE(page.find("2,000원 내림"), std::string::npos);
  EXPECT_NE(page.find("badge-sold-out"), std::string::npos);
  EXPECT_EQ(Body(Get("/wishlist", Who(kOtherBuyer))).find(product.name), std::string::npos);
  EXPECT_EQ(Get("/wishlist").Header("Location"), "/login?next=%2Fwishlist");
}

TEST_F(WishlistRoutesTest, ShopPageFollowButtonAndFollowingPage) {
  const std::string shop_path = "/s/" + std::to_string(shop_.value);
  EXPECT_NE(Body(Get(shop_path, Who(kBuyer))).find("action=\"/following/" + std::to_string(shop_.value) + "\""),
            std::string::npos);
  auto followed = PostForm("/following/" + std::to_string(shop_.value), {{"return", shop_path}}, Who(kBuyer));
  EXPECT_EQ(followed.Header("Location"), shop_path);
  EXPECT_NE(Body(Get(shop_path, Who(kBuyer))).find("/following/" + std::to_string(shop_.value) + "/remove"),
            std::string::npos);
  // The visitor's cached shop page offers the follow button, never someone's "following".
  EXPECT_EQ(Body(Get(shop_path)).find("/following/" + std::to_string(shop_.value) + "/remove"), std::string::npos);

  const std::string following = Body(Get("/following", Who(kBuyer)));
  EXPECT_NE(following.find("상점"), std::string::npos);
  EXPECT_NE(following.find("href=\"/p/" + std::to_string(product_.value) + "\""), std::string::npos);
  EXPECT_EQ(PostForm("/following/999999", {}, Who(kBuyer)).status, http::Status::not_found);
}

TEST_F(WishlistRoutesTest, HomePageHeartsAreTheSignedInMembersOnly) {
  ASSERT_TRUE(wishlist_.Save(Buyer(kBuyer), product_).has_value());
  const std::string remove = "action=\"/wishlist/" + std::to_string(product_.value) + "/remove\"";
  EXPECT_EQ(Body(Get("/")).find(remove), std::string::npos);
  EXPECT_NE(Body(Get("/", Who(kBuyer))).find(remove), std::string::npos);
  EXPECT_EQ(Body(Get("/", Who(kOtherBuyer))).find(remove), std::string::npos);
  EXPECT_EQ(Body(Get("/")).find(remove), std::string::npos);  // the cached page after the members
}

}  // namespace
}  // namespace manmulsang::wishlist
