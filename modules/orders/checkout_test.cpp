#include <atomic>
#include <mutex>
#include <thread>

#include "buying_test_store.hpp"
#include "checkout.hpp"

namespace manmulsang::orders {
namespace {

class CheckoutTest : public BuyingTest {};

TEST_F(CheckoutTest, WalletCheckoutPlacesOneOrderPerShopAtServerPrices) {
  const core::SellerId first = store_.AddShop(kShopOwner, "첫째 상점");
  const core::SellerId second = store_.AddShop(core::UserId{3}, "둘째 상점");
  const core::ProductId rice = store_.AddListing(first, 12'000, 10);
  const core::ProductId soap = store_.AddListing(first, 3'000, 10);
  const core::ProductId pen = store_.AddListing(second, 500, 10);
  store_.TopUp(kBuyer, 100'000);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), rice, 2).has_value());
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), soap, 1).has_value());
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), pen, 4).has_value());
  cart::Quote view = cart_.View(cart::CartOwner::Member(kBuyer));
  ASSERT_EQ(view.shops.size(), 2u);
  EXPECT_EQ(view.shops[0].seller_name, "첫째 상점");
  EXPECT_EQ(view.shops[0].subtotal_kpw, 27'000);
  EXPECT_EQ(view.total_kpw, 29'000);
  EXPECT_TRUE(view.ready);

  // The price changes after the buyer looked: the server charges what is current.
  store_->Write([&](db::Connection& connection) {
    connection.Execute("UPDATE products SET price_amount = 13000 WHERE id = $1", {rice.value});
  });
  auto receipt = orders_.Checkout(Command(kBuyer));
  ASSERT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
  ASSERT_EQ(receipt->orders.size(), 2u);
  EXPECT_EQ(receipt->orders[0].seller, first);
  EXPECT_EQ(receipt->orders[0].total_kpw, 29'000);
  EXPECT_EQ(receipt->orders[1].total_kpw, 2'000);
  EXPECT_EQ(receipt->total_kpw, 31'000);
  EXPECT_EQ(receipt->orders[0].status, OrderStatus::paid);
  EXPECT_FALSE(receipt->replayed);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 69'000);
  EXPECT_EQ(Stock(rice), 8);
  EXPECT_EQ(Stock(pen), 6);
  EXPECT_TRUE(cart_.Items(cart::CartOwner::Member(kBuyer)).empty());

  auto order = orders_.GetOrder(Buyer(kBuyer), receipt->orders[0].id);
  ASSERT_TRUE(order.has_value());
  ASSERT_EQ(order->lines.size(), 2u);
  EXPECT_EQ(order->lines[0].unit_price_kpw, 13'000);
  EXPECT_EQ(order->lines[0].line_total_kpw, 26'000);
  EXPECT_EQ(order->address, "평양시 중구역 1동");
  ASSERT_EQ(order->timeline.size(), 2u);
  EXPECT_EQ(order->timeline[1].to, OrderStatus::paid);

  OrderPage page = orders_.BuyerOrders(kBuyer);
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, receipt->orders[1].id);  // newest first
  EXPECT_EQ(page.items[1].lines.size(), 2u);
}

TEST_F(CheckoutTest, ThirtyBuyersRaceForTenUnits) {
  const core::ProductId hot = store_.AddListing(store_.AddShop(kShopOwner, "인기 상점"), 5'000, 10);
  constexpr int kBuyers = 30;
  for (int buyer = 0; buyer < kBuyers; ++buyer) {
    store_.TopUp(core::UserId{1000 + buyer}, 10'000);
    ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(core::UserId{1000 + buyer}), hot, 1).has_value());
  }
  std::atomic<int> placed = 0;
  std::atomic<int> sold_out = 0;
  std::atomic<int> other = 0;
  std::vector<std::thread> threads;
  for (int buyer = 0; buyer < kBuyers; ++buyer) {
    threads.emplace_back([&, buyer] {
      auto receipt = orders_.Checkout(Command(core::UserId{1000 + buyer}));
      if (receipt) {
        ++placed;
      } else if (receipt.error() == OrderError::out_of_stock && receipt.error().product == hot &&
                 receipt.error().available == 0) {
        ++sold_out;
      } else {
        ++other;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(placed, 10);
  EXPECT_EQ(sold_out, 20);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(Stock(hot), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 10);
  EXPECT_EQ(Count("SELECT COALESCE(SUM(quantity), 0) FROM order_lines"), 10);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_transfers WHERE kind = 'payment'"), 10);
  // The losers keep their money and their carts.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cart_items"), 20);
}

TEST_F(CheckoutTest, DoubleSubmittedCheckoutPlacesOneOrder) {
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 7'000, 5);
  store_.TopUp(kBuyer, 50'000);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 2).has_value());
  std::vector<std::expected<CheckoutReceipt, CheckoutError>> results(2);
  std::thread first([&] { results[0] = orders_.Checkout(Command(kBuyer, PaymentMethod::wallet, "key-1")); });
  std::thread second([&] { results[1] = orders_.Checkout(Command(kBuyer, PaymentMethod::wallet, "key-1")); });
  first.join();
  second.join();
  ASSERT_TRUE(results[0].has_value());
  ASSERT_TRUE(results[1].has_value());
  EXPECT_EQ(results[0]->orders, results[1]->orders);
  EXPECT_EQ(results[0]->total_kpw, 14'000);
  EXPECT_NE(results[0]->replayed, results[1]->replayed);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 1);
  EXPECT_EQ(Stock(product), 3);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 36'000);

  // Later the order is cancelled; a replay still answers what was answered then.
  ASSERT_TRUE(orders_.Apply(Buyer(kBuyer), results[0]->orders[0].id, OrderEvent::cancel).has_value());
  auto replay = orders_.Checkout(Command(kBuyer, PaymentMethod::wallet, "key-1"));
  ASSERT_TRUE(replay.has_value());
  EXPECT_TRUE(replay->replayed);
  EXPECT_EQ(replay->orders[0].status, OrderStatus::paid);

  // The same key with another request is refused (422), even with an empty cart.
  auto different = orders_.Checkout(Command(kBuyer, PaymentMethod::cash_on_delivery, "key-1"));
  EXPECT_EQ(different.error(), OrderError::idempotency_key_reused);
  CheckoutCommand moved = Command(kBuyer, PaymentMethod::wallet, "key-1");
  moved.address = "다른 주소";
  EXPECT_EQ(orders_.Checkout(moved).error(), OrderError::idempotency_key_reused);
  // Keys belong to their buyer.
  EXPECT_EQ(orders_.Checkout(Command(core::UserId{555}, PaymentMethod::wallet, "key-1")).error(),
            OrderError::cart_empty);
}

TEST_F(CheckoutTest, OneWalletSpentFromTwoSessionsNeverGoesNegative) {
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 10'000, 100);
  store_.TopUp(kBuyer, 35'000);
  std::atomic<int> placed = 0;
  std::vector<std::thread> sessions;
  for (int session = 0; session < 2; ++session) {
    sessions.emplace_back([&, session] {
      for (int attempt = 0; attempt < 5; ++attempt) {
        (void)cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1);
        auto receipt = orders_.Checkout(
            Command(kBuyer, PaymentMethod::wallet, "s" + std::to_string(session) + "-" + std::to_string(attempt)));
        if (receipt) {
          placed += static_cast<int>(receipt->orders.size());
        } else {
          EXPECT_TRUE(receipt.error() == OrderError::insufficient_funds || receipt.error() == OrderError::cart_empty)
              << ErrorCode(receipt.error().error);
        }
        EXPECT_GE(payments_.WalletBalance(kBuyer).amount, 0);
      }
    });
  }
  for (std::thread& session : sessions) session.join();
  const std::int64_t spent = 35'000 - payments_.WalletBalance(kBuyer).amount;
  EXPECT_GE(payments_.WalletBalance(kBuyer).amount, 0);
  EXPECT_EQ(spent, Count("SELECT COALESCE(SUM(total), 0) FROM orders"));
  EXPECT_EQ(spent % 10'000, 0);
  EXPECT_EQ(100 - Stock(product), spent / 10'000);
  EXPECT_GE(placed, 1);
}

TEST_F(CheckoutTest, BuyersOfDifferentOptionsAtOnceLeaveTheListingTheSumOfItsOptions) {
  store_.AddShop(kShopOwner, "옷가게");
  catalog::ListingInput coat;
  coat.category_slug = "clothing-winter";
  coat.name = "솜동복";
  coat.description = "따뜻한 겨울 솜옷";
  coat.price = {40'000, core::Currency::kpw};
  coat.variants = {{std::nullopt, "M", "검정", {1'000, core::Currency::kpw}, 40},
                   {std::nullopt, "L", "검정", {1'000, core::Currency::kpw}, 40}};
  auto listing = listings_.Create(Seller(kShopOwner), coat);
  ASSERT_TRUE(listing.has_value());
  auto created = listings_.Get(Seller(kShopOwner), *listing);
  ASSERT_TRUE(created.has_value());
  ASSERT_EQ(created->variants.size(), 2u);
  const core::ProductId medium = created->variants[0].id;
  const core::ProductId large = created->variants[1].id;
  // Two buyers, one per option, each checking out one at a time from many threads at once.
  constexpr int kRounds = 10;
  std::vector<std::thread> buyers;
  for (int index = 0; index < 2; ++index) {
    buyers.emplace_back([&, index] {
      const core::UserId buyer{kBuyer.value + index};
      for (int round = 0; round < kRounds; ++round) {
        ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(buyer), index == 0 ? medium : large, 1).has_value());
        auto receipt = orders_.Checkout(Command(buyer, PaymentMethod::cash_on_delivery));
        ASSERT_TRUE(receipt.has_value()) << ErrorCode(receipt.error().error);
      }
    });
  }
  for (std::thread& buyer : buyers) buyer.join();
  EXPECT_EQ(Stock(medium), 40 - kRounds);
  EXPECT_EQ(Stock(large), 40 - kRounds);
  EXPECT_EQ(Stock(*listing), Stock(medium) + Stock(large));

  // Cancelling puts the option back, and the listing with it.
  const core::OrderId first{Count("SELECT MIN(id) FROM orders")};
  auto order = orders_.GetOrder(Admin(), first);
  ASSERT_TRUE(order.has_value());
  ASSERT_TRUE(orders_.Apply(Buyer(order->buyer), first, OrderEvent::cancel).has_value());
  EXPECT_EQ(Stock(*listing), Stock(medium) + Stock(large));
  EXPECT_EQ(Stock(*listing), 2 * (40 - kRounds) + 1);
}

TEST_F(CheckoutTest, ShortWalletRollsBackStockAndOrders) {
  const core::ProductId product = store_.AddListing(store_.AddShop(kShopOwner, "상점"), 10'000, 5);
  store_.TopUp(kBuyer, 15'000);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 2).has_value());
  EXPECT_EQ(orders_.Checkout(Command(kBuyer)).error(), OrderError::insufficient_funds);
  EXPECT_EQ(Stock(product), 5);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM checkouts"), 0);
  EXPECT_EQ(cart_.Items(cart::CartOwner::Member(kBuyer)).size(), 1u);
  // Cash on delivery needs no balance.
  auto receipt = orders_.Checkout(Command(kBuyer, PaymentMethod::cash_on_delivery));
  ASSERT_TRUE(receipt.has_value());
  EXPECT_EQ(receipt->orders[0].status, OrderStatus::awaiting_payment);
  EXPECT_EQ(Stock(product), 3);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 15'000);
}

TEST_F(CheckoutTest, TamperedInputGetsClearErrors) {
  const core::SellerId shop = store_.AddShop(kShopOwner, "상점");
  const core::ProductId product = store_.AddListing(shop, 1'000, 5);
  EXPECT_EQ(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 0).error(), cart::CartError::invalid_quantity);
  EXPECT_EQ(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, -3).error(), cart::CartError::invalid_quantity);
  EXPECT_EQ(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1'000).error(), cart::CartError::invalid_quantity);
  EXPECT_EQ(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, std::numeric_limits<std::int64_t>::max()).error(),
            cart::CartError::invalid_quantity);
  EXPECT_EQ(cart_.AddItem(cart::CartOwner::Member(kBuyer), core::ProductId{987'654}, 1).error(),
            cart::CartError::product_not_found);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 999).has_value());
  EXPECT_EQ(cart_.AddItem(cart::CartOwner::Member(kBuyer), product, 1).error(), cart::CartError::invalid_quantity);
  EXPECT_EQ(cart_.SetQuantity(cart::CartOwner::Member(kBuyer), product, 0).error(), cart::CartError::invalid_quantity);
  EXPECT_EQ(cart_.SetQuantity(cart::CartOwner::Member(kBuyer), core::ProductId{987'654}, 1).error(),
            cart::CartError::item_not_found);
  EXPECT_EQ(cart_.RemoveItem(cart::CartOwner::Member(kBuyer), core::ProductId{987'654}).error(),
            cart::CartError::item_not_found);

  // More than the stock.
  store_.TopUp(kBuyer, 10'000'000);
  auto short_stock = orders_.Checkout(Command(kBuyer));
  EXPECT_EQ(short_stock.error(), OrderError::out_of_stock);
  EXPECT_EQ(short_stock.error().available, 5);
  EXPECT_EQ(Stock(product), 5);
  ASSERT_TRUE(cart_.SetQuantity(cart::CartOwner::Member(kBuyer), product, 2).has_value());

  // Address and key limits.
  CheckoutCommand command = Command(kBuyer);
  command.address = "  \n ";
  EXPECT_EQ(orders_.Checkout(command).error(), OrderError::invalid_address);
  command.address = std::string(kMaxAddressLine + 1, 'a');
  EXPECT_EQ(orders_.Checkout(command).error(), OrderError::invalid_address);
  command.address = std::string("주소\0주소", 13);
  EXPECT_EQ(orders_.Checkout(command).error(), OrderError::invalid_address);
  command = Command(kBuyer, PaymentMethod::wallet, std::string(kMaxIdempotencyKey + 1, 'k'));
  EXPECT_EQ(orders_.Checkout(command).error(), OrderError::invalid_idempotency_key);

  // A product hidden after it went into the cart.
  store_->Write([&](db::Connection& connection) {
    connection.Execute("UPDATE products SET status = 'hidden' WHERE id = $1", {product.value});
  });
  EXPECT_FALSE(cart_.View(cart::CartOwner::Member(kBuyer)).ready);
  EXPECT_EQ(cart_.View(cart::CartOwner::Member(kBuyer)).unavailable.size(), 1u);
  auto hidden = orders_.Checkout(Command(kBuyer));
  EXPECT_EQ(hidden.error(), OrderError::product_unavailable);
  EXPECT_EQ(hidden.error().product, product);
  ASSERT_TRUE(cart_.RemoveItem(cart::CartOwner::Member(kBuyer), product).has_value());
  EXPECT_EQ(orders_.Checkout(Command(kBuyer)).error(), OrderError::cart_empty);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM orders"), 0);
}

TEST_F(CheckoutTest, ForeignPricesAreConvertedAtTheAdminsRate) {
  const core::ProductId usd =
      store_.AddListing(store_.AddShop(kShopOwner, "수입 상점"), 1'999, 5, core::Currency::usd);  // $19.99
  store_.TopUp(kBuyer, 1'000'000);
  ASSERT_TRUE(cart_.AddItem(cart::CartOwner::Member(kBuyer), usd, 3).has_value());
  EXPECT_FALSE(cart_.View(cart::CartOwner::Member(kBuyer)).ready);
  auto no_rate = orders_.Checkout(Command(kBuyer));
  EXPECT_EQ(no_rate.error(), OrderError::rate_unavailable);
  EXPECT_EQ(Stock(usd), 5);

  ASSERT_TRUE(payments_.SetExchangeRate(core::Currency::usd, 82'505'000, kAdminUser).has_value());  // 8,250.5
  EXPECT_EQ(cart_.View(cart::CartOwner::Member(kBuyer)).shops[0].lines[0].unit_price_kpw, 164'927);
  auto receipt = orders_.Checkout(Command(kBuyer));
  ASSERT_TRUE(receipt.has_value());
  // 164,927.495 won rounds to 164,927; three of them.
  EXPECT_EQ(receipt->total_kpw, 494'781);
  auto order = orders_.GetOrder(Buyer(kBuyer), receipt->orders[0].id).value();
  EXPECT_EQ(order.lines[0].unit_price, (core::Money{1'999, core::Currency::usd}));
  EXPECT_EQ(order.lines[0].rate, 82'505'000);
  EXPECT_EQ(payments_.WalletBalance(kBuyer).amount, 1'000'000 - 494'781);
}

TEST_F(CheckoutTest, ReceiptsSurviveTheirTextForm) {
  CheckoutReceipt receipt;
  receipt.orders = {{core::OrderId{5}, core::SellerId{2}, OrderStatus::paid, 1'000},
                    {core::OrderId{6}, core::SellerId{9}, OrderStatus::awaiting_payment, 250}};
  receipt.total_kpw = 1'250;
  auto decoded = DecodeReceipt(EncodeReceipt(receipt));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->orders, receipt.orders);
  EXPECT_EQ(decoded->total_kpw, 1'250);
  EXPECT_FALSE(DecodeReceipt("garbage").has_value());
  EXPECT_FALSE(DecodeReceipt("10|1:2:flying:3").has_value());
}

}  // namespace
}  // namespace manmulsang::orders
