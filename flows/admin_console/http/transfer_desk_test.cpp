#include "admin_console_routes_fixture.hpp"

namespace manmulsang::admin_console {
namespace {

std::string Location(const http::Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name == "Location") return value;
  }
  return "";
}

class TransferDeskTest : public AdminConsoleTest {
 protected:
  orders::OrderStatus StatusOf(core::OrderId order) { return orders_.GetOrder(Admin(), order)->status; }
  std::string ConfirmPath(core::OrderId order) {
    return "/admin/transfers/" + std::to_string(order.value) + "/confirm";
  }

  static constexpr core::UserId kBuyer{100};
};

TEST_F(TransferDeskTest, TheDeskListsTransfersOldestFirstAndConfirmingOnePaysItOnceWithAnAuditEntry) {
  const core::UserId buyer = accounts_.InsertGeneratedMembers(
      std::vector<accounts::RegisterCommand>{{"buyer@example.kp", "password-123456", "김철수"}})[0];
  const core::OrderId first = PlaceBankTransfer(buyer, product_, 2);  // 24,000
  clock_.Advance(std::chrono::hours(1));
  const core::OrderId second = PlaceBankTransfer(kBuyer, product_, 1);
  store_.PlaceOrder(kBuyer, product_, 1);  // paid from the wallet: not on the desk

  const boost::json::object json = Json(Get("/api/v1/admin/transfers", AdminWho()));
  EXPECT_EQ(json.at("total").as_int64(), 2);
  const auto& items = json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("order").as_int64(), first.value);
  EXPECT_EQ(items[1].at("order").as_int64(), second.value);
  EXPECT_EQ(items[0].at("buyer").at("name").as_string(), "김철수");
  EXPECT_EQ(items[0].at("shop").at("name").as_string(), "만물 상회");
  EXPECT_EQ(items[0].at("total").at("amount").as_int64(), 24'000);
  EXPECT_EQ(items[0].at("deadline").as_int64() - items[0].at("placed_at").as_int64(), 72 * 3600);

  http::Response desk = Get("/admin/transfers", AdminWho());
  ASSERT_EQ(desk.status, http::Status::ok);
  EXPECT_NE(desk.body.find("action=\"" + ConfirmPath(first) + "\""), std::string::npos);
  EXPECT_NE(desk.body.find("name=\"_csrf\""), std::string::npos);
  EXPECT_NE(desk.body.find("href=\"/admin\""), std::string::npos);  // the breadcrumb home
  EXPECT_LT(desk.body.find("id=\"transfer-" + std::to_string(first.value)),
            desk.body.find("id=\"transfer-" + std::to_string(second.value)));

  http::Response confirmed = PostForm(ConfirmPath(first), {{"reference", "  김철수 입금 0042  "}}, AdminWho());
  EXPECT_EQ(confirmed.status, http::Status::see_other);
  EXPECT_EQ(Location(confirmed), "/admin/transfers?confirmed=" + std::to_string(first.value));
  EXPECT_EQ(StatusOf(first), orders::OrderStatus::paid);
  EXPECT_EQ(StatusOf(second), orders::OrderStatus::awaiting_payment);
  const payments::LedgerAudit ledger = payments_.Audit();
  EXPECT_EQ(ledger.sum, 0);
  EXPECT_EQ(ledger.unbalanced_transfers, 0);
  EXPECT_EQ(ledger.negative_wallets, 0);
  const auto entries = audit_log_.ForSubject("order", std::to_string(first.value));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].entry.action, "order.confirm_payment");
  EXPECT_EQ(entries[0].entry.admin, testing::TestMarketplace::kAdmin);
  EXPECT_EQ(entries[0].entry.before, "awaiting_payment");
  EXPECT_EQ(entries[0].entry.after, "paid");
  EXPECT_EQ(entries[0].entry.reason, "김철수 입금 0042");
  EXPECT_EQ(orders_.GetOrder(Admin(), first)->timeline.back().note, "김철수 입금 0042");

  const std::string after = Get(Location(confirmed), AdminWho()).body;
  EXPECT_NE(after.find("role=\"status\""), std::string::npos);
  EXPECT_EQ(after.find("id=\"transfer-" + std::to_string(first.value)), std::string::npos);
  EXPECT_EQ(Json(Get("/api/v1/admin/transfers", AdminWho())).at("total").as_int64(), 1);
  EXPECT_EQ(Json(Get("/api/v1/admin/dashboard", AdminWho())).at("today").at("orders").as_int64(), 3);

  // Confirming it again is refused and moves no money.
  http::Response again = PostForm(ConfirmPath(first), {{"reference", "두 번째"}}, AdminWho());
  EXPECT_EQ(again.status, http::Status::conflict);
  EXPECT_EQ(payments_.Audit().transfers, ledger.transfers);
  EXPECT_EQ(audit_log_.ForSubject("order", std::to_string(first.value)).size(), 1u);
}

TEST_F(TransferDeskTest, BadConfirmationsChangeNothing) {
  const core::OrderId order = PlaceBankTransfer(kBuyer, product_, 1);
  const core::OrderId wallet_order = store_.PlaceOrder(kBuyer, product_, 1);
  const std::int64_t transfers = payments_.Audit().transfers;

  for (std::string reference : {std::string(""), std::string("   "), std::string(kMaxDepositReference + 1, 'a'),
                                std::string("\xff\xfe"), std::string("a\nb"), std::string("a\x01z")}) {
    http::Response refused = PostForm(ConfirmPath(order), {{"reference", reference}}, AdminWho());
    EXPECT_EQ(refused.status, http::Status::bad_request);
    EXPECT_NE(refused.body.find("id=\"form-error\""), std::string::npos);
    EXPECT_NE(refused.body.find("aria-invalid=\"true\""), std::string::npos);
  }
  EXPECT_EQ(PostForm(ConfirmPath(wallet_order), {{"reference", "입금"}}, AdminWho()).status, http::Status::conflict);
  for (std::string_view bad : {"/admin/transfers/abc/confirm", "/admin/transfers/0/confirm",
                               "/admin/transfers/99999/confirm", "/admin/transfers/-1/confirm"}) {
    EXPECT_EQ(PostForm(bad, {{"reference", "입금"}}, AdminWho()).status, http::Status::not_found) << bad;
  }
  // Only an admin: the route's role refuses first, the service again.
  EXPECT_EQ(PostForm(ConfirmPath(order), {{"reference", "입금"}}, Who(kOwner, "seller")).status,
            http::Status::forbidden);
  EXPECT_EQ(console_.ConfirmTransfer(Seller(kOwner), order, "입금").error(), ConsoleError::not_an_admin);

  EXPECT_EQ(StatusOf(order), orders::OrderStatus::awaiting_payment);
  EXPECT_EQ(StatusOf(wallet_order), orders::OrderStatus::paid);
  EXPECT_EQ(payments_.Audit().transfers, transfers);
  EXPECT_EQ(audit_log_.Search({.action_prefix = "order."}).total, 0);
  EXPECT_EQ(Get("/api/v1/admin/transfers?page=0", AdminWho()).status, http::Status::bad_request);
}

}  // namespace
}  // namespace manmulsang::admin_console
