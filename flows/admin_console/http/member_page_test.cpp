#include "admin_console_routes_fixture.hpp"
#include "manmulsang/accounts/http/account_routes.hpp"
#include "manmulsang/core/money.hpp"

namespace manmulsang::admin_console {
namespace {

std::string Location(const http::Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name == "Location") return value;
  }
  return "";
}

bool Has(const std::string& body, std::string_view text) { return body.find(text) != std::string::npos; }

std::size_t Occurrences(const std::string& text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

// An amount as the Korean page writes it.
std::string Won(std::int64_t amount) { return core::FormatMoney({amount, core::Currency::kpw}, "ko"); }

// The member page with accounts' routes beside it, as the server has them: their forms are drawn
// from accounts' partial, and they post back to the page.
class MemberPageTest : public AdminConsoleTest {
 protected:
  MemberPageTest() {
    accounts::AddAccountRoutes(router_, renderer_, accounts_);
    AddMembers(1, "owner");  // kOwner, the owner of shop_
    auto signed_up =
        accounts_.SignUp({"younghee@example.kp", "password-123456", "김영희", core::Role::buyer, "010-1234-5678"},
                         accounts::SessionKind::browser);
    EXPECT_TRUE(signed_up.has_value());
    member_ = signed_up->user.id;
    EXPECT_TRUE(accounts_.Login("younghee@example.kp", "password-123456", "10.0.0.9", accounts::SessionKind::api));
  }

  std::string Page() { return "/admin/members/" + std::to_string(member_.value); }
  std::string Api() { return "/api/v1/admin/members/" + std::to_string(member_.value) + "/activity"; }

  // An order of the member's delivered by the shop, so the member may review it.
  core::OrderId Delivered() {
    const core::OrderId order = store_.PlaceOrder(member_, product_);
    EXPECT_TRUE(orders_.Apply(Seller(kOwner), order, orders::OrderEvent::prepare).has_value());
    EXPECT_TRUE(orders_.Ship(Seller(kOwner), order, {"조선우편", "KP-1"}).has_value());
    EXPECT_TRUE(orders_.Apply(Seller(kOwner), order, orders::OrderEvent::deliver).has_value());
    return order;
  }

  core::UserId member_;
};

TEST_F(MemberPageTest, ThePageShowsTheMemberTheirActivityAndTheActionForms) {
  const core::OrderId delivered = Delivered();
  clock_.Advance(std::chrono::minutes(5));
  const core::OrderId waiting = PlaceBankTransfer(member_, product_, 2);
  ASSERT_TRUE(reviews_.Write(Buyer(member_), {product_, delivered, 5, "맛있어요"}).has_value());
  const core::SellerId own_shop = store_.AddShop(member_, "영희네 가게");
  ASSERT_TRUE(
      accounts_.ChangeRole(testing::TestMarketplace::kAdmin, member_, core::Role::seller, "상점 승인").has_value());

  http::Response page = Get(Page(), AdminWho());
  ASSERT_EQ(page.status, http::Status::ok) << page.body;
  const std::string& body = page.body;
  EXPECT_TRUE(Has(body, "김영희"));
  EXPECT_TRUE(Has(body, "younghee@example.kp"));
  EXPECT_TRUE(Has(body, "01012345678"));
  EXPECT_TRUE(Has(body, "href=\"/admin\""));  // the breadcrumb home
  // Their orders, newest first, each linked.
  EXPECT_TRUE(Has(body, "href=\"/orders/" + std::to_string(delivered.value) + "\""));
  EXPECT_LT(body.find("id=\"order-" + std::to_string(waiting.value)),
            body.find("id=\"order-" + std::to_string(delivered.value)));
  // The wallet: a million won topped up, one 12,000 won order paid from it (the transfer is not).
  EXPECT_EQ(payments_.Wallet(member_).balance.amount, 988'000);
  EXPECT_TRUE(Has(body, "class=\"wallet-balance\">" + Won(988'000)));
  EXPECT_TRUE(Has(body, "class=\"wallet-entry\""));
  // The review, the shop, both sessions, the role change in the history.
  EXPECT_TRUE(Has(body, "맛있어요"));
  EXPECT_TRUE(Has(body, "href=\"/admin/shops/" + std::to_string(own_shop.value) + "\""));
  EXPECT_EQ(Occurrences(body, "class=\"member-session\""), 2u);
  EXPECT_TRUE(Has(body, "<code>member.role</code>"));
  EXPECT_TRUE(Has(body, "<code>wallet.credit</code>"));
  EXPECT_TRUE(Has(body, "상점 승인"));
  // accounts' forms, posting to its routes, and the links to the credit form and the audit log.
  EXPECT_TRUE(Has(body, "action=\"" + Page() + "/suspend\""));
  EXPECT_TRUE(Has(body, "action=\"" + Page() + "/role\""));
  EXPECT_TRUE(Has(body, "action=\"" + Page() + "/reset-code\""));
  EXPECT_TRUE(Has(body, "<option value=\"seller\" selected>"));
  EXPECT_TRUE(Has(body, "name=\"_csrf\""));
  EXPECT_TRUE(Has(body, "href=\"/admin/credits?member=" + std::to_string(member_.value) + "\""));
  EXPECT_TRUE(Has(body, "href=\"/admin/audit?subject_kind=member&amp;subject_id=" + std::to_string(member_.value)));

  const boost::json::object json = Json(Get(Api(), AdminWho()));
  EXPECT_EQ(json.at("member").at("name").as_string(), "김영희");
  EXPECT_EQ(json.at("member").at("role").as_string(), "seller");
  EXPECT_FALSE(json.at("member").at("suspended").as_bool());
  EXPECT_EQ(json.at("orders").at("total").as_int64(), 2);
  EXPECT_EQ(json.at("orders").at("items").as_array()[0].at("id").as_int64(), waiting.value);
  EXPECT_EQ(json.at("orders").at("items").as_array()[0].at("status").as_string(), "awaiting_payment");
  EXPECT_EQ(json.at("wallet").at("balance").at("amount").as_int64(), 988'000);
  EXPECT_EQ(json.at("wallet").at("entries").as_array().size(), 2u);  // the top-up and the payment
  EXPECT_EQ(json.at("reviews").at("total").as_int64(), 1);
  EXPECT_EQ(json.at("reviews").at("items").as_array()[0].at("body").as_string(), "맛있어요");
  EXPECT_EQ(json.at("shops").as_array().size(), 1u);
  EXPECT_EQ(json.at("sessions").as_array().size(), 2u);
  // The admins' actions on the member, newest first: the role change after the wallet's top-up.
  const auto& history = json.at("history").as_array();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].at("action").as_string(), "member.role");
  EXPECT_EQ(history[0].at("admin").at("name").as_string(), "관리자");
  EXPECT_EQ(history[1].at("action").as_string(), "wallet.credit");
}

TEST_F(MemberPageTest, SuspendingFromThePageComesBackWithTheNoticeTheReasonAndTheSessionsGone) {
  http::Response suspended = PostForm(Page() + "/suspend", {{"reason", "사기 거래 신고"}}, AdminWho());
  ASSERT_EQ(suspended.status, http::Status::see_other);
  EXPECT_EQ(Location(suspended), Page() + "?done=suspended");

  const std::string body = Get(Location(suspended), AdminWho()).body;
  EXPECT_TRUE(Has(body, "role=\"status\""));  // the notice
  EXPECT_TRUE(Has(body, "class=\"panel member-suspension\""));
  EXPECT_TRUE(Has(body, "사기 거래 신고"));
  EXPECT_TRUE(Has(body, "action=\"" + Page() + "/unsuspend\""));
  EXPECT_FALSE(Has(body, "action=\"" + Page() + "/suspend\""));
  EXPECT_FALSE(Has(body, "class=\"member-session\""));
  EXPECT_TRUE(Has(body, "<code>member.suspend</code>"));

  // A refused action comes back with the accounts catalog's words; a forged code shows nothing.
  http::Response refused = PostForm(Page() + "/role", {{"role", "wizard"}}, AdminWho());
  EXPECT_EQ(Location(refused), Page() + "?error=invalid_role");
  EXPECT_TRUE(Has(Get(Location(refused), AdminWho()).body, "id=\"form-error\""));
  EXPECT_FALSE(Has(Get(Page() + "?error=%3Cscript%3E", AdminWho()).body, "id=\"form-error\""));

  const boost::json::object json = Json(Get(Api(), AdminWho()));
  EXPECT_TRUE(json.at("member").at("suspended").as_bool());
  EXPECT_EQ(json.at("member").at("suspension_reason").as_string(), "사기 거래 신고");
  EXPECT_TRUE(json.at("sessions").as_array().empty());
}

TEST_F(MemberPageTest, AnUnknownMemberIsNotFoundAndOnlyAnAdminGetsIn) {
  for (std::string_view bad : {"/admin/members/99999", "/admin/members/0", "/admin/members/abc"}) {
    http::Response missing = Get(bad, AdminWho());
    EXPECT_EQ(missing.status, http::Status::not_found) << bad;
    EXPECT_TRUE(Has(missing.body, "<html")) << bad;  // the 404 page, in the layout
  }
  for (std::string_view bad : {"/api/v1/admin/members/99999/activity", "/api/v1/admin/members/abc/activity"}) {
    http::Response missing = Get(bad, AdminWho());
    EXPECT_EQ(missing.status, http::Status::not_found) << bad;
    EXPECT_EQ(Code(missing), "member_not_found") << bad;
  }
  // A member who gave no phone and did nothing yet: the page says so instead of blank cells.
  const std::string quiet = Get("/admin/members/" + std::to_string(kOwner.value), AdminWho()).body;
  EXPECT_TRUE(Has(quiet, "<span class=\"muted\">없음</span>"));
  EXPECT_TRUE(Has(quiet, "주문이 없습니다."));
  EXPECT_TRUE(Has(quiet, "로그인 중인 세션이 없습니다."));

  EXPECT_EQ(Get(Page(), Who(member_, "buyer")).status, http::Status::forbidden);
  EXPECT_EQ(Get(Page(), Who(kOwner, "seller")).status, http::Status::forbidden);
  EXPECT_EQ(Get(Api(), Who(member_, "buyer")).status, http::Status::forbidden);
  EXPECT_EQ(Get(Api(), "").status, http::Status::unauthorized);
  EXPECT_EQ(console_.Member(Seller(kOwner), member_).error(), ConsoleError::not_an_admin);
  EXPECT_EQ(console_.Member(Admin(), core::UserId{99999}).error(), ConsoleError::member_not_found);
}

}  // namespace
}  // namespace manmulsang::admin_console
