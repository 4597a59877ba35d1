#include <chrono>

#include "buying_routes_fixture.hpp"
#include "manmulsang/core/money.hpp"
#include "manmulsang/html/date_text.hpp"

namespace manmulsang::orders {
namespace {

class BuyingPagesTest : public BuyingApiTest {
 protected:
  static std::string Cookie(const http::Response& response, std::string_view name) {
    for (const auto& [header, value] : response.headers) {
      if (header == "Set-Cookie" && value.starts_with(std::string(name) + "=")) {
        return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
      }
    }
    return {};
  }
  static bool Contains(const http::Response& response, std::string_view text) {
    return response.body.find(text) != std::string::npos;
  }
};

TEST_F(BuyingPagesTest, GuestCartIsMergedAtSignIn) {
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "보통강 상점"), 4'000, 5);
  auto added = PostForm("/cart/items", {{"product_id", std::to_string(product.value)}, {"quantity", "2"}}, "");
  ASSERT_EQ(added.status, http::Status::see_other) << added.body;
  EXPECT_EQ(Header(added, "Location"), "/cart?added=1");
  const std::string token = Cookie(added, "mm_cart");
  ASSERT_EQ(token.size(), 64u);
  const Headers guest_cookie = {{"Cookie", "mm_cart=" + token}};
  auto guest_cart = Send(http::Method::get, "/cart", "", "", guest_cookie);
  ASSERT_EQ(guest_cart.status, http::Status::ok);
  EXPECT_TRUE(Contains(guest_cart, "보통강 상점"));
  EXPECT_TRUE(Contains(guest_cart, "8,000원"));
  // A guest is sent to sign in before checking out.
  auto checkout = Send(http::Method::get, "/checkout", "", "", guest_cookie);
  EXPECT_EQ(checkout.status, http::Status::see_other);
  EXPECT_EQ(Header(checkout, "Location"), "/login?next=%2Fcheckout");

  // The first request after sign-in merges the cart and deletes the cookie.
  auto member_cart = Send(http::Method::get, "/cart", "", kBuyerWho, guest_cookie);
  ASSERT_EQ(member_cart.status, http::Status::ok);
  EXPECT_TRUE(Contains(member_cart, "8,000원"));
  EXPECT_EQ(Cookie(member_cart, "mm_cart"), "gone");
  ASSERT_EQ(cart_.Items(cart::CartOwner::Member(kBuyer)).size(), 1u);
  EXPECT_EQ(cart_.Items(cart::CartOwner::Member(kBuyer))[0].quantity, 2);
}

TEST_F(BuyingPagesTest, CheckoutWithTheWalletThenCancelWithoutJavaScript) {
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 4'000, 5);
  store_.TopUp(kBuyer, 10'000);
  ASSERT_EQ(
      PostForm("/cart/items", {{"product_id", std::to_string(product.value)}, {"quantity", "2"}}, kBuyerWho).status,
      http::Status::see_other);
  auto form = Get("/checkout", kBuyerWho);
  ASSERT_EQ(form.status, http::Status::ok);
  EXPECT_TRUE(Contains(form, "name=\"idempotency_key\""));
  EXPECT_TRUE(Contains(form, "10,000원"));  // the balance
  const Headers fields = {{"payment_method", "wallet"},
                          {"address_id", "new"},
                          {"address", "평양시 중구역"},
                          {"idempotency_key", "form-key-1"}};
  auto placed = PostForm("/checkout", fields, kBuyerWho);
  ASSERT_EQ(placed.status, http::Status::see_other) << placed.body;
  const std::string location = Header(placed, "Location");
  ASSERT_TRUE(location.starts_with("/orders/"));
  // A double click sends the form again: the same order, not a second one.
  EXPECT_EQ(Header(PostForm("/checkout", fields, kBuyerWho), "Location"), location);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 1);

  auto page = Get(location, kBuyerWho);
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_TRUE(Contains(page, "결제 완료"));
  EXPECT_TRUE(Contains(page, "/cancel"));
  EXPECT_FALSE(Contains(page, "/confirm\""));
  const std::string order_path = location.substr(0, location.find('?'));
  EXPECT_EQ(Get(order_path, "555:buyer").status, http::Status::not_found);
  auto cancelled = PostForm(order_path + "/cancel", {}, kBuyerWho);
  ASSERT_EQ(cancelled.status, http::Status::see_other);
  page = Get(order_path, kBuyerWho);
  EXPECT_TRUE(Contains(page, "주문 취소"));
  EXPECT_FALSE(Contains(page, "/cancel\""));
  auto again = PostForm(order_path + "/cancel", {}, kBuyerWho);
  EXPECT_EQ(again.status, http::Status::conflict);
  EXPECT_TRUE(Contains(again, "지금 주문 상태에서는"));
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 10'000);
  EXPECT_EQ(Stock(product), 5);
  auto listed = Get("/orders", kBuyerWho);
  EXPECT_TRUE(Contains(listed, order_path));
  auto wallet = Get("/wallet", kBuyerWho);
  EXPECT_TRUE(Contains(wallet, "환불"));
  // Times read as people read them, in the marketplace's zone, on the order and the wallet.
  const std::string now = html::DateTimeText(clock_.Now());
  EXPECT_TRUE(Contains(page, ">" + now + "</time>")) << now;
  EXPECT_TRUE(Contains(wallet, ">" + now + "</time>")) << now;
}

TEST_F(BuyingPagesTest, CheckoutWithPickupForOneShopAndCourierForAnother) {
  const core::SellerId pickup_shop = store_.AddShop(kShopOwner, "창전 상점");
  const core::SellerId courier_shop = store_.AddShop(core::UserId{3}, "남포 상점");
  ASSERT_TRUE(sellers_.SetDeliveryOptions(Seller(kShopOwner), pickup_shop, {3'000, std::nullopt, true, "창전거리 5"}));
  ASSERT_TRUE(sellers_.SetDeliveryOptions(Seller(core::UserId{3}), courier_shop, {2'500, std::nullopt, false, ""}));
  const core::ProductId rice = store_.AddListing(pickup_shop, 10'000, 5);
  const core::ProductId pen = store_.AddListing(courier_shop, 5'000, 5);
  store_.TopUp(kBuyer, 50'000);
  for (core::ProductId product : {rice, pen}) {
    ASSERT_EQ(
        PostForm("/cart/items", {{"product_id", std::to_string(product.value)}, {"quantity", "1"}}, kBuyerWho).status,
        http::Status::see_other);
  }
  auto cart = Get("/cart", kBuyerWho);
  EXPECT_TRUE(Contains(cart, "3,000원"));
  EXPECT_TRUE(Contains(cart, "20,500원"));  // goods 15,000 + courier 3,000 + 2,500

  const std::string pickup_field = "delivery_" + std::to_string(pickup_shop.value);
  const std::string courier_field = "delivery_" + std::to_string(courier_shop.value);
  auto form = Get("/checkout", kBuyerWho);
  ASSERT_EQ(form.status, http::Status::ok);
  EXPECT_TRUE(Contains(form, "name=\"" + pickup_field + "\" value=\"pickup\""));
  EXPECT_FALSE(Contains(form, "name=\"" + courier_field + "\" value=\"pickup\""));  // not offered
  EXPECT_TRUE(Contains(form, "창전거리 5"));

  // Pickup where the shop has none, or a made-up method: the form comes back, nothing placed.
  Headers fields = {{"payment_method", "wallet"},           {"address_id", "new"},    {"address", "평양시 중구역"},
                    {"idempotency_key", "delivery-form-1"}, {pickup_field, "pickup"}, {courier_field, "pickup"}};
  auto refused = PostForm("/checkout", fields, kBuyerWho);
  EXPECT_EQ(refused.status, http::Status::bad_request);
  EXPECT_TRUE(Contains(refused, "직접 찾아가기를 하지 않습니다"));
  fields.back().second = "drone";
  EXPECT_EQ(PostForm("/checkout", fields, kBuyerWho).status, http::Status::bad_request);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 0);

  fields.back().second = "courier";
  auto placed = PostForm("/checkout", fields, kBuyerWho);
  ASSERT_EQ(placed.status, http::Status::see_other) << placed.body;
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 50'000 - 17'500);
  for (const Order& order : orders_.BuyerOrders(kBuyer).items) {
    auto page = Get("/orders/" + std::to_string(order.id.value), kBuyerWho);
    ASSERT_EQ(page.status, http::Status::ok);
    if (order.seller == pickup_shop) {
      EXPECT_TRUE(Contains(page, "data-delivery=\"pickup\""));
      EXPECT_TRUE(Contains(page, "창전거리 5"));
      EXPECT_EQ(order.total_kpw, 10'000);
    } else {
      EXPECT_TRUE(Contains(page, "data-delivery=\"courier\""));
      EXPECT_TRUE(Contains(page, "2,500원"));
      EXPECT_EQ(order.total_kpw, 7'500);
    }
  }
}

// Coupons (docs/BUYING.md §10): the buyer's page shows both discounts, the shop's page its own
// coupon and a note that the marketplace's coupon is the marketplace's; an order without coupons
// shows no coupon lines at all.
TEST_F(BuyingPagesTest, OrderPagesShowCouponDiscountsOnlyWhenSomethingWasTakenOff) {
  const core::SellerId shop = store_.AddShop(kShopOwner, "창전 상점");
  const core::ProductId rice = store_.AddListing(shop, 40'000, 5);
  store_.TopUp(kBuyer, 200'000);
  coupons::CouponService& coupons = store_.services().coupons;
  const auto amount_off = [&](std::string name, std::int64_t amount) {
    return coupons::NewCoupon{.name = std::move(name),
                              .kind = coupons::CouponKind::amount,
                              .amount = amount,
                              .minimum_order = 0,
                              .valid_from = clock_.Now(),
                              .valid_until = clock_.Now() + std::chrono::days(7),
                              .total_limit = 10};
  };
  auto shop_coupon = coupons.CreateShopCoupon(Seller(kShopOwner), shop, amount_off("상점 쿠폰", 7'000));
  auto site_coupon = coupons.CreateSiteCoupon(kAdminUser, amount_off("만물상 쿠폰", 3'000));
  ASSERT_TRUE(shop_coupon.has_value());
  ASSERT_TRUE(site_coupon.has_value());
  auto shop_claim = coupons.ClaimCoupon(kBuyer, shop_coupon->id);
  auto site_claim = coupons.ClaimCoupon(kBuyer, site_coupon->id);
  ASSERT_TRUE(shop_claim.has_value());
  ASSERT_TRUE(site_claim.has_value());

  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), rice, 1).has_value());
  CheckoutCommand with_coupons = Command(kBuyer, PaymentMethod::wallet, "coupon-page-1");
  with_coupons.claims = {shop_claim->id, site_claim->id};
  auto discounted = orders_.Checkout(with_coupons);
  ASSERT_TRUE(discounted.has_value()) << ErrorCode(discounted.error().error);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), rice, 1).has_value());
  auto plain = orders_.Checkout(Command(kBuyer, PaymentMethod::wallet, "coupon-page-2"));
  ASSERT_TRUE(plain.has_value()) << ErrorCode(plain.error().error);
  const std::string discounted_id = std::to_string(discounted->orders.front().id.value);
  const std::string plain_id = std::to_string(plain->orders.front().id.value);

  auto buyer_page = Get("/orders/" + discounted_id, kBuyerWho);
  ASSERT_EQ(buyer_page.status, http::Status::ok);
  EXPECT_TRUE(Contains(buyer_page, "상점 쿠폰 할인 <span class=\"price\">−7,000원</span>")) << buyer_page.body;
  EXPECT_TRUE(Contains(buyer_page, "만물상 쿠폰 할인 (만물상 부담) <span class=\"price\">−3,000원</span>"));
  EXPECT_TRUE(Contains(buyer_page, "40,000원"));
  const Order order = *orders_.GetOrder(Buyer(kBuyer), discounted->orders.front().id);
  EXPECT_EQ(order.total_kpw, 40'000 - 7'000 - 3'000 + order.delivery_fee_kpw);
  EXPECT_TRUE(Contains(
      buyer_page, "class=\"price order-total\">" + core::FormatMoney({order.total_kpw, core::Currency::kpw}, "ko")));

  constexpr std::string_view kOwnerWho = "2:seller";
  auto shop_page = Get("/seller/orders/" + discounted_id, kOwnerWho);
  ASSERT_EQ(shop_page.status, http::Status::ok);
  EXPECT_TRUE(Contains(shop_page, "상점 쿠폰 할인 <span class=\"price\">−7,000원</span>")) << shop_page.body;
  EXPECT_TRUE(Contains(shop_page, "−3,000원"));
  EXPECT_TRUE(Contains(shop_page, "만물상 쿠폰 할인은 만물상이 부담합니다"));

  for (const http::Response& page :
       {Get("/orders/" + plain_id, kBuyerWho), Get("/seller/orders/" + plain_id, kOwnerWho)}) {
    ASSERT_EQ(page.status, http::Status::ok);
    EXPECT_FALSE(Contains(page, "shop-discount"));
    EXPECT_FALSE(Contains(page, "site-discount"));
    EXPECT_FALSE(Contains(page, "쿠폰 할인"));
  }
}

TEST_F(BuyingPagesTest, FormsComeBackWithClearMessages) {
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 4'000, 5);
  const std::string id = std::to_string(product.value);
  for (const std::string quantity : {"0", "-1", "abc", "1000", "1e3", ""}) {
    auto response = PostForm("/cart/items", {{"product_id", id}, {"quantity", quantity}}, kBuyerWho);
    EXPECT_EQ(response.status, http::Status::bad_request) << quantity;
    EXPECT_TRUE(Contains(response, "수량은")) << quantity;
  }
  EXPECT_EQ(PostForm("/cart/items", {{"product_id", "987654"}, {"quantity", "1"}}, kBuyerWho).status,
            http::Status::not_found);
  EXPECT_EQ(PostForm("/cart/items", {{"product_id", "x"}, {"quantity", "1"}}, kBuyerWho).status,
            http::Status::not_found);
  ASSERT_EQ(PostForm("/cart/items", {{"product_id", id}, {"quantity", "1"}, {"buy_now", "1"}}, kBuyerWho).status,
            http::Status::see_other);

  auto short_wallet = PostForm(
      "/checkout", {{"payment_method", "wallet"}, {"address", "평양시 <b>중구역</b>"}, {"idempotency_key", "k"}},
      kBuyerWho);
  EXPECT_EQ(short_wallet.status, http::Status::payment_required);
  EXPECT_TRUE(Contains(short_wallet, "지갑 잔액이 부족합니다"));
  EXPECT_TRUE(Contains(short_wallet, "평양시 &lt;b&gt;중구역&lt;/b&gt;"));  // kept, and escaped
  auto no_address = PostForm("/checkout", {{"payment_method", "cod"}, {"address", " "}}, kBuyerWho);
  EXPECT_EQ(no_address.status, http::Status::bad_request);
  EXPECT_TRUE(Contains(no_address, "배송지 주소를"));
  EXPECT_EQ(PostForm("/checkout", {{"payment_method", "card"}, {"address", "a"}}, kBuyerWho).status,
            http::Status::bad_request);

  auto voucher = PostForm("/wallet/vouchers", {{"code", "0000-0000-0000-0000"}}, kBuyerWho);
  EXPECT_EQ(voucher.status, http::Status::not_found);
  EXPECT_TRUE(Contains(voucher, "상품권 번호를 확인하십시오"));
  EXPECT_EQ(Get("/orders/424242", kBuyerWho).status, http::Status::not_found);
  EXPECT_EQ(Header(Get("/orders", ""), "Location"), "/login?next=%2Forders");
}

// The buyer holds a cash-on-delivery parcel the shop never marked delivered: the order page
// offers 구매 확정 with a step that says the shop will be paid and the cash recorded; the form
// settles it, and the JSON twin refuses a second confirm.
TEST_F(BuyingPagesTest, TheBuyerConfirmsAShippedOrderOnThePage) {
  const core::SellerId shop = store_.AddShop(kShopOwner, "상점");
  const core::ProductId product = store_.AddListing(shop, 4'000, 5);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).has_value());
  const core::OrderId order = orders_.Checkout(Command(kBuyer, PaymentMethod::cash_on_delivery))->orders[0].id;
  const std::string path = "/orders/" + std::to_string(order.value);
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::prepare).has_value());
  EXPECT_FALSE(Contains(Get(path, kBuyerWho), "/confirm\""));  // still preparing
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::ship).has_value());

  auto page = Get(path, kBuyerWho);
  ASSERT_EQ(page.status, http::Status::ok);
  EXPECT_TRUE(Contains(page, "action=\"" + path + "/confirm\""));
  EXPECT_TRUE(Contains(page, "결제 금액이 상점에 정산되며"));
  EXPECT_TRUE(Contains(page, "문 앞에서 현금으로 낸 금액이 결제된 것으로 기록됩니다"));
  EXPECT_TRUE(Contains(page, "aria-describedby=\"confirm-hint\""));
  EXPECT_EQ(PostForm(path + "/confirm", {}, "555:buyer").status, http::Status::not_found);
  auto confirmed = PostForm(path + "/confirm", {}, kBuyerWho);
  ASSERT_EQ(confirmed.status, http::Status::see_other) << confirmed.body;
  EXPECT_EQ(Header(confirmed, "Location"), path);
  EXPECT_EQ(orders_.GetOrder(Buyer(kBuyer), order)->status, OrderStatus::confirmed);
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop).amount, 3'880);  // 4,000 minus 3 %
  page = Get(path, kBuyerWho);
  EXPECT_FALSE(Contains(page, "/confirm\""));
  EXPECT_FALSE(Contains(page, "confirm-hint"));

  auto again = Post("/api/v1/orders/" + std::to_string(order.value) + "/confirm", "{}", kBuyerWho);
  EXPECT_EQ(again.status, http::Status::conflict);
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop).amount, 3'880);
}

}  // namespace
}  // namespace manmulsang::orders

namespace manmulsang::orders {
namespace {

class AddressPageTest : public BuyingApiTest {};

TEST_F(AddressPageTest, SaveChooseAndDeleteAddresses) {
  auto empty = PostForm("/addresses", {{"recipient", ""}, {"phone", "123"}, {"line", "평양"}}, kBuyerWho);
  EXPECT_EQ(empty.status, http::Status::bad_request);
  EXPECT_NE(empty.body.find("받는 사람 이름을"), std::string::npos);
  EXPECT_NE(empty.body.find("평양"), std::string::npos);  // what was typed comes back
  auto saved = PostForm(
      "/addresses", {{"recipient", "김철수"}, {"phone", "123"}, {"line", "평양시"}, {"back", "/checkout"}}, kBuyerWho);
  ASSERT_EQ(saved.status, http::Status::see_other);
  EXPECT_EQ(Header(saved, "Location"), "/checkout");
  ASSERT_EQ(PostForm("/addresses", {{"recipient", "김영희"}, {"phone", "456"}, {"line", "개성시"}, {"back", "//evil"}},
                     kBuyerWho)
                .status,
            http::Status::see_other);
  std::vector<Address> list = AddressBook(store_.database(), clock_).List(kBuyer);
  ASSERT_EQ(list.size(), 2u);
  const std::string second = std::to_string(list[1].id.value);
  ASSERT_EQ(PostForm("/addresses/" + second + "/default", {}, kBuyerWho).status, http::Status::see_other);
  auto page = Get("/addresses", kBuyerWho);
  EXPECT_NE(page.body.find("기본 배송지"), std::string::npos);
  EXPECT_EQ(PostForm("/addresses/" + second + "/delete", {}, "555:buyer").status, http::Status::not_found);
  EXPECT_EQ(PostForm("/addresses/" + second + "/delete", {}, kBuyerWho).status, http::Status::see_other);
  EXPECT_EQ(AddressBook(store_.database(), clock_).List(kBuyer).size(), 1u);
  EXPECT_EQ(Header(Get("/addresses", ""), "Location"), "/login?next=%2Faddresses");
}

}  // namespace
}  // namespace manmulsang::orders
