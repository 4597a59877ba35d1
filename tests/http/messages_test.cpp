// Messages between a buyer and a shop through the real server: the buyer orders and writes to
// the shop about the order from the order's no-JS form, the shop's owner answers from the seller
// center's inbox, and the buyer reads the answer (the header counts it first); a third member
// gets 404 for the conversation, its pages and its API, and changes nothing.
#include <string>

#include "blackbox.hpp"
#include "html_scan.hpp"

namespace manmulsang::testing {
namespace {

class MessagesBlackBoxTest : public BlackBoxTest {};

TEST_F(MessagesBlackBoxTest, ABuyerAsksTheShopAboutAnOrderAndTheShopAnswers) {
  const ShopOwner seller = ApprovedSeller("messages-shop", "쪽지 상회");
  HttpResponse listed = Client(seller.token)
                            .PostJson("/api/v1/seller/products", {{"category", "food"},
                                                                  {"name", "쪽지 강냉이"},
                                                                  {"description", "고소한 강냉이"},
                                                                  {"price", {{"amount", 3000}, {"currency", "KPW"}}},
                                                                  {"stock", 20}});
  ASSERT_EQ(listed.status, 201) << listed.body;
  const std::int64_t product = Int(listed.Json().at("id"));

  const Member buyer = NewMember("messages-buyer");
  ASSERT_EQ(Client(buyer.token).PostJson("/api/v1/cart/items", {{"product_id", product}, {"quantity", 1}}).status, 201);
  HttpResponse placed =
      Client(buyer.token)
          .PostJson("/api/v1/orders", {{"payment_method", "cod"}, {"address", "평양시 중구역 창전거리 9"}},
                    {{"Idempotency-Key", "messages-" + std::to_string(buyer.id)}});
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string order = std::to_string(Int(placed.Json().at("orders").at(0).at("id")));

  // The buyer's order page links the form; the form posts without script.
  HttpClient buyer_browser = SignInThroughLoginForm(buyer.email, kPassword);
  HttpResponse order_page = buyer_browser.Get("/orders/" + order);
  ASSERT_EQ(order_page.status, 200);
  EXPECT_NE(order_page.body.find("/messages/new?order_id=" + order), std::string::npos);
  HttpResponse form = buyer_browser.Get("/messages/new?order_id=" + order);
  ASSERT_EQ(form.status, 200) << form.body;
  const std::optional<std::string> csrf = FindInputValue(form.body, "_csrf");
  ASSERT_TRUE(csrf.has_value());
  HttpResponse sent = buyer_browser.Send("POST", "/messages",
                                         MultipartBody({{"_csrf", *csrf},
                                                        {"order_id", order},
                                                        {"body", "언제 보내 주시나요?"},
                                                        {"photos", "", std::string(), "application/octet-stream"}}),
                                         MultipartType());
  ASSERT_EQ(sent.status, 303) << sent.body;
  const std::string location = sent.Header("Location").value_or("");
  const std::string thread = location.substr(0, location.find('#'));
  ASSERT_TRUE(thread.starts_with("/messages/")) << location;
  const std::string id = thread.substr(std::string("/messages/").size());

  // The shop's owner sees it in the inbox, unread in the header, and answers as the shop.
  HttpClient seller_browser = SignInThroughLoginForm(seller.email, kPassword);
  HttpResponse inbox = seller_browser.Get("/seller/messages");
  ASSERT_EQ(inbox.status, 200);
  EXPECT_NE(inbox.body.find("href=\"/seller/messages/" + id + "\""), std::string::npos) << inbox.body;
  HttpResponse seller_thread = seller_browser.Get("/seller/messages/" + id);
  ASSERT_EQ(seller_thread.status, 200);
  EXPECT_NE(seller_thread.body.find("언제 보내 주시나요?"), std::string::npos);
  const std::optional<std::string> seller_csrf = FindInputValue(seller_thread.body, "_csrf");
  ASSERT_TRUE(seller_csrf.has_value());
  HttpResponse answered =
      seller_browser.Send("POST", "/seller/messages/" + id,
                          MultipartBody({{"_csrf", *seller_csrf}, {"body", "내일 아침에 보냅니다."}}), MultipartType());
  ASSERT_EQ(answered.status, 303) << answered.body;

  // The buyer has one unread message and reads the answer.
  HttpResponse listed_api = Client(buyer.token).Get("/api/v1/messages");
  ASSERT_EQ(listed_api.status, 200);
  EXPECT_EQ(Int(listed_api.Json().at("items").at(0).at("unread")), 1);
  HttpResponse read = buyer_browser.Get(thread);
  ASSERT_EQ(read.status, 200);
  EXPECT_NE(read.body.find("내일 아침에 보냅니다."), std::string::npos);
  EXPECT_EQ(Int(Client(buyer.token).Get("/api/v1/messages").Json().at("items").at(0).at("unread")), 0);

  // A third member: 404 everywhere, nothing written.
  const Member stranger = NewMember("messages-stranger");
  HttpClient stranger_browser = SignInThroughLoginForm(stranger.email, kPassword);
  EXPECT_EQ(stranger_browser.Get(thread).status, 404);
  EXPECT_EQ(stranger_browser.Get("/seller/messages/" + id).status, 404);
  EXPECT_EQ(stranger_browser.Get("/messages/new?order_id=" + order).status, 404);
  HttpResponse intruding = Client(stranger.token).PostJson("/api/v1/messages/" + id, {{"body", "끼어들기"}});
  EXPECT_TRUE(IsJsonError(intruding, 404)) << intruding.body;
  EXPECT_EQ(Client(stranger.token).Get("/api/v1/messages/" + id).status, 404);
  HttpResponse after = Client(buyer.token).Get("/api/v1/messages/" + id);
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(after.Json().at("messages").as_array().size(), 2u);
}

}  // namespace
}  // namespace manmulsang::testing
