#include <gtest/gtest.h>

#include <array>

#include "listing_test_store.hpp"
#include "manmulsang/catalog/listings.hpp"

namespace manmulsang::catalog {
namespace {

class ListingServiceTest : public ListingTestStore {
 protected:
  void SetUp() override { shops_ = InsertShops(); }

  static ListingInput Coat() {
    ListingInput input;
    input.category_slug = "clothing-winter";
    input.name = "솜동복";
    input.description = "따뜻한 겨울 솜옷\n손세탁";
    input.price = {40'000, core::Currency::kpw};
    input.stock = 7;
    return input;
  }

  static ListingInput CoatWithOptions() {
    ListingInput input = Coat();
    input.variants = {
        {std::nullopt, "M", "검정", {45'000, core::Currency::kpw}, 3},
        {std::nullopt, "L", "검정", {42'000, core::Currency::kpw}, 2},
    };
    return input;
  }

  std::vector<std::string> Found(std::string_view text, bool in_stock_only = false) {
    ProductQuery query;
    query.text = text;
    query.in_stock_only = in_stock_only;
    auto page = catalog_.ListProducts(query);
    std::vector<std::string> names;
    if (!page) return {"(refused)"};
    for (const Product& product : page->items) names.push_back(product.name);
    return names;
  }

  std::int64_t Column(core::ProductId id, std::string_view column) {
    return store_->Read([&](db::Connection& connection) {
      return connection.QueryOne("SELECT " + std::string(column) + " FROM products WHERE id = $1", {id.value})->Int(0);
    });
  }

  std::vector<core::SellerId> shops_;
};

TEST_F(ListingServiceTest, CreatedListingIsFoundAndHidingOrDeletingTakesItOut) {
  auto id = listings_.Create(Member(1), Coat());
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(Found("솜동복"), std::vector<std::string>{"솜동복"});
  auto product = catalog_.GetProduct(*id);
  ASSERT_TRUE(product.has_value());
  EXPECT_EQ(product->seller, shops_[0]);
  EXPECT_EQ(product->stock, 7);
  EXPECT_EQ(product->description, "따뜻한 겨울 솜옷\n손세탁");

  ASSERT_TRUE(listings_.SetHidden(Member(1), *id, true).has_value());
  EXPECT_TRUE(Found("솜동복").empty());
  EXPECT_FALSE(catalog_.GetProduct(*id).has_value());
  EXPECT_EQ(listings_.Get(Member(1), *id)->status, ProductStatus::hidden);  // the seller still sees it

  ASSERT_TRUE(listings_.SetHidden(Member(1), *id, false).has_value());
  EXPECT_EQ(Found("솜동복").size(), 1u);

  ASSERT_TRUE(listings_.Delete(Member(1), *id).has_value());
  EXPECT_TRUE(Found("솜동복").empty());
  EXPECT_EQ(listings_.Get(Member(1), *id).error().error, ListingError::listing_not_found);
  EXPECT_EQ(listings_.ShopListings(Member(1), {})->total, 0);
}

TEST_F(ListingServiceTest, AnotherShopsListingIsNotFoundAndUnchanged) {
  auto id = listings_.Create(Member(1), Coat());
  ASSERT_TRUE(id.has_value());
  ListingInput renamed = Coat();
  renamed.name = "가로챈 이름";
  EXPECT_EQ(listings_.Get(Member(2), *id).error().error, ListingError::listing_not_found);
  EXPECT_EQ(listings_.Update(Member(2), *id, renamed).error().error, ListingError::listing_not_found);
  renamed.name = "";  // a bad field still reads as not found to another shop
  EXPECT_EQ(listings_.Update(Member(2), *id, renamed).error().error, ListingError::listing_not_found);
  EXPECT_EQ(listings_.SetHidden(Member(2), *id, true).error().error, ListingError::listing_not_found);
  EXPECT_EQ(listings_.Delete(Member(2), *id).error().error, ListingError::listing_not_found);
  EXPECT_EQ(listings_.AddImage(Member(2), *id, "/media/a.webp", "/media/b.webp").error().error,
            ListingError::listing_not_found);
  EXPECT_EQ(listings_.RemoveImage(Member(2), *id, 0).error().error, ListingError::listing_not_found);
  EXPECT_EQ(listings_.ShopListings(Member(2), {})->total, 0);

  auto product = catalog_.GetProduct(*id);
  ASSERT_TRUE(product.has_value());
  EXPECT_EQ(product->name, "솜동복");
  EXPECT_TRUE(product->images.empty());
}

TEST_F(ListingServiceTest, OnlyApprovedShopsList) {
  EXPECT_EQ(listings_.Create(Member(3), Coat()).error().error, ListingError::not_a_seller);  // pending
  EXPECT_EQ(listings_.Create(Member(4), Coat()).error().error, ListingError::not_a_seller);  // never applied
  EXPECT_EQ(listings_.Create(core::Actor{}, Coat()).error().error, ListingError::not_a_seller);
  EXPECT_EQ(catalog_.CountActiveProducts(), 0);
}

TEST_F(ListingServiceTest, BadFieldsAreNamed) {
  auto field_of = [&](ListingInput input) {
    auto created = listings_.Create(Member(1), input);
    EXPECT_FALSE(created.has_value());
    return created ? std::string("created") : created.error().field;
  };
  ListingInput input = Coat();
  input.name = "  ";
  EXPECT_EQ(field_of(input), "name");
  input.name = std::string(201, 'a');
  EXPECT_EQ(field_of(input), "name");
  input.name = "이름\x01";
  EXPECT_EQ(field_of(input), "name");
  input.name = "\xff\xfe";
  EXPECT_EQ(field_of(input), "name");
  input = Coat();
  input.description = std::string(5001, 'a');
  EXPECT_EQ(field_of(input), "description");
  input = Coat();
  input.category_slug = "no-such-category";
  EXPECT_EQ(field_of(input), "category");
  input = Coat();
  input.price.amount = 0;
  EXPECT_EQ(field_of(input), "price");
  input.price.amount = 1'000'000'001;
  EXPECT_EQ(field_of(input), "price");
  input = Coat();
  input.stock = -1;
  EXPECT_EQ(field_of(input), "stock");
  input.stock = 1'000'001;
  EXPECT_EQ(field_of(input), "stock");
  input = CoatWithOptions();
  input.variants[1].size = std::string(41, 'X');
  EXPECT_EQ(field_of(input), "variants[1].size");
  input = CoatWithOptions();
  input.variants[1].colour = "검\n정";
  EXPECT_EQ(field_of(input), "variants[1].colour");
  input = CoatWithOptions();
  input.variants[0].price = {100, core::Currency::usd};  // another currency than the listing's
  EXPECT_EQ(field_of(input), "variants[0].price");
  input = CoatWithOptions();
  input.variants[1].size = "M";  // the same option twice
  EXPECT_EQ(field_of(input), "variants[1].size");
  input = CoatWithOptions();
  input.variants.resize(kMaxListingVariants + 1, input.variants[0]);
  EXPECT_EQ(field_of(input), "variants");
  EXPECT_EQ(catalog_.CountActiveProducts(), 0);
  // A price in dollars is fine up to 1,000,000.00.
  input = Coat();
  input.price = {100'000'000, core::Currency::usd};
  EXPECT_TRUE(listings_.Create(Member(1), input).has_value());
}

TEST_F(ListingServiceTest, OptionsSetTheListingsStockAndPriceAndStayOutOfLists) {
  auto id = listings_.Create(Member(1), CoatWithOptions());
  ASSERT_TRUE(id.has_value());
  auto product = catalog_.GetProduct(*id);
  ASSERT_TRUE(product.has_value());
  EXPECT_EQ(product->stock, 5);              // 3 + 2
  EXPECT_EQ(product->price.amount, 42'000);  // the lowest
  ASSERT_EQ(product->variants.size(), 2u);
  EXPECT_EQ(product->variants[0].size, "M");
  EXPECT_EQ(product->variants[1].price.amount, 42'000);
  // Options are not listings: one listing in lists, counts, search and the shop.
  EXPECT_EQ(catalog_.CountActiveProducts(), 1);
  EXPECT_EQ(catalog_.NewestProducts(10).size(), 1u);
  EXPECT_EQ(Found("솜동복").size(), 1u);
  EXPECT_EQ(listings_.ShopListings(Member(1), {})->total, 1);
  ProductQuery category;
  category.category = catalog_.CategoryBySlug("clothing")->id;
  EXPECT_EQ(catalog_.ListProducts(category)->total, 1);

  // The listing itself cannot be bought; its options can, named for order lines.
  const std::array<core::ProductId, 3> ids = {*id, product->variants[0].id, product->variants[1].id};
  auto sellable =
      store_->Read([&](db::Connection& connection) { return catalog_.ProductsForCheckout(connection, ids); });
  ASSERT_EQ(sellable.size(), 2u);
  EXPECT_EQ(sellable[0].name, "솜동복 (M / 검정)");
  EXPECT_EQ(sellable[0].price.amount, 45'000);
  const std::array<StockRequest, 1> whole = {{{*id, 1}}};
  EXPECT_FALSE(store_->Write([&](db::Connection& connection) { return catalog_.ReserveStock(connection, whole); }));

  // An option's page is its listing's.
  EXPECT_EQ(catalog_.GetProduct(product->variants[0].id)->id, *id);
}

TEST_F(ListingServiceTest, BuyingAnOptionMovesTheListingsStockAndIndex) {
  auto id = listings_.Create(Member(1), CoatWithOptions());
  ASSERT_TRUE(id.has_value());
  auto product = catalog_.GetProduct(*id);
  const core::ProductId medium = product->variants[0].id;
  const core::ProductId large = product->variants[1].id;

  const std::array<StockRequest, 1> two_medium = {{{medium, 2}}};
  ASSERT_TRUE(store_->Write([&](db::Connection& connection) { return catalog_.ReserveStock(connection, two_medium); }));
  EXPECT_EQ(Column(*id, "stock"), 3);
  EXPECT_EQ(Column(medium, "stock"), 1);

  const std::array<StockRequest, 2> the_rest = {{{medium, 1}, {large, 2}}};
  ASSERT_TRUE(store_->Write([&](db::Connection& connection) { return catalog_.ReserveStock(connection, the_rest); }));
  EXPECT_EQ(Column(*id, "stock"), 0);
  EXPECT_TRUE(Found("솜동복", true).empty());  // sold out in the index with the same commit
  EXPECT_EQ(Found("솜동복").size(), 1u);

  store_->Write([&](db::Connection& connection) { catalog_.ReleaseStock(connection, two_medium); });
  EXPECT_EQ(Column(*id, "stock"), 2);
  EXPECT_EQ(Found("솜동복", true).size(), 1u);

  // A hidden listing's options cannot be bought.
  ASSERT_TRUE(listings_.SetHidden(Member(1), *id, true));
  const std::array<StockRequest, 1> one_medium = {{{medium, 1}}};
  EXPECT_FALSE(
      store_->Write([&](db::Connection& connection) { return catalog_.ReserveStock(connection, one_medium); }));
  EXPECT_EQ(Column(medium, "stock"), 2);
}

TEST_F(ListingServiceTest, UpdateMatchesOptionsByIdAndRemovesTheOthers) {
  auto id = listings_.Create(Member(1), CoatWithOptions());
  ASSERT_TRUE(id.has_value());
  auto before = listings_.Get(Member(1), *id);
  ListingInput edit = CoatWithOptions();
  edit.name = "솜동복 새것";
  edit.variants = {
      {before->variants[0].id, "M", "검정", {30'000, core::Currency::kpw}, 10},
      {std::nullopt, "XL", "", {50'000, core::Currency::kpw}, 1},
  };
  auto after = listings_.Update(Member(1), *id, edit);
  ASSERT_TRUE(after.has_value()) << after.error().field;
  ASSERT_EQ(after->variants.size(), 2u);
  EXPECT_EQ(after->variants[0].id, before->variants[0].id);
  EXPECT_EQ(after->variants[1].size, "XL");
  EXPECT_EQ(after->stock, 11);
  EXPECT_EQ(after->price.amount, 30'000);
  EXPECT_EQ(Found("새것").size(), 1u);
  // The removed option can no longer be bought.
  const std::array<core::ProductId, 1> removed = {before->variants[1].id};
  EXPECT_TRUE(
      store_->Read([&](db::Connection& connection) { return catalog_.ProductsForCheckout(connection, removed); })
          .empty());

  // Another listing's option id is refused, naming it.
  auto other = listings_.Create(Member(1), CoatWithOptions());
  edit.variants[1].id = listings_.Get(Member(1), *other)->variants[0].id;
  EXPECT_EQ(listings_.Update(Member(1), *id, edit).error().field, "variants[1].id");

  // Without options again: the listing's own price and stock.
  ListingInput plain = Coat();
  auto single = listings_.Update(Member(1), *id, plain);
  ASSERT_TRUE(single.has_value());
  EXPECT_TRUE(single->variants.empty());
  EXPECT_EQ(single->stock, 7);
  const std::array<core::ProductId, 1> listing = {*id};
  EXPECT_EQ(store_->Read([&](db::Connection& connection) { return catalog_.ProductsForCheckout(connection, listing); })
                .size(),
            1u);
}

TEST_F(ListingServiceTest, ImagesAreAddedUpToTenAndRemovedByPosition) {
  auto id = listings_.Create(Member(1), Coat());
  ASSERT_TRUE(id.has_value());
  for (int index = 0; index < 10; ++index) {
    auto added =
        listings_.AddImage(Member(1), *id, "/media/d" + std::to_string(index), "/media/l" + std::to_string(index));
    ASSERT_TRUE(added.has_value());
  }
  EXPECT_EQ(listings_.AddImage(Member(1), *id, "/media/d10", "/media/l10").error().error,
            ListingError::too_many_images);
  auto removed = listings_.RemoveImage(Member(1), *id, 0);
  ASSERT_TRUE(removed.has_value());
  ASSERT_EQ(removed->images.size(), 9u);
  EXPECT_EQ(removed->images.front(), "/media/d1");
  EXPECT_EQ(removed->list_images.front(), "/media/l1");
  EXPECT_EQ(listings_.RemoveImage(Member(1), *id, 9).error().field, "position");
}

TEST_F(ListingServiceTest, ShopRatingWeighsListingsByTheirReviews) {
  auto first = listings_.Create(Member(1), Coat());
  auto second = listings_.Create(Member(1), Coat());
  store_->Write([&](db::Connection& connection) {
    catalog_.SetRating(connection, *first, 5.0, 3);
    catalog_.SetRating(connection, *second, 1.0, 1);
  });
  ShopRating rating = catalog_.ShopRatingOf(shops_[0]);
  EXPECT_DOUBLE_EQ(rating.average, 4.0);
  EXPECT_EQ(rating.count, 4);
  ASSERT_TRUE(listings_.SetHidden(Member(1), *second, true));
  EXPECT_DOUBLE_EQ(catalog_.ShopRatingOf(shops_[0]).average, 5.0);
  EXPECT_EQ(catalog_.ShopRatingOf(shops_[1]).count, 0);
}

}  // namespace
}  // namespace manmulsang::catalog
