// Fulfilment and payout through the real server (issue 5), on the shared demo store: a new member
// orders from a demo shop (cash on delivery); the shop's owner prepares on the no-JS page, ships
// (a bad tracking number or a missing carrier is a 400 naming the field and changes nothing; the
// page's ship form answers the same), and marks it delivered, which records the cash; the buyer
// sees every step with its time and the carrier and tracking number on the API and the page,
// then confirms; the shop's ledger (API and page) shows the release with its gross, fee and net.
// Another shop's owner gets 404 on every seller endpoint and page for that order and ledger, and
// nothing changes; the buyer gets 404 on the seller pages and ledger.
//
// Actors: the demo's sellers (user0001@example.kp, ... with the demo password) who own its shops,
// and a member registered by the scenario.
#include <map>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

constexpr std::int64_t kPlatformFeeBasisPoints = 300;  // the settings' default platform fee

class FulfilmentBlackBoxTest : public BlackBoxTest {
 protected:
  void SetUp() override {
    BlackBoxTest::SetUp();
    if (server_ == nullptr) return;
    if (sellers_.empty()) sellers_ = DemoSellers();
    if (sellers_.size() < 2) GTEST_FAIL() << "fewer than two demo sellers with shops sign in";
  }

  const ShopOwner* SellerOf(std::int64_t shop) const {
    for (const ShopOwner& seller : sellers_) {
      if (seller.shop == shop) return &seller;
    }
    return nullptr;
  }

  // The member's cart gets one product of a demo shop whose owner signs in; returns its shop.
  std::int64_t AddProductOfADemoShop(const std::string& buyer_token) {
    for (int page = 1; page <= 3; ++page) {
      HttpResponse response = Client().Get("/api/v1/products?sort=newest&per_page=100&page=" + std::to_string(page));
      if (response.status != 200) throw std::runtime_error("/api/v1/products: " + response.body);
      const boost::json::value listing = response.Json();  // alive for the loop (no temporary)
      for (const boost::json::value& item : listing.at("items").as_array()) {
        const std::int64_t shop = Int(item.at("seller").at("id"));
        if (SellerOf(shop) == nullptr || Int(item.at("stock")) < 2) continue;
        HttpResponse added =
            Client(buyer_token).PostJson("/api/v1/cart/items", {{"product_id", Int(item.at("id"))}, {"quantity", 1}});
        if (added.status == 201) return shop;
      }
    }
    throw std::runtime_error("no product of a demo shop whose owner signs in could be added to a cart");
  }

  // A signed-in page's form: posts `fields` with the page's _csrf.
  static HttpResponse PostForm(HttpClient& browser, const std::string& page, const std::string& action,
                               FormFields fields) {
    HttpResponse shown = browser.Get(page);
    const std::optional<std::string> token = FindInputValue(shown.body, "_csrf");
    if (shown.status != 200 || !token) {
      throw std::runtime_error("no form with _csrf on " + page + ": " + shown.body.substr(0, 200));
    }
    fields.insert(fields.begin(), {"_csrf", *token});
    return browser.Post(action, fields);
  }

  std::string Status(const std::string& token, std::int64_t order) {
    HttpResponse response = Client(token).Get("/api/v1/orders/" + std::to_string(order));
    if (response.status != 200) return "(GET order: " + std::to_string(response.status) + ")";
    return std::string(response.Json().at("status").as_string());
  }

  static inline std::vector<ShopOwner> sellers_;
};

TEST_F(FulfilmentBlackBoxTest, OrderIsPreparedShippedDeliveredConfirmedAndPaidOut) {
  const std::string buyer_email = UniqueEmail("fulfilment-buyer");
  const std::string buyer = RegisterViaApi(buyer_email, kPassword);
  const std::int64_t shop = AddProductOfADemoShop(buyer);
  const ShopOwner& owner = *SellerOf(shop);
  const ShopOwner& other = sellers_[sellers_[0].shop == shop ? 1 : 0];
  HttpResponse placed = Client(buyer).PostJson(
      "/api/v1/orders", {{"payment_method", "cod"}, {"address", "평양시 대동강구역 문수거리 12"}},
      {{"Idempotency-Key", "fulfilment-" + buyer_email}});
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::int64_t order = Int(placed.Json().at("orders").at(0).at("id"));
  const std::int64_t total = Int(placed.Json().at("orders").at(0).at("total").at("amount"));
  const std::string id = std::to_string(order);

  // The owner's tab "to prepare" lists it, with a count; prepare on the page.
  HttpClient owner_browser = SignInThroughLoginForm(owner.email, kDemoPassword);
  HttpResponse tab = owner_browser.Get("/seller/orders?tab=to_prepare");
  ASSERT_EQ(tab.status, 200) << tab.body.substr(0, 300);
  EXPECT_NE(tab.body.find("href=\"/seller/orders/" + id + "\""), std::string::npos);
  EXPECT_NE(tab.body.find("tab-count"), std::string::npos);
  HttpResponse prepared = PostForm(owner_browser, "/seller/orders/" + id, "/seller/orders/" + id + "/prepare", {});
  EXPECT_EQ(prepared.status, 303) << prepared.body.substr(0, 300);
  EXPECT_EQ(prepared.Header("Location").value_or(""), "/seller/orders/" + id + "?done=prepare");
  EXPECT_EQ(Status(buyer, order), "preparing");
  HttpResponse notice = owner_browser.Get("/seller/orders/" + id + "?done=prepare");
  EXPECT_NE(notice.body.find("class=\"notice\""), std::string::npos);
  EXPECT_NE(notice.body.find("문수거리 12"), std::string::npos) << "the seller sees the buyer's address";

  // Another shop's owner and the buyer cannot touch it or the shop's lists and ledger: 404.
  HttpClient other_browser = SignInThroughLoginForm(other.email, kDemoPassword);
  for (const char* move : {"prepare", "ship", "deliver", "accept-return"}) {
    HttpResponse refused =
        Client(other.token)
            .PostJson("/api/v1/seller/orders/" + id + "/" + move, {{"carrier", "조선우편"}, {"tracking", "123"}});
    EXPECT_TRUE(IsJsonError(refused, 404)) << move << ": " << refused.body;
  }
  EXPECT_TRUE(IsJsonError(Client(other.token).Get("/api/v1/orders/" + id), 404));
  EXPECT_TRUE(IsJsonError(Client(other.token).Get("/api/v1/seller/orders?shop_id=" + std::to_string(shop)), 404));
  EXPECT_TRUE(IsJsonError(Client(other.token).Get("/api/v1/seller/ledger?shop_id=" + std::to_string(shop)), 404));
  EXPECT_EQ(other_browser.Get("/seller/orders/" + id).status, 404);
  HttpResponse other_list = other_browser.Get("/seller/orders?tab=preparing");
  EXPECT_EQ(other_list.status, 200);
  EXPECT_EQ(other_list.body.find("/seller/orders/" + id + "\""), std::string::npos) << "another shop's tab lists it";
  {
    // Its own page's _csrf, posted at the other shop's order.
    HttpResponse own_page = other_browser.Get("/seller/orders");
    const std::optional<std::string> token = FindInputValue(own_page.body, "_csrf");
    FormFields fields = {{"carrier", "조선우편"}, {"tracking", "123"}};
    if (token) fields.insert(fields.begin(), {"_csrf", *token});
    EXPECT_EQ(other_browser.Post("/seller/orders/" + id + "/ship", fields).status, 404);
  }
  EXPECT_TRUE(IsJsonError(
      Client(buyer).PostJson("/api/v1/seller/orders/" + id + "/ship", {{"carrier", "조선우편"}, {"tracking", "123"}}),
      409));
  EXPECT_TRUE(IsJsonError(Client(buyer).Get("/api/v1/seller/ledger"), 404));
  HttpClient buyer_browser = SignInThroughLoginForm(buyer_email, kPassword);
  EXPECT_EQ(buyer_browser.Get("/seller/orders").status, 404);
  EXPECT_EQ(buyer_browser.Get("/seller/orders/" + id).status, 404);
  EXPECT_EQ(buyer_browser.Get("/seller/ledger").status, 404);
  EXPECT_EQ(Client().Get("/seller/orders").status, 303);  // a visitor is sent to sign in
  EXPECT_TRUE(IsJsonError(Client().Get("/api/v1/seller/ledger"), 401));
  EXPECT_EQ(Status(buyer, order), "preparing") << "nothing changed";

  // Shipping needs both fields; each refusal names its field and changes nothing.
  const std::vector<std::pair<boost::json::object, std::string>> bad = {
      {{{"tracking", "123"}}, "carrier"},
      {{{"carrier", ""}, {"tracking", "123"}}, "carrier"},
      {{{"carrier", std::string(41, 'x')}, {"tracking", "123"}}, "carrier"},
      {{{"carrier", "조선우편"}}, "tracking"},
      {{{"carrier", "조선우편"}, {"tracking", "12 34"}}, "tracking"},
      {{{"carrier", "조선우편"}, {"tracking", "<b>1</b>"}}, "tracking"},
      {{{"carrier", "조선우편"}, {"tracking", 12345}}, "tracking"},
      {{{"carrier", "조선우편"}, {"tracking", std::string(41, '7')}}, "tracking"},
  };
  for (const auto& [body, field] : bad) {
    HttpResponse refused = Client(owner.token).PostJson("/api/v1/seller/orders/" + id + "/ship", body);
    EXPECT_TRUE(IsJsonError(refused, 400)) << boost::json::serialize(body) << ": " << refused.body;
    EXPECT_EQ(ErrorField(refused), field) << boost::json::serialize(body);
  }
  EXPECT_TRUE(
      IsJsonError(Client(owner.token).PostJson("/api/v1/seller/orders/" + id + "/ship", boost::json::object{}), 400));
  HttpResponse bad_form = PostForm(owner_browser, "/seller/orders/" + id, "/seller/orders/" + id + "/ship",
                                   {{"carrier", "조선우편"}, {"tracking", "NOT VALID!"}});
  EXPECT_EQ(bad_form.status, 400);
  EXPECT_NE(bad_form.body.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(bad_form.body.find("NOT VALID!"), std::string::npos) << "the typed number comes back to be fixed";
  EXPECT_EQ(Status(buyer, order), "preparing") << "nothing changed";
  HttpResponse unshipped = Client(buyer).Get("/api/v1/orders/" + id);
  EXPECT_TRUE(unshipped.Json().at("shipment").is_null());

  // Ship on the page's form, then deliver through the API (cash on delivery: the cash is recorded).
  HttpResponse shipped = PostForm(owner_browser, "/seller/orders/" + id, "/seller/orders/" + id + "/ship",
                                  {{"carrier", "평양특급"}, {"tracking", "PY-2026-0042"}});
  EXPECT_EQ(shipped.status, 303) << shipped.body.substr(0, 300);
  EXPECT_EQ(Status(buyer, order), "shipped");
  HttpResponse delivered =
      Client(owner.token).PostJson("/api/v1/seller/orders/" + id + "/deliver", boost::json::object{});
  ASSERT_EQ(delivered.status, 200) << delivered.body;

  // The buyer sees each step with its time, and the carrier and tracking number.
  HttpResponse seen = Client(buyer).Get("/api/v1/orders/" + id);
  ASSERT_EQ(seen.status, 200);
  const boost::json::value json = seen.Json();
  EXPECT_EQ(json.at("status").as_string(), "delivered");
  EXPECT_EQ(json.at("shipment").at("carrier").as_string(), "평양특급");
  EXPECT_EQ(json.at("shipment").at("tracking").as_string(), "PY-2026-0042");
  std::vector<std::string> steps;
  for (const boost::json::value& step : json.at("timeline").as_array()) {
    steps.emplace_back(step.at("status").as_string());
    EXPECT_FALSE(step.at("at").as_string().empty());
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"awaiting_payment", "preparing", "shipped", "delivered"}));
  HttpResponse page = buyer_browser.Get("/orders/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<span class=\"order-carrier\">평양특급</span>"), std::string::npos);
  EXPECT_NE(page.body.find("<span class=\"order-tracking\">PY-2026-0042</span>"), std::string::npos);
  EXPECT_NE(page.body.find("<time datetime="), std::string::npos);

  // The buyer confirms: the shop's ledger shows the release with the fee.
  HttpResponse confirmed = Client(buyer).PostJson("/api/v1/orders/" + id + "/confirm", boost::json::object{});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  const std::int64_t fee = total * kPlatformFeeBasisPoints / 10'000;
  HttpResponse ledger = Client(owner.token).Get("/api/v1/seller/ledger?per_page=100");
  ASSERT_EQ(ledger.status, 200) << ledger.body;
  const boost::json::value statement = ledger.Json();
  EXPECT_EQ(Int(statement.at("shop_id")), shop);
  bool found = false;
  for (const boost::json::value& entry : statement.at("items").as_array()) {
    if (!entry.at("order_id").is_int64() || Int(entry.at("order_id")) != order) continue;
    found = true;
    EXPECT_EQ(entry.at("kind").as_string(), "release");
    EXPECT_EQ(Int(entry.at("gross").at("amount")), total);
    EXPECT_EQ(Int(entry.at("fee").at("amount")), fee);
    EXPECT_EQ(Int(entry.at("net").at("amount")), total - fee);
  }
  EXPECT_TRUE(found) << "the release of order " << id << " is not in the ledger: " << ledger.body.substr(0, 500);
  EXPECT_GE(Int(statement.at("balance").at("amount")), total - fee);
  HttpResponse ledger_page = owner_browser.Get("/seller/ledger");
  ASSERT_EQ(ledger_page.status, 200);
  EXPECT_NE(ledger_page.body.find("data-order=\"" + id + "\""), std::string::npos);

  // And still nothing for another shop's owner.
  EXPECT_EQ(other_browser.Get("/seller/orders/" + id).status, 404);
  HttpResponse other_ledger = Client(other.token).Get("/api/v1/seller/ledger?per_page=100");
  ASSERT_EQ(other_ledger.status, 200);
  const boost::json::value other_statement = other_ledger.Json();
  for (const boost::json::value& entry : other_statement.at("items").as_array()) {
    EXPECT_FALSE(entry.at("order_id").is_int64() && Int(entry.at("order_id")) == order);
  }
  EXPECT_EQ(other_browser.Get("/seller/ledger").body.find("data-order=\"" + id + "\""), std::string::npos);
}

// The shop ships a cash-on-delivery order and never marks it delivered: the buyer confirms on the
// order page (구매 확정 from shipped, the step saying the shop is paid), which records the cash and
// pays the shop once; a second confirm and another member's are refused.
TEST_F(FulfilmentBlackBoxTest, TheBuyerConfirmsAShippedOrderTheShopNeverMarkedDelivered) {
  const std::string buyer_email = UniqueEmail("fulfilment-shipped");
  const std::string buyer = RegisterViaApi(buyer_email, kPassword);
  const std::int64_t shop = AddProductOfADemoShop(buyer);
  const ShopOwner& owner = *SellerOf(shop);
  HttpResponse placed =
      Client(buyer).PostJson("/api/v1/orders", {{"payment_method", "cod"}, {"address", "평양시 중구역 2"}},
                             {{"Idempotency-Key", "fulfilment-shipped-" + buyer_email}});
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::int64_t order = Int(placed.Json().at("orders").at(0).at("id"));
  const std::int64_t total = Int(placed.Json().at("orders").at(0).at("total").at("amount"));
  const std::string id = std::to_string(order);
  EXPECT_TRUE(IsJsonError(Client(buyer).PostJson("/api/v1/orders/" + id + "/confirm", boost::json::object{}), 409))
      << "not before it ships";
  ASSERT_EQ(Client(owner.token).PostJson("/api/v1/seller/orders/" + id + "/prepare", boost::json::object{}).status,
            200);
  ASSERT_EQ(Client(owner.token)
                .PostJson("/api/v1/seller/orders/" + id + "/ship", {{"carrier", "조선우편"}, {"tracking", "JS-13"}})
                .status,
            200);

  const std::string stranger = RegisterViaApi(UniqueEmail("fulfilment-stranger"), kPassword);
  EXPECT_TRUE(IsJsonError(Client(stranger).PostJson("/api/v1/orders/" + id + "/confirm", boost::json::object{}), 404));
  HttpClient buyer_browser = SignInThroughLoginForm(buyer_email, kPassword);
  HttpResponse page = buyer_browser.Get("/orders/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("action=\"/orders/" + id + "/confirm\""), std::string::npos);
  EXPECT_NE(page.body.find("상점에 정산"), std::string::npos);
  HttpResponse confirmed = PostForm(buyer_browser, "/orders/" + id, "/orders/" + id + "/confirm", {});
  EXPECT_EQ(confirmed.status, 303) << confirmed.body.substr(0, 300);
  EXPECT_EQ(Status(buyer, order), "confirmed");
  EXPECT_TRUE(IsJsonError(Client(buyer).PostJson("/api/v1/orders/" + id + "/confirm", boost::json::object{}), 409));

  int releases = 0;
  HttpResponse ledger = Client(owner.token).Get("/api/v1/seller/ledger?per_page=100");
  ASSERT_EQ(ledger.status, 200) << ledger.body;
  const boost::json::value statement = ledger.Json();
  for (const boost::json::value& entry : statement.at("items").as_array()) {
    if (!entry.at("order_id").is_int64() || Int(entry.at("order_id")) != order) continue;
    ++releases;
    EXPECT_EQ(Int(entry.at("gross").at("amount")), total) << "the cash paid at the door, released";
  }
  EXPECT_EQ(releases, 1);
}

TEST_F(FulfilmentBlackBoxTest, HostileInputOnTheSellerPagesIsAClearRefusalThatChangesNothing) {
  const std::string buyer_email = UniqueEmail("fulfilment-hostile");
  const std::string buyer = RegisterViaApi(buyer_email, kPassword);
  const std::int64_t shop = AddProductOfADemoShop(buyer);
  const ShopOwner& owner = *SellerOf(shop);
  HttpResponse placed =
      Client(buyer).PostJson("/api/v1/orders", {{"payment_method", "cod"}, {"address", "평양시 중구역 1"}},
                             {{"Idempotency-Key", "fulfilment-hostile-" + buyer_email}});
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string id = std::to_string(Int(placed.Json().at("orders").at(0).at("id")));
  HttpClient browser = SignInThroughLoginForm(owner.email, kDemoPassword);
  ASSERT_EQ(PostForm(browser, "/seller/orders/" + id, "/seller/orders/" + id + "/prepare", {}).status, 303);

  // Odd tabs, pages and ids: the first tab, the first page, the not-found page — never a 500.
  HttpResponse tab = browser.Get("/seller/orders?tab=%3Cscript%3E&page=abc");
  EXPECT_EQ(tab.status, 200);
  EXPECT_EQ(tab.body.find("<script>"), std::string::npos);
  for (const std::string path : {"/seller/orders/abc", "/seller/orders/0", "/seller/orders/-1",
                                 "/seller/orders/99999999999999999999999", "/seller/orders/9223372036854775807"}) {
    EXPECT_EQ(browser.Get(path).status, 404) << path;
  }
  HttpResponse notice = browser.Get("/seller/orders/" + id + "?done=%3Cscript%3Ealert(1)%3C/script%3E");
  EXPECT_EQ(notice.status, 200);
  EXPECT_EQ(notice.body.find("<script>alert"), std::string::npos);

  // The ship form with hostile fields: 400 with the message, the typed text escaped, no move.
  const std::vector<FormFields> hostile = {
      {{"carrier", "\xff\xfe"}, {"tracking", "123"}},
      {{"carrier", "조선\r\n우편"}, {"tracking", "123"}},
      {{"carrier", "조선우편"}, {"tracking", "\"><script>alert(1)</script>"}},
      {{"carrier", "조선우편"}},
      {},
  };
  for (const FormFields& fields : hostile) {
    HttpResponse refused = PostForm(browser, "/seller/orders/" + id, "/seller/orders/" + id + "/ship", fields);
    EXPECT_EQ(refused.status, 400) << refused.body.substr(0, 200);
    EXPECT_EQ(refused.body.find("<script>alert"), std::string::npos);
  }
  // A body past the form limit is refused before anything runs.
  HttpResponse huge = PostForm(browser, "/seller/orders/" + id, "/seller/orders/" + id + "/ship",
                               {{"carrier", "조선우편"}, {"tracking", std::string(10'000, '1')}});
  EXPECT_EQ(huge.status, 413);
  // A form posted from another site (which cannot read the page's _csrf) is refused.
  HttpResponse forged = browser.Post("/seller/orders/" + id + "/ship", {{"carrier", "조선우편"}, {"tracking", "123"}},
                                     {{"Origin", "http://evil.example"}});
  EXPECT_EQ(forged.status, 403);
  // The API's odd input: clear 4xx answers.
  EXPECT_TRUE(IsJsonError(Client(owner.token).Get("/api/v1/seller/ledger?shop_id=abc"), 404));
  EXPECT_TRUE(IsJsonError(Client(owner.token).Get("/api/v1/seller/ledger?page=0"), 400));
  EXPECT_TRUE(IsJsonError(Client(owner.token).Get("/api/v1/seller/orders?status=bogus"), 400));
  EXPECT_TRUE(IsJsonError(
      Client(owner.token).PostJson("/api/v1/seller/orders/abc/ship", {{"carrier", "조선우편"}, {"tracking", "1"}}),
      404));
  HttpResponse malformed =
      Client(owner.token).Send("POST", "/api/v1/seller/orders/" + id + "/ship", "{\"carrier\":", "application/json");
  EXPECT_TRUE(IsJsonError(malformed, 400)) << malformed.body;
  EXPECT_EQ(Status(buyer, std::stoll(id)), "preparing") << "nothing changed";
  HttpResponse seen = Client(buyer).Get("/api/v1/orders/" + id);
  EXPECT_TRUE(seen.Json().at("shipment").is_null());
}

}  // namespace
}  // namespace manmulsang::testing
