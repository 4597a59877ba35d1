// The shop's orders as CSV: /seller/orders.csv (the list's link, with its filters) and
// /api/v1/seller/orders/export. Read back with the platform's CSV reader.

#include "buying_routes_fixture.hpp"
#include "manmulsang/text/csv.hpp"

namespace manmulsang::orders {
namespace {

using namespace std::chrono_literals;

class SellerOrderExportTest : public BuyingApiTest {
 protected:
  SellerOrderExportTest() {
    buyer_ = accounts_.InsertGeneratedMembers(std::vector<accounts::RegisterCommand>{
        {"buyer@csv.kp", "password-long-enough", "김철수", core::Role::buyer}})[0];
    shop_ = store_.AddShop(kShopOwner, "평양 상점");
    other_shop_ = store_.AddShop(core::UserId{3}, "남포 상점");
    store_.TopUp(buyer_, 1'000'000);
  }

  core::OrderId Place(core::SellerId shop, std::vector<std::int64_t> prices, std::string address) {
    for (std::int64_t price : prices) {
      EXPECT_TRUE(cart_.AddItem(cart::CartOwner::Member(buyer_), store_.AddListing(shop, price), 2).has_value());
    }
    auto receipt = orders_.Checkout({buyer_, PaymentMethod::wallet, std::move(address)});
    EXPECT_TRUE(receipt.has_value());
    return receipt ? receipt->orders.front().id : core::OrderId{};
  }

  static text::CsvTable Read(const http::Response& response) { return text::ReadCsv(response.body); }
  static std::vector<std::string> OrderNumbers(const text::CsvTable& table) {
    std::vector<std::string> numbers;
    for (const text::CsvRow& row : table.rows) numbers.push_back(row.fields.at(0));
    return numbers;
  }

  core::UserId buyer_;
  core::SellerId shop_, other_shop_;
  static constexpr std::string_view kOwner = "2:seller";
};

TEST_F(SellerOrderExportTest, OneRowPerLineWithABomKoreanTextAndDefusedCells) {
  const core::OrderId order = Place(shop_, {4'000, 6'000}, "=HYPERLINK(\"http://evil\")");
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), order, OrderEvent::prepare).has_value());
  ASSERT_TRUE(orders_.Ship(Seller(kShopOwner), order, {"@대동강택배", "-12345"}).has_value());

  auto response = Get("/seller/orders.csv?tab=shipped", kOwner);
  ASSERT_EQ(response.status, http::Status::ok) << response.body;
  EXPECT_EQ(response.content_type, "text/csv; charset=utf-8");
  EXPECT_TRUE(Header(response, "Content-Disposition").starts_with("attachment;"));
  ASSERT_TRUE(response.body.starts_with(text::kUtf8ByteOrderMark));
  const text::CsvTable table = Read(response);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table.header.size(), 15u);
  EXPECT_EQ(table.header.front(), "주문번호");
  EXPECT_EQ(table.header.back(), "운송장 번호");
  ASSERT_EQ(table.rows.size(), 2u);
  const std::vector<std::string>& first = table.rows[0].fields;
  EXPECT_EQ(first[0], std::to_string(order.value));
  EXPECT_EQ(first[2], "배송 중");
  EXPECT_EQ(first[3], "김철수");
  EXPECT_EQ(first[6], "'=HYPERLINK(\"http://evil\")");  // a formula is text
  EXPECT_TRUE(first[7].starts_with("상품 "));
  EXPECT_EQ(first[9], "2");
  EXPECT_EQ(first[13], "'@대동강택배");
  EXPECT_EQ(first[14], "'-12345");
  // The delivery fee is the order's: on its first line only.
  EXPECT_EQ(table.rows[1].fields[12], "");
  std::int64_t line_totals = 0;
  for (const text::CsvRow& row : table.rows) line_totals += std::stoll(row.fields[11]);
  EXPECT_EQ(line_totals, 20'000);
}

TEST_F(SellerOrderExportTest, TheListsFiltersApplyAndAnotherShopsOrdersAreAbsent) {
  const core::OrderId old_order = Place(shop_, {1'000}, "평양시 중구역 1동");
  clock_.Advance(48h);
  const core::OrderId new_order = Place(shop_, {2'000}, "평양시 모란봉구역 2동");
  const core::OrderId theirs = Place(other_shop_, {3'000}, "남포시 1동");
  ASSERT_TRUE(orders_.Apply(Seller(kShopOwner), new_order, OrderEvent::prepare).has_value());

  const std::vector<std::string> all = OrderNumbers(Read(Get("/seller/orders.csv", kOwner)));
  EXPECT_EQ(all, (std::vector<std::string>{std::to_string(new_order.value), std::to_string(old_order.value)}));
  EXPECT_EQ(OrderNumbers(Read(Get("/seller/orders.csv?tab=preparing", kOwner))),
            std::vector<std::string>{std::to_string(new_order.value)});
  EXPECT_EQ(OrderNumbers(Read(Get("/seller/orders.csv?tab=to_prepare", kOwner))),
            std::vector<std::string>{std::to_string(old_order.value)});
  const std::string today = core::LocalDate(clock_.Now());
  EXPECT_EQ(OrderNumbers(Read(Get("/seller/orders.csv?tab=all&from=" + today + "&to=" + today, kOwner))),
            std::vector<std::string>{std::to_string(new_order.value)});
  const std::string before = core::LocalDate(clock_.Now() - 48h);
  EXPECT_EQ(OrderNumbers(Read(Get("/seller/orders.csv?to=" + before, kOwner))),
            std::vector<std::string>{std::to_string(old_order.value)});
  // The list takes the same dates and its link keeps them.
  auto list = Get("/seller/orders?tab=to_prepare&from=" + before + "&to=" + before, kOwner);
  ASSERT_EQ(list.status, http::Status::ok);
  EXPECT_NE(list.body.find("/seller/orders.csv?tab=to_prepare&amp;from=" + before + "&amp;to=" + before),
            std::string::npos);
  EXPECT_NE(list.body.find("엑셀(CSV) 내려받기"), std::string::npos);
  EXPECT_NE(list.body.find("/seller/orders/" + std::to_string(old_order.value) + "\""), std::string::npos);
  EXPECT_EQ(Get("/seller/orders?tab=to_prepare&from=" + today, kOwner)
                .body.find("/seller/orders/" + std::to_string(old_order.value) + "\""),
            std::string::npos);

  // Never another shop's: not in the file, and its id is the 404.
  EXPECT_EQ(Get("/seller/orders.csv", kOwner).body.find("남포시"), std::string::npos);
  EXPECT_EQ(std::ranges::count(all, std::to_string(theirs.value)), 0);
  auto foreign = Get("/api/v1/seller/orders/export?shop_id=" + std::to_string(other_shop_.value), kOwner);
  EXPECT_EQ(foreign.status, http::Status::not_found);
  EXPECT_EQ(Get("/seller/orders.csv", std::to_string(buyer_.value) + ":buyer").status, http::Status::not_found);
}

TEST_F(SellerOrderExportTest, TheApiGivesTheSameFileAndRefusesBadFilters) {
  Place(shop_, {1'000}, "평양시 중구역 1동");
  auto page = Get("/seller/orders.csv?tab=to_prepare", kOwner);
  auto api = Get("/api/v1/seller/orders/export?tab=to_prepare", kOwner);
  ASSERT_EQ(api.status, http::Status::ok);
  EXPECT_EQ(api.body, page.body);
  auto bad_date = Get("/api/v1/seller/orders/export?from=2026-02-30", kOwner);
  EXPECT_EQ(bad_date.status, http::Status::bad_request);
  EXPECT_EQ(Code(bad_date), "invalid_date");
  EXPECT_EQ(Code(Get("/api/v1/seller/orders/export?from=2026-12-02&to=2026-12-01", kOwner)), "invalid_date");
  EXPECT_EQ(Code(Get("/api/v1/seller/orders/export?tab=everything", kOwner)), "invalid_input");
  EXPECT_EQ(Get("/api/v1/seller/orders/export", "").status, http::Status::unauthorized);
}

TEST_F(SellerOrderExportTest, ALongExportIsCutAtAnOrdersEndAndSaysSo) {
  const core::OrderId older = Place(shop_, {1'000, 2'000}, "평양시 중구역 1동");
  const core::OrderId newer = Place(shop_, {3'000, 4'000}, "평양시 중구역 1동");
  auto cut = orders_.ExportShopOrders(Seller(kShopOwner), shop_, {}, 3);
  ASSERT_TRUE(cut.has_value());
  EXPECT_TRUE(cut->truncated);
  ASSERT_EQ(cut->orders.size(), 1u);
  EXPECT_EQ(cut->orders.front().id, newer);
  EXPECT_EQ(cut->lines, 2u);
  auto whole = orders_.ExportShopOrders(Seller(kShopOwner), shop_, {}, 4);
  ASSERT_TRUE(whole.has_value());
  EXPECT_FALSE(whole->truncated);
  EXPECT_EQ(whole->orders.back().id, older);
  EXPECT_EQ(orders_.ExportShopOrders(Seller(core::UserId{3}), shop_, {}).error(), OrderError::order_not_found);
}

}  // namespace
}  // namespace manmulsang::orders
