#pragma once

// The seller center's routes as the server runs them, minus the socket, over a real store with
// every module the dashboard reads, and orders placed through the real checkout.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "manmulsang/reviews/reviews.hpp"
#include "manmulsang/search/search.hpp"
#include "manmulsang/seller_center/http/seller_center_routes.hpp"
#include "route_test_fixture.hpp"
#include "test_marketplace.hpp"

namespace manmulsang::seller_center {

using boost::json::object;

class SellerCenterTest : public ::testing::Test, public testing::RouteTestFixture {
 protected:
  SellerCenterTest() {
    AddSellerCenterRoutes(router_, renderer_, {center_});
  }

  core::SellerId Shop(core::UserId owner, std::string name,
                      sellers::ShopStatus status = sellers::ShopStatus::approved) {
    std::vector<sellers::NewShop> shops = {{owner, std::move(name), "", "평양", status}};
    return sellers_.InsertShops(shops).front();
  }

  core::ProductId Product(core::SellerId seller, std::int64_t price) {
    catalog::NewProduct product;
    product.seller = seller;
    product.category = catalog_.CategoryBySlug("food")->id;
    product.name = "상품 " + std::to_string(++product_number_);
    product.price = {price, core::Currency::kpw};
    product.stock = 100;
    product.created_at = clock_.Now();
    std::vector<catalog::NewProduct> products = {product};
    return catalog_.InsertProducts(products).front();
  }

  // buyer orders quantity of product, paid from the wallet.
  core::OrderId Order(core::UserId buyer, core::ProductId product, std::int64_t quantity = 1) {
    EXPECT_TRUE(payments_.CreditWallet({buyer, {1'000'000, core::Currency::kpw}, "입금표", kAdmin}).has_value());
    EXPECT_TRUE(cart_.AddItem(cart::CartOwner::Member(buyer), product, quantity).has_value());
    auto receipt = orders_.Checkout({buyer, orders::PaymentMethod::wallet, "평양시 중구역 1동"});
    EXPECT_TRUE(receipt.has_value());
    return receipt->orders.front().id;
  }

  static std::string Who(core::UserId user, std::string_view role = "seller") { return RouteTestFixture::Who(user, role); }
  static core::Actor Buyer(core::UserId user) { return {user, core::Role::buyer, "구매자"}; }
  static core::Actor Seller(core::UserId user) { return {user, core::Role::seller, "판매자"}; }

  static constexpr core::UserId kAdmin{1};
  static constexpr core::UserId kOwner{2};
  static constexpr core::UserId kOtherOwner{3};
  static constexpr core::UserId kPendingMember{4};
  static constexpr core::UserId kRejectedMember{5};
  static constexpr core::UserId kMember{6};  // never applied
  static constexpr core::UserId kBuyer{100};

  // The whole marketplace, its clock at 2026-11-26 12:00 in the marketplace's zone (UTC+9).
  testing::TestMarketplace store_{{.start = core::FromUnixSeconds(1'795'662'000)}};
  core::ManualClock& clock_ = store_.clock();
  sellers::SellerService& sellers_ = store_.services().sellers;
  catalog::CatalogService& catalog_ = store_.services().catalog;
  payments::PaymentService& payments_ = store_.services().payments;
  cart::CartService& cart_ = store_.services().cart;
  orders::OrderService& orders_ = store_.services().orders;
  reviews::QuestionService& questions_ = store_.services().questions;
  analytics::AnalyticsService& analytics_ = store_.services().analytics;
  SellerCenter center_{sellers_, catalog_, orders_, payments_, analytics_, questions_};
  int product_number_ = 0;
  core::SellerId shop_ = Shop(kOwner, "만물 상회");
  core::SellerId other_shop_ = Shop(kOtherOwner, "다른 상점");
  core::ProductId product_ = Product(shop_, 12'000);
  core::ProductId other_product_ = Product(other_shop_, 7'000);
};

}  // namespace manmulsang::seller_center
