#include "buying_routes_fixture.hpp"

namespace manmulsang::orders {
namespace {

TEST_F(BuyingApiTest, EverythingNeedsSignInAndAdminRoutesAnAdmin) {
  EXPECT_EQ(Get("/api/v1/cart", "").status, http::Status::unauthorized);
  EXPECT_EQ(Post("/api/v1/orders", R"({"payment_method":"wallet","address":"a"})", "").status,
            http::Status::unauthorized);
  EXPECT_EQ(Get("/api/v1/wallet", "").status, http::Status::unauthorized);
  auto refused =
      Post("/api/v1/admin/wallets/100/credit", R"({"amount":1,"currency":"KPW","reference":"r"})", kBuyerWho);
  EXPECT_EQ(refused.status, http::Status::forbidden);
  EXPECT_EQ(Code(refused), "forbidden");
  EXPECT_FALSE(Json(refused).at("error").at("message").as_string().empty());
}

TEST_F(BuyingApiTest, CartCheckoutReplayAndCancelOverJson) {
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 4'000, 5);
  auto registered = accounts_.Register({"buyer@example.com", "correct horse battery", "구매자"});
  ASSERT_TRUE(registered.has_value());
  const std::string buyer = std::to_string(registered->id.value) + ":buyer";
  auto credited = Post("/api/v1/admin/wallets/" + std::to_string(registered->id.value) + "/credit",
                       R"({"amount":20000,"currency":"KPW","reference":"현금 입금 7호"})", kAdminWho);
  ASSERT_EQ(credited.status, http::Status::created) << credited.body;
  EXPECT_EQ(Json(credited).at("balance").at("amount").as_int64(), 20'000);
  EXPECT_EQ(
      Post("/api/v1/admin/wallets/424242/credit", R"({"amount":1,"currency":"KPW","reference":"r"})", kAdminWho).status,
      http::Status::not_found);

  auto added =
      Post("/api/v1/cart/items", "{\"product_id\":" + std::to_string(product.value) + ",\"quantity\":2}", buyer);
  ASSERT_EQ(added.status, http::Status::created) << added.body;
  EXPECT_EQ(Json(added).at("total").at("amount").as_int64(), 8'000);
  EXPECT_EQ(added.Header("Cache-Control"), "no-store");

  // A client-sent price is not read.
  const std::string body =
      R"({"payment_method":"wallet","address":"평양시 1번지","total":{"amount":1,"currency":"KPW"}})";
  auto placed = Post("/api/v1/orders", body, buyer, {{"Idempotency-Key", "abc"}});
  ASSERT_EQ(placed.status, http::Status::created) << placed.body;
  EXPECT_EQ(Json(placed).at("total").at("amount").as_int64(), 8'000);
  auto replay = Post("/api/v1/orders", body, buyer, {{"Idempotency-Key", "abc"}});
  EXPECT_EQ(replay.status, http::Status::created);
  EXPECT_EQ(replay.body, placed.body);
  EXPECT_EQ(replay.Header("Idempotent-Replayed"), "true");
  auto reused = Post("/api/v1/orders", R"({"payment_method":"cod","address":"평양시 1번지"})", buyer,
                     {{"Idempotency-Key", "abc"}});
  EXPECT_EQ(reused.status, http::Status::unprocessable_entity);
  EXPECT_EQ(Code(reused), "idempotency_key_reused");

  const std::int64_t order = Json(placed).at("orders").at(0).at("id").as_int64();
  auto shown = Get("/api/v1/orders/" + std::to_string(order), buyer);
  ASSERT_EQ(shown.status, http::Status::ok);
  EXPECT_EQ(Json(shown).at("status").as_string(), "paid");
  EXPECT_EQ(Json(shown).at("items").at(0).at("quantity").as_int64(), 2);
  EXPECT_EQ(Get("/api/v1/orders/" + std::to_string(order), "555:buyer").status, http::Status::not_found);
  EXPECT_EQ(Get("/api/v1/orders/abc", buyer).status, http::Status::not_found);
  EXPECT_EQ(Json(Get("/api/v1/orders", buyer)).at("total").as_int64(), 1);

  auto cancelled = Post("/api/v1/orders/" + std::to_string(order) + "/cancel", "", buyer);
  ASSERT_EQ(cancelled.status, http::Status::ok) << cancelled.body;
  EXPECT_EQ(Json(cancelled).at("status").as_string(), "cancelled");
  EXPECT_EQ(Post("/api/v1/orders/" + std::to_string(order) + "/cancel", "", buyer).status, http::Status::conflict);
  auto wallet = Json(Get("/api/v1/wallet", buyer));
  EXPECT_EQ(wallet.at("balance").at("amount").as_int64(), 20'000);
  EXPECT_EQ(wallet.at("entries").as_array().size(), 3u);
  EXPECT_EQ(Stock(product), 5);
}

TEST_F(BuyingApiTest, TamperedRequestsGetFourHundreds) {
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 4'000, 5);
  const std::string id = std::to_string(product.value);
  const auto add = [&](const std::string& json) { return Post("/api/v1/cart/items", json, kBuyerWho); };
  for (const std::string quantity : {"0", "-1", "1000", "1.5", "\"3\"", "1e30", "99999999999999999999", "null"}) {
    auto response = add("{\"product_id\":" + id + ",\"quantity\":" + quantity + "}");
    EXPECT_EQ(response.status, http::Status::bad_request) << quantity;
    EXPECT_EQ(Code(response), "invalid_quantity") << quantity;
    EXPECT_EQ(Json(response).at("error").at("field").as_string(), "quantity");
  }
  EXPECT_EQ(add(R"({"product_id":"x","quantity":1})").status, http::Status::bad_request);
  EXPECT_EQ(add(R"({"product_id":987654,"quantity":1})").status, http::Status::not_found);
  EXPECT_EQ(add(R"({"product_id":-4,"quantity":1})").status, http::Status::not_found);
  EXPECT_EQ(Code(add("{not json")), "malformed_json");
  EXPECT_EQ(Code(add("[1,2]")), "invalid_input");
  EXPECT_EQ(Send(http::Method::patch, "/api/v1/cart/items/" + id, R"({"quantity":2})", kBuyerWho).status,
            http::Status::not_found);

  ASSERT_EQ(add("{\"product_id\":" + id + ",\"quantity\":1}").status, http::Status::created);
  EXPECT_EQ(Code(Post("/api/v1/orders", R"({"payment_method":"card","address":"a"})", kBuyerWho)),
            "invalid_payment_method");
  EXPECT_EQ(Code(Post("/api/v1/orders", R"({"payment_method":"wallet","address":"  "})", kBuyerWho)),
            "invalid_address");
  auto short_wallet = Post("/api/v1/orders", R"({"payment_method":"wallet","address":"a"})", kBuyerWho);
  EXPECT_EQ(short_wallet.status, http::Status::payment_required);
  ASSERT_EQ(Send(http::Method::patch, "/api/v1/cart/items/" + id, R"({"quantity":9})", kBuyerWho).status,
            http::Status::ok);
  auto sold_out = Post("/api/v1/orders", R"({"payment_method":"cod","address":"a"})", kBuyerWho);
  EXPECT_EQ(sold_out.status, http::Status::conflict);
  EXPECT_EQ(Json(sold_out).at("error").at("product_id").as_int64(), product.value);
  EXPECT_EQ(Json(sold_out).at("error").at("available").as_int64(), 5);
  EXPECT_EQ(Send(http::Method::delete_, "/api/v1/cart/items/" + id, "", kBuyerWho).status, http::Status::ok);
  EXPECT_EQ(Code(Post("/api/v1/orders", R"({"payment_method":"cod","address":"a"})", kBuyerWho)), "cart_empty");
  EXPECT_EQ(Get("/api/v1/orders?per_page=1000", kBuyerWho).status, http::Status::bad_request);
}

TEST_F(BuyingApiTest, AdminSetsRatesAndMintsVouchersThatBuyersRedeem) {
  auto rate = Post("/api/v1/admin/exchange-rates", R"({"currency":"USD","rate":80000000})", kAdminWho);
  ASSERT_EQ(rate.status, http::Status::ok) << rate.body;
  EXPECT_EQ(Json(Get("/api/v1/exchange-rates", kBuyerWho)).at("items").at(0).at("rate").as_int64(), 80'000'000);
  EXPECT_EQ(Post("/api/v1/admin/exchange-rates", R"({"currency":"KPW","rate":1})", kAdminWho).status,
            http::Status::bad_request);
  auto minted = Post("/api/v1/admin/vouchers", R"({"count":2,"amount":5000,"note":"설"})", kAdminWho);
  ASSERT_EQ(minted.status, http::Status::created) << minted.body;
  const std::string code(Json(minted).at("codes").at(0).as_string());
  auto redeemed = Post("/api/v1/wallet/vouchers", "{\"code\":\"" + code + "\"}", kBuyerWho);
  ASSERT_EQ(redeemed.status, http::Status::ok) << redeemed.body;
  EXPECT_EQ(Json(redeemed).at("balance").at("amount").as_int64(), 5'000);
  EXPECT_EQ(Code(Post("/api/v1/wallet/vouchers", "{\"code\":\"" + code + "\"}", kBuyerWho)), "voucher_used");
  EXPECT_EQ(Post("/api/v1/wallet/vouchers", R"({"code":"nope"})", kBuyerWho).status, http::Status::not_found);
  EXPECT_EQ(Post("/api/v1/admin/vouchers", R"({"count":1,"amount":5000})", kAdminWho).status, http::Status::created);
  EXPECT_EQ(Post("/api/v1/admin/vouchers", R"({"count":1.5,"amount":5000})", kAdminWho).status,
            http::Status::bad_request);
}

TEST_F(BuyingApiTest, CheckoutToASavedAddress) {
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 4'000, 5);
  auto saved =
      Post("/api/v1/addresses", R"({"recipient":"김철수","phone":"02-123-4567","line":"평양시 중구역"})", kBuyerWho);
  ASSERT_EQ(saved.status, http::Status::created) << saved.body;
  const std::int64_t address = Json(saved).at("items").at(0).at("id").as_int64();
  EXPECT_TRUE(Json(saved).at("items").at(0).at("default").as_bool());
  EXPECT_EQ(Code(Post("/api/v1/addresses", R"({"recipient":"","phone":"1","line":"x"})", kBuyerWho)),
            "invalid_recipient");
  EXPECT_EQ(Code(Post("/api/v1/addresses", R"({"recipient":"a","phone":"abc","line":"x"})", kBuyerWho)),
            "invalid_phone");
  ASSERT_EQ(
      Post("/api/v1/cart/items", "{\"product_id\":" + std::to_string(product.value) + ",\"quantity\":1}", kBuyerWho)
          .status,
      http::Status::created);
  // Someone else's address id is not found (and names nothing about it).
  EXPECT_EQ(Code(Post("/api/v1/orders", "{\"payment_method\":\"cod\",\"address_id\":" + std::to_string(address) + "}",
                      "555:buyer")),
            "invalid_address");
  auto placed =
      Post("/api/v1/orders", "{\"payment_method\":\"cod\",\"address_id\":" + std::to_string(address) + "}", kBuyerWho);
  ASSERT_EQ(placed.status, http::Status::created) << placed.body;
  const std::int64_t order = Json(placed).at("orders").at(0).at("id").as_int64();
  EXPECT_EQ(Json(Get("/api/v1/orders/" + std::to_string(order), kBuyerWho)).at("address").as_string(),
            "김철수 (02-123-4567)\n평양시 중구역");
  // The order keeps its text when the address book changes.
  EXPECT_EQ(Send(http::Method::delete_, "/api/v1/addresses/" + std::to_string(address), "", kBuyerWho).status,
            http::Status::ok);
  EXPECT_EQ(Json(Get("/api/v1/orders/" + std::to_string(order), kBuyerWho)).at("address").as_string(),
            "김철수 (02-123-4567)\n평양시 중구역");
  EXPECT_EQ(Send(http::Method::delete_, "/api/v1/addresses/" + std::to_string(address), "", kBuyerWho).status,
            http::Status::not_found);
}

TEST_F(BuyingApiTest, TheOwnerSetsDeliveryOptionsAndCheckoutChargesThem) {
  const core::SellerId pickup_shop = store_.AddShop(kShopOwner, "창전 상점");
  const core::SellerId other_shop = store_.AddShop(core::UserId{3}, "남포 상점");
  const core::ProductId rice = store_.AddListing(pickup_shop, 10'000, 9);
  const core::ProductId pen = store_.AddListing(other_shop, 5'000, 9);
  const std::string owner = "2:seller";

  // Only the owner: someone else's shop, or none at all, is not found; a visitor must sign in.
  const std::string options =
      R"({"courier_fee":3000,"free_courier_from":{"amount":50000,"currency":"KPW"},"pickup_offered":true,"pickup_place":"창전거리 5"})";
  EXPECT_EQ(Send(http::Method::put, "/api/v1/seller/shop/delivery", options, "").status, http::Status::unauthorized);
  auto foreign = Put("/api/v1/seller/shop/delivery",
                     "{\"shop_id\":" + std::to_string(other_shop.value) + "," + options.substr(1), owner);
  EXPECT_EQ(foreign.status, http::Status::not_found);
  EXPECT_EQ(Code(foreign), "shop_not_found");
  EXPECT_EQ(Put("/api/v1/seller/shop/delivery", options, "77:seller").status, http::Status::not_found);
  EXPECT_EQ(sellers_.GetShop(other_shop)->delivery, sellers::DeliveryOptions{});

  auto stored = Put("/api/v1/seller/shop/delivery", options, owner);
  ASSERT_EQ(stored.status, http::Status::ok) << stored.body;
  EXPECT_EQ(Json(stored).at("shop_id").as_int64(), pickup_shop.value);
  EXPECT_EQ(Json(stored).at("delivery").at("courier_fee").at("amount").as_int64(), 3'000);
  EXPECT_EQ(Json(stored).at("delivery").at("free_courier_from").at("amount").as_int64(), 50'000);
  EXPECT_EQ(Json(Get("/api/v1/seller/shop/delivery", owner)).at("delivery"), Json(stored).at("delivery"));
  auto second = Put("/api/v1/seller/shop/delivery", R"({"courier_fee":2500,"pickup_offered":false})", "3:seller");
  ASSERT_EQ(second.status, http::Status::ok) << second.body;
  EXPECT_TRUE(Json(second).at("delivery").at("free_courier_from").is_null());

  // Bad settings name their field and change nothing.
  const std::pair<std::string, std::string> bad[] = {
      {R"({"courier_fee":-1,"pickup_offered":false})", "courier_fee"},
      {R"({"courier_fee":"3000","pickup_offered":false})", "courier_fee"},
      {R"({"courier_fee":1.5,"pickup_offered":false})", "courier_fee"},
      {R"({"courier_fee":{"amount":5,"currency":"USD"},"pickup_offered":false})", "courier_fee"},
      {R"({"courier_fee":0,"free_courier_from":0,"pickup_offered":false})", "free_courier_from"},
      {R"({"courier_fee":0,"pickup_offered":"yes"})", "pickup_offered"},
      {R"({"courier_fee":0,"pickup_offered":true,"pickup_place":"  "})", "pickup_place"},
      {R"({"courier_fee":0,"pickup_offered":true,"pickup_place":7})", "pickup_place"},
  };
  for (const auto& [body, field] : bad) {
    auto response = Put("/api/v1/seller/shop/delivery", body, owner);
    EXPECT_EQ(response.status, http::Status::bad_request) << body;
    EXPECT_EQ(Json(response).at("error").at("field").as_string(), field) << body;
  }
  EXPECT_EQ(Json(Get("/api/v1/seller/shop/delivery", owner)).at("delivery"), Json(stored).at("delivery"));

  // The cart shows each shop's fee; checkout takes the method per shop and charges it.
  store_.TopUp(kBuyer, 100'000);
  for (core::ProductId product : {rice, pen}) {
    ASSERT_EQ(
        Post("/api/v1/cart/items", "{\"product_id\":" + std::to_string(product.value) + ",\"quantity\":2}", kBuyerWho)
            .status,
        http::Status::created);
  }
  auto cart = Json(Get("/api/v1/cart", kBuyerWho));
  EXPECT_EQ(cart.at("shops").at(0).at("delivery").at("fee").at("amount").as_int64(), 3'000);
  EXPECT_TRUE(cart.at("shops").at(0).at("delivery_options").at("pickup_offered").as_bool());
  EXPECT_EQ(cart.at("shops").at(1).at("total").at("amount").as_int64(), 12'500);
  EXPECT_EQ(cart.at("delivery_fee").at("amount").as_int64(), 5'500);
  EXPECT_EQ(cart.at("total").at("amount").as_int64(), 35'500);

  const std::string shop_key = std::to_string(pickup_shop.value);
  const std::string other_key = std::to_string(other_shop.value);
  for (const std::string delivery :
       {R"("pickup")", R"({"x":"pickup"})", R"({"0":"pickup"})", R"({"1":"drone"})", R"({"1":1})"}) {
    auto refused =
        Post("/api/v1/orders", R"({"payment_method":"wallet","address":"a","delivery":)" + delivery + "}", kBuyerWho);
    EXPECT_EQ(refused.status, http::Status::bad_request) << delivery;
    EXPECT_EQ(Code(refused), "invalid_delivery") << delivery;
    EXPECT_EQ(Json(refused).at("error").at("field").as_string(), "delivery");
  }
  auto no_pickup = Post("/api/v1/orders",
                        R"({"payment_method":"wallet","address":"a","delivery":{")" + other_key + R"(":"pickup"}})",
                        kBuyerWho, {{"Idempotency-Key", "d-1"}});
  EXPECT_EQ(no_pickup.status, http::Status::bad_request);
  EXPECT_EQ(Code(no_pickup), "pickup_unavailable");
  EXPECT_EQ(Json(no_pickup).at("error").at("field").as_string(), "delivery");
  EXPECT_EQ(Json(no_pickup).at("error").at("shop_id").as_int64(), other_shop.value);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 100'000);

  // A product page in the cache is forgotten once the checkout took its stock.
  const std::string rice_page = http::PageCache::Key("/p/" + std::to_string(rice.value), "ko");
  page_cache_.Put(rice_page, http::Response::Html("<p>9</p>"), std::chrono::seconds(300));
  ASSERT_TRUE(page_cache_.Get(rice_page).has_value());

  const std::string body = R"({"payment_method":"wallet","address":"a","delivery":{")" + shop_key + R"(":"pickup",")" +
                           other_key + R"(":"courier"}})";
  auto placed = Post("/api/v1/orders", body, kBuyerWho, {{"Idempotency-Key", "d-1"}});
  ASSERT_EQ(placed.status, http::Status::created) << placed.body;
  EXPECT_EQ(Json(placed).at("total").at("amount").as_int64(), 32'500);
  EXPECT_FALSE(page_cache_.Get(rice_page).has_value());
  // The same key: the same answer; with another delivery: refused.
  EXPECT_EQ(Post("/api/v1/orders", body, kBuyerWho, {{"Idempotency-Key", "d-1"}}).body, placed.body);
  auto reused =
      Post("/api/v1/orders", R"({"payment_method":"wallet","address":"a"})", kBuyerWho, {{"Idempotency-Key", "d-1"}});
  EXPECT_EQ(reused.status, http::Status::unprocessable_entity);

  const boost::json::object receipt = Json(placed);  // kept: a range-for over a temporary's member dangles
  for (const auto& summary : receipt.at("orders").as_array()) {
    auto order = Json(Get("/api/v1/orders/" + std::to_string(summary.at("id").as_int64()), kBuyerWho));
    const bool pickup = summary.at("seller").at("id").as_int64() == pickup_shop.value;
    EXPECT_EQ(order.at("delivery").at("method").as_string(), pickup ? "pickup" : "courier");
    EXPECT_EQ(order.at("delivery_fee").at("amount").as_int64(), pickup ? 0 : 2'500);
    if (pickup) {
      EXPECT_EQ(order.at("delivery").at("pickup_place").as_string(), "창전거리 5");
    }
  }
}

}  // namespace
}  // namespace manmulsang::orders

namespace manmulsang::orders {
namespace {

// The dispute moves over JSON: the shop's refusal needs a reason (400 naming note), the buyer
// escalates, an admin's decision needs a reason and an admin (403 before anything else).
TEST_F(BuyingApiTest, ARefusedReturnIsEscalatedAndDecidedOverJson) {
  const core::SellerId shop = store_.AddShop(kShopOwner, "상점");
  const core::ProductId product = store_.AddListing(shop, 4'000, 5);
  store_.TopUp(kBuyer, 4'000);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).has_value());
  const core::OrderId order = orders_.Checkout(Command(kBuyer))->orders.front().id;
  for (OrderEvent event : {OrderEvent::prepare, OrderEvent::ship, OrderEvent::deliver}) {
    ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, event).has_value());
  }
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), order, OrderEvent::request_return, "불량").has_value());
  const std::string id = std::to_string(order.value);
  const std::string owner = "2:seller";

  auto blank = Post("/api/v1/seller/orders/" + id + "/refuse-return", R"({"note":" "})", owner);
  EXPECT_EQ(blank.status, http::Status::bad_request);
  EXPECT_EQ(Code(blank), "invalid_note");
  EXPECT_EQ(Post("/api/v1/seller/orders/" + id + "/refuse-return", R"({"note":"x"})", "3:seller").status,
            http::Status::not_found);
  auto refused = Post("/api/v1/seller/orders/" + id + "/refuse-return", R"({"note":"사용한 흔적"})", owner);
  ASSERT_EQ(refused.status, http::Status::ok) << refused.body;
  EXPECT_EQ(Json(refused).at("status").as_string(), "return_refused");
  // The buyer says why too: the admin weighs both sides.
  EXPECT_EQ(Code(Post("/api/v1/orders/" + id + "/escalate", "", kBuyerWho)), "invalid_note");
  auto escalated = Post("/api/v1/orders/" + id + "/escalate", R"({"note":"사용하지 않았습니다"})", kBuyerWho);
  ASSERT_EQ(escalated.status, http::Status::ok) << escalated.body;
  EXPECT_EQ(Json(escalated).at("status").as_string(), "disputed");
  // The shop finds it under its own tab while the marketplace decides.
  auto tab = Get("/seller/orders?tab=returns", owner);
  ASSERT_EQ(tab.status, http::Status::ok);
  EXPECT_NE(tab.body.find("/seller/orders/" + id + "\""), std::string::npos);
  EXPECT_NE(tab.body.find("분쟁 조정 중"), std::string::npos);

  EXPECT_EQ(Post("/api/v1/admin/orders/" + id + "/resolve-refund", R"({"note":"x"})", kBuyerWho).status,
            http::Status::forbidden);
  EXPECT_EQ(Code(Post("/api/v1/admin/orders/" + id + "/close-dispute", "", kAdminWho)), "invalid_note");
  auto closed = Post("/api/v1/admin/orders/" + id + "/close-dispute", R"({"note":"거절이 정당함"})", kAdminWho);
  ASSERT_EQ(closed.status, http::Status::ok) << closed.body;
  EXPECT_EQ(Json(closed).at("status").as_string(), "confirmed");
  EXPECT_EQ(payments::SellerBalance(store_.database(), shop).amount, 3'880);
  EXPECT_EQ(Post("/api/v1/admin/orders/" + id + "/resolve-refund", R"({"note":"x"})", kAdminWho).status,
            http::Status::conflict);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 0);
}

}  // namespace
}  // namespace manmulsang::orders
