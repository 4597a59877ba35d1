// Reviews and product Q&A through the real server (issue 5), on the shared demo store: only a
// member whose order of the product was delivered reviews it, once per line; the product's rating
// on /api/v1/products/<id> and on the cached page /p/<id> follows each review, hide and unhide at
// once; the selling shop replies (another shop cannot see the review to reply to); a member reports
// once; questions are public or private (seen by the asker and the shop's owner only) and the
// owner answers from the unanswered queue; hostile input is a clear 4xx that writes nothing; the
// no-JS pages render and refuse a form posted from another site.
//
// Actors: new members registered per scenario, the demo's sellers (user0001@example.kp, ... with
// the demo password) who own its shops, and one admin made with the CLI on the served store.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <regex>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

// A product of a demo shop whose owner can sign in, and that owner.
struct ShopProduct {
  std::int64_t id = 0;
  std::int64_t shop = 0;
  std::string owner_token;
};

struct Rating {
  double average = 0;
  std::int64_t count = 0;
};

class ReviewsBlackBoxTest : public BlackBoxTest {
 protected:
  void SetUp() override {
    BlackBoxTest::SetUp();
    if (server_ == nullptr) return;
    if (!setup_failure_.empty()) GTEST_FAIL() << setup_failure_;
    if (shops_.empty()) FindDemoShops();
    if (!setup_failure_.empty()) GTEST_FAIL() << setup_failure_;
  }

  HttpClient Browser(const Member& member) const { return SignInThroughLoginForm(member.email, kPassword); }

  // The `index`-th product (newest first) in stock and not rated yet whose shop's owner signs in;
  // each scenario takes its own, so the ratings one changes are not another's. Unrated, so that
  // the scenario's own reviews are the whole of the rating it checks (the demo's reviews, written
  // through the reviews module, rate only some listings).
  ShopProduct ProductOfAShop(std::size_t index) {
    std::size_t seen = 0;
    for (int page = 1; page <= 3; ++page) {
      HttpResponse response = Client().Get("/api/v1/products?sort=newest&per_page=100&page=" + std::to_string(page));
      if (response.status != 200) throw std::runtime_error("/api/v1/products: " + response.body);
      const boost::json::value listing = response.Json();
      for (const boost::json::value& item : listing.at("items").as_array()) {
        const auto owner = shops_.find(Int(item.at("seller").at("id")));
        if (owner == shops_.end() || Int(item.at("stock")) < 3 || Int(item.at("rating").at("count")) != 0) continue;
        if (seen++ == index) return ShopProduct{Int(item.at("id")), owner->first, owner->second};
      }
    }
    throw std::runtime_error("fewer than " + std::to_string(index + 1) + " products of shops whose owner signs in");
  }

  // The token of a shop owner other than the product's.
  std::string OtherShopOwner(const ShopProduct& product) const {
    for (const auto& [shop, token] : shops_) {
      if (shop != product.shop) return token;
    }
    throw std::runtime_error("the demo store has one shop only");
  }

  // The member buys one of the product (cash on delivery) and the shop moves the order to delivered.
  std::int64_t BuyAndDeliver(const Member& buyer, const ShopProduct& product) {
    HttpResponse added =
        Client(buyer.token).PostJson("/api/v1/cart/items", {{"product_id", product.id}, {"quantity", 1}});
    if (added.status != 201) throw std::runtime_error("add to cart: " + added.body);
    HttpResponse placed =
        Client(buyer.token)
            .PostJson("/api/v1/orders", {{"payment_method", "cod"}, {"address", "평양시 중구역 창전거리 7"}},
                      {{"Idempotency-Key", "review-" + std::to_string(buyer.id)}});
    if (placed.status != 201) throw std::runtime_error("checkout: " + placed.body);
    const boost::json::value receipt = placed.Json();
    const std::int64_t order = Int(receipt.at("orders").at(0).at("id"));
    // Not reviewable while it is on its way.
    HttpResponse early = WriteReview(buyer.token, product.id, 4, "아직 못 받았어요");
    EXPECT_TRUE(IsJsonError(early, 403)) << early.body;
    EXPECT_EQ(ErrorCode(early), "not_yet_delivered");
    for (const char* move : {"prepare", "ship", "deliver"}) {
      // Shipping names the carrier and the tracking number (both required).
      const boost::json::object body =
          std::string_view(move) == "ship"
              ? boost::json::object{{"carrier", "조선우편"}, {"tracking", "RV-" + std::to_string(order)}}
              : boost::json::object{};
      HttpResponse moved =
          Client(product.owner_token).PostJson("/api/v1/seller/orders/" + std::to_string(order) + "/" + move, body);
      if (moved.status != 200) throw std::runtime_error(std::string(move) + ": " + moved.body);
    }
    return order;
  }

  HttpResponse WriteReview(const std::string& token, std::int64_t product, boost::json::value rating,
                           std::string_view body) {
    return Client(token).PostJson("/api/v1/products/" + std::to_string(product) + "/reviews",
                                  {{"rating", rating}, {"body", body}});
  }

  Rating ApiRating(std::int64_t product) {
    HttpResponse response = Client().Get("/api/v1/products/" + std::to_string(product));
    if (response.status != 200) throw std::runtime_error("/api/v1/products/id: " + response.body);
    const boost::json::value json = response.Json();
    return Rating{json.at("rating").at("average").to_number<double>(), Int(json.at("rating").at("count"))};
  }

  // The rating the anonymous (cached) product page shows: "4.3 (상품평 12)", or nothing at all.
  std::optional<Rating> PageRating(std::int64_t product) {
    HttpResponse page = Client().Get("/p/" + std::to_string(product));
    if (page.status != 200) throw std::runtime_error("/p/id: " + std::to_string(page.status));
    // The product's own summary only: cards of other products may follow with their ratings.
    const std::size_t start = page.body.find("class=\"product-summary");
    const std::size_t end = page.body.find("class=\"product-stock\"", start);
    if (start == std::string::npos || end == std::string::npos) throw std::runtime_error("/p/id has no summary");
    const std::string summary = page.body.substr(start, end - start);
    static const std::regex kRating(
        R"(class="card-rating">.*?</span> ([0-9]+\.[0-9]) <span class="review-count">\([^0-9)]*([0-9,]+)\))");
    std::smatch match;
    if (!std::regex_search(summary, match, kRating)) return std::nullopt;
    std::string count = match[2].str();
    std::erase(count, ',');
    return Rating{std::stod(match[1].str()), std::stoll(count)};
  }

  // The API's rating as the page writes it.
  static std::string OneDecimal(double value) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
  }

  void ExpectPageShows(std::int64_t product, const Rating& rating, std::string_view when) {
    const std::optional<Rating> shown = PageRating(product);
    if (rating.count == 0) {
      EXPECT_FALSE(shown.has_value()) << when << ": the page shows a rating for a product without reviews";
      return;
    }
    ASSERT_TRUE(shown.has_value()) << when << ": no rating on /p/" << product;
    EXPECT_EQ(shown->count, rating.count) << when << ": the product page shows an old review count";
    EXPECT_EQ(OneDecimal(shown->average), OneDecimal(rating.average)) << when;
  }

  // The ids in a product's review list (first page of 100).
  std::vector<std::int64_t> ListedReviews(std::int64_t product) {
    HttpResponse response = Client().Get("/api/v1/products/" + std::to_string(product) + "/reviews?per_page=100");
    if (response.status != 200) throw std::runtime_error("reviews list: " + response.body);
    std::vector<std::int64_t> ids;
    const boost::json::value json = response.Json();
    for (const boost::json::value& item : json.at("items").as_array()) ids.push_back(Int(item.at("id")));
    return ids;
  }

  // The question ids a viewer (empty: anonymous) sees on the product.
  std::vector<std::int64_t> VisibleQuestions(std::int64_t product, const std::string& token = {}) {
    HttpResponse response =
        Client(token).Get("/api/v1/products/" + std::to_string(product) + "/questions?per_page=100");
    if (response.status != 200) throw std::runtime_error("questions list: " + response.body);
    std::vector<std::int64_t> ids;
    const boost::json::value json = response.Json();
    for (const boost::json::value& item : json.at("items").as_array()) ids.push_back(Int(item.at("id")));
    return ids;
  }

  static bool Contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

 private:
  // Demo shop id → its owner's token, for the demo sellers that sign in.
  void FindDemoShops() {
    for (const ShopOwner& seller : DemoSellers()) shops_.emplace(seller.shop, seller.token);
    if (shops_.size() < 2) setup_failure_ = "fewer than two demo sellers with shops sign in";
  }

  static inline std::map<std::int64_t, std::string> shops_;
  static inline std::string setup_failure_;
};

using ReviewsTest = ReviewsBlackBoxTest;
using QuestionsTest = ReviewsBlackBoxTest;

TEST_F(ReviewsTest, OnlyADeliveredBuyerReviewsOnceAndTheRatingFollowsAtOnce) {
  const ShopProduct product = ProductOfAShop(0);
  const Member buyer = NewMember("reviewer");

  HttpResponse anonymous = WriteReview({}, product.id, 5, "좋아요");
  EXPECT_TRUE(IsJsonError(anonymous, 401));
  HttpResponse not_bought = WriteReview(buyer.token, product.id, 5, "사지도 않았지만 좋아요");
  EXPECT_TRUE(IsJsonError(not_bought, 403));
  EXPECT_EQ(ErrorCode(not_bought), "not_a_buyer");

  BuyAndDeliver(buyer, product);

  // The page is read twice before the review: the second answer comes from the page cache.
  const Rating before = ApiRating(product.id);
  ExpectPageShows(product.id, before, "before the review");
  ExpectPageShows(product.id, before, "before the review, cached");

  const std::string text = "  포장이 꼼꼼하고 <b>배송</b>이 빨랐습니다.  ";
  HttpResponse written = WriteReview(buyer.token, product.id, 2, text);
  ASSERT_EQ(written.status, 201) << written.body;
  const boost::json::value review = written.Json();
  const std::int64_t review_id = Int(review.at("id"));
  EXPECT_EQ(Int(review.at("product_id")), product.id);
  EXPECT_EQ(Int(review.at("rating")), 2);
  EXPECT_EQ(review.at("body").as_string(), "포장이 꼼꼼하고 <b>배송</b>이 빨랐습니다.") << "the body is trimmed";
  EXPECT_FALSE(review.at("hidden").as_bool());
  EXPECT_TRUE(review.at("reply").is_null());

  HttpResponse again = WriteReview(buyer.token, product.id, 5, "한 번 더");
  EXPECT_TRUE(IsJsonError(again, 409));
  EXPECT_EQ(ErrorCode(again), "already_reviewed");

  const Rating after = ApiRating(product.id);
  EXPECT_EQ(after.count, before.count + 1);
  EXPECT_NEAR(after.average * after.count, before.average * before.count + 2, 0.01)
      << "the average is not the old one with a 2 added";
  ExpectPageShows(product.id, after, "after the review");

  HttpResponse list =
      Client().Get("/api/v1/products/" + std::to_string(product.id) + "/reviews?sort=lowest&per_page=100");
  ASSERT_EQ(list.status, 200);
  const boost::json::value listing = list.Json();
  EXPECT_EQ(Int(listing.at("total")), after.count);
  EXPECT_EQ(Int(listing.at("rating").at("count")), after.count);
  EXPECT_EQ(listing.at("sort").as_string(), "lowest");
  EXPECT_TRUE(Contains(ListedReviews(product.id), review_id));

  // The no-JS page shows it, escaped.
  HttpResponse page = Client().Get("/p/" + std::to_string(product.id) + "/reviews");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"review-" + std::to_string(review_id) + "\""), std::string::npos);
  EXPECT_NE(page.body.find("&lt;b&gt;배송&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(page.body.find("<b>배송</b>"), std::string::npos) << "the review's text reached the page unescaped";
}

TEST_F(ReviewsTest, TheShopRepliesAMemberReportsOnceAndAnAdminHides) {
  const ShopProduct product = ProductOfAShop(1);
  const Member buyer = NewMember("replied");
  BuyAndDeliver(buyer, product);
  const Rating before = ApiRating(product.id);
  HttpResponse written = WriteReview(buyer.token, product.id, 1, "크기가 설명과 달라요");
  ASSERT_EQ(written.status, 201) << written.body;
  const std::int64_t review_id = Int(written.Json().at("id"));
  const std::string review = "/api/v1/reviews/" + std::to_string(review_id);
  const Rating with_review = ApiRating(product.id);
  ASSERT_EQ(with_review.count, before.count + 1);
  ExpectPageShows(product.id, with_review, "with the review");

  // Another shop's seller and the buyer himself cannot reply: as if the review did not exist.
  HttpResponse foreign =
      Client(OtherShopOwner(product)).PostJson(review + "/reply", {{"body", "저희 상품이 아닙니다"}});
  EXPECT_TRUE(IsJsonError(foreign, 404));
  EXPECT_EQ(ErrorCode(foreign), "review_not_found");
  EXPECT_TRUE(IsJsonError(Client(buyer.token).PostJson(review + "/reply", {{"body", "자문자답"}}), 404));
  EXPECT_TRUE(IsJsonError(Client().PostJson(review + "/reply", {{"body", "누구"}}), 401));
  HttpResponse replied = Client(product.owner_token)
                             .PostJson(review + "/reply", {{"body", "불편을 드려 죄송합니다. 교환해 드리겠습니다."}});
  ASSERT_EQ(replied.status, 200) << replied.body;
  EXPECT_EQ(replied.Json().at("reply").at("body").as_string(), "불편을 드려 죄송합니다. 교환해 드리겠습니다.");
  HttpResponse list = Client().Get("/api/v1/products/" + std::to_string(product.id) + "/reviews?per_page=100");
  const boost::json::value listing = list.Json();
  const auto& items = listing.at("items").as_array();
  const auto listed =
      std::find_if(items.begin(), items.end(), [&](const auto& item) { return Int(item.at("id")) == review_id; });
  ASSERT_NE(listed, items.end());
  EXPECT_EQ(listed->at("reply").at("body").as_string(), "불편을 드려 죄송합니다. 교환해 드리겠습니다.");

  // A member reports once; twice is a conflict.
  const Member reporter = NewMember("reporter");
  HttpResponse reported = Client(reporter.token).PostJson(review + "/report", {{"reason", "욕설이 있습니다"}});
  ASSERT_EQ(reported.status, 201) << reported.body;
  EXPECT_EQ(Int(reported.Json().at("review_id")), review_id);
  HttpResponse twice = Client(reporter.token).PostJson(review + "/report", {{"reason", "다시 신고"}});
  EXPECT_TRUE(IsJsonError(twice, 409));
  EXPECT_EQ(ErrorCode(twice), "already_reported");
  EXPECT_TRUE(IsJsonError(Client().PostJson(review + "/report", boost::json::object{}), 401));
  EXPECT_TRUE(
      IsJsonError(Client(reporter.token).PostJson("/api/v1/reviews/987654321/report", boost::json::object{}), 404));

  // Only an admin hides; the review leaves the list and the rating at once, page included.
  const std::string hide = "/api/v1/admin/reviews/" + std::to_string(review_id) + "/hide";
  HttpResponse by_seller = Client(product.owner_token).PostJson(hide, boost::json::object{});
  EXPECT_TRUE(IsJsonError(by_seller, 403));
  EXPECT_EQ(ErrorCode(by_seller), "forbidden");
  EXPECT_TRUE(IsJsonError(Client(reporter.token).PostJson(hide, boost::json::object{}), 403));
  EXPECT_TRUE(IsJsonError(Client().PostJson(hide, boost::json::object{}), 401));
  EXPECT_TRUE(Contains(ListedReviews(product.id), review_id)) << "a refused hide hid the review";

  const std::string admin = AdminToken();
  HttpResponse hidden = Client(admin).PostJson(hide, {{"reason", "욕설"}});
  ASSERT_EQ(hidden.status, 200) << hidden.body;
  EXPECT_TRUE(hidden.Json().at("hidden").as_bool());
  EXPECT_FALSE(Contains(ListedReviews(product.id), review_id)) << "a hidden review is still listed";
  const Rating without = ApiRating(product.id);
  EXPECT_EQ(without.count, before.count);
  EXPECT_NEAR(without.average, before.average, 0.01);
  ExpectPageShows(product.id, without, "after the hide");
  HttpResponse page = Client().Get("/p/" + std::to_string(product.id) + "/reviews");
  EXPECT_EQ(page.body.find("id=\"review-" + std::to_string(review_id) + "\""), std::string::npos);
  // A hidden review takes no reply.
  EXPECT_TRUE(IsJsonError(Client(product.owner_token).PostJson(review + "/reply", {{"body", "다시"}}), 404));

  // And shown again, it counts again.
  HttpResponse shown =
      Client(admin).PostJson("/api/v1/admin/reviews/" + std::to_string(review_id) + "/unhide", boost::json::object{});
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_TRUE(Contains(ListedReviews(product.id), review_id));
  const Rating again = ApiRating(product.id);
  EXPECT_EQ(again.count, with_review.count);
  ExpectPageShows(product.id, again, "after the unhide");
  EXPECT_TRUE(IsJsonError(Client(admin).PostJson("/api/v1/admin/reviews/987654321/hide", {{"reason", "x"}}), 404));
}

TEST_F(ReviewsTest, HostileInputIsRefusedAndWritesNothing) {
  const ShopProduct product = ProductOfAShop(2);
  const Member buyer = NewMember("hostile");
  BuyAndDeliver(buyer, product);
  const Rating before = ApiRating(product.id);
  const std::size_t questions_before = VisibleQuestions(product.id, buyer.token).size();
  const std::string target = "/api/v1/products/" + std::to_string(product.id) + "/reviews";

  for (const boost::json::value& rating : std::vector<boost::json::value>{
           0, 6, -1, "abc", "5", 4.5, nullptr, boost::json::array{5}, 9'223'372'036'854'775'807}) {
    HttpResponse response = WriteReview(buyer.token, product.id, rating, "평점이 이상합니다");
    EXPECT_TRUE(IsJsonError(response, 400)) << "rating " << boost::json::serialize(rating);
    EXPECT_EQ(ErrorCode(response), "invalid_rating") << boost::json::serialize(rating);
    EXPECT_EQ(ErrorField(response), "rating");
  }
  const auto send = [&](const std::string& path, std::string body) {
    return Client(buyer.token).Send("POST", path, std::move(body), "application/json");
  };
  const std::vector<std::pair<std::string, std::string>> bodies = {
      {"no rating", R"({"body":"평점 없음"})"},
      {"NUL in the text", "{\"rating\":4,\"body\":\"좋은\\u0000물건\"}"},
      {"a control character", "{\"rating\":4,\"body\":\"벨\\u0007소리\"}"},
      {"bad UTF-8", std::string("{\"rating\":4,\"body\":\"\xC3\x28\xFF\xFE\"}")},
      {"a lone surrogate", R"({"rating":4,"body":"\ud800"})"},
      {"a number for the text", R"({"rating":4,"body":12345})"},
      {"2001 characters", "{\"rating\":4,\"body\":\"" + std::string(2001, 'a') + "\"}"},
      {"malformed JSON", R"({"rating":4,"body":)"},
      {"an array", R"([4,"좋아요"])"},
      {"a bad order id", R"({"rating":4,"body":"좋아요","order_id":"x"})"},
  };
  for (const auto& [what, body] : bodies) {
    HttpResponse response = send(target, body);
    EXPECT_TRUE(IsJsonError(response, 400)) << what;
  }
  // 100 KB is past the route's body limit: refused before it is read.
  HttpResponse huge = send(target, "{\"rating\":4,\"body\":\"" + std::string(100 * 1024, 'a') + "\"}");
  EXPECT_TRUE(IsJsonError(huge, 413)) << huge.status;
  EXPECT_EQ(ErrorCode(huge), "payload_too_large");
  // Ids that are not ids.
  EXPECT_TRUE(IsJsonError(WriteReview(buyer.token, 987'654'321, 4, "없는 상품"), 404));
  EXPECT_TRUE(IsJsonError(Client().Get("/api/v1/products/abc/reviews"), 404));
  EXPECT_TRUE(IsJsonError(Client().Get("/api/v1/products/-1/reviews"), 404));
  EXPECT_TRUE(IsJsonError(Client().Get(target + "?sort=random"), 400));
  EXPECT_TRUE(IsJsonError(Client().Get(target + "?per_page=101"), 400));
  EXPECT_TRUE(IsJsonError(Client().Get(target + "?page=0"), 400));

  const Rating unchanged = ApiRating(product.id);
  EXPECT_EQ(unchanged.count, before.count) << "refused input wrote a review";
  EXPECT_NEAR(unchanged.average, before.average, 1e-9);

  // The line is still unreviewed: a plain review goes through now.
  HttpResponse written = WriteReview(buyer.token, product.id, 4, "탭\t과 줄바꿈\n은 괜찮습니다");
  ASSERT_EQ(written.status, 201) << written.body;
  const std::string review = "/api/v1/reviews/" + std::to_string(Int(written.Json().at("id")));
  EXPECT_EQ(ApiRating(product.id).count, before.count + 1);

  // Replies, reports and questions refuse the same bytes.
  for (const std::string& bad : {std::string("{\"body\":\"답\\u0000변\"}"), std::string("{\"body\":\"\xC3\x28\"}"),
                                 std::string(R"({"body":"   "})"), std::string(R"({"body":null})"),
                                 "{\"body\":\"" + std::string(1001, 'x') + "\"}"}) {
    HttpResponse reply = Client(product.owner_token).Send("POST", review + "/reply", bad, "application/json");
    EXPECT_TRUE(IsJsonError(reply, 400)) << bad.substr(0, 40);
    HttpResponse question = send("/api/v1/products/" + std::to_string(product.id) + "/questions", bad);
    EXPECT_TRUE(IsJsonError(question, 400)) << bad.substr(0, 40);
  }
  const Member reporter = NewMember("hostile-reporter");
  HttpResponse report =
      Client(reporter.token)
          .Send("POST", review + "/report", "{\"reason\":\"" + std::string(301, 'r') + "\"}", "application/json");
  EXPECT_TRUE(IsJsonError(report, 400));
  EXPECT_EQ(ErrorField(report), "reason");
  EXPECT_TRUE(IsJsonError(
      send("/api/v1/products/" + std::to_string(product.id) + "/questions", R"({"body":"비공개?","private":"yes"})"),
      400));
  HttpResponse reviews = Client().Get(target + "?per_page=100");
  const boost::json::value listing = reviews.Json();
  const std::int64_t written_id = Int(written.Json().at("id"));
  for (const boost::json::value& item : listing.at("items").as_array()) {
    if (Int(item.at("id")) == written_id) {
      EXPECT_TRUE(item.at("reply").is_null()) << "a refused reply was stored";
    }
  }
  EXPECT_EQ(VisibleQuestions(product.id, buyer.token).size(), questions_before) << "a refused question was stored";
  // A refused report did not count: the member's first real one is accepted.
  EXPECT_EQ(Client(reporter.token).PostJson(review + "/report", {{"reason", "검사"}}).status, 201);
}

TEST_F(QuestionsTest, PrivateQuestionsAreSeenByTheAskerAndTheShopWhichAnswers) {
  const ShopProduct product = ProductOfAShop(3);
  const std::string questions = "/api/v1/products/" + std::to_string(product.id) + "/questions";
  const Member asker = NewMember("asker");
  const Member third = NewMember("third");

  EXPECT_TRUE(IsJsonError(Client().PostJson(questions, {{"body", "익명 질문"}}), 401));
  HttpResponse open = Client(asker.token).PostJson(questions, {{"body", "  이 노트북에 한글 자판이 있나요?  "}});
  ASSERT_EQ(open.status, 201) << open.body;
  EXPECT_EQ(open.Json().at("body").as_string(), "이 노트북에 한글 자판이 있나요?");
  EXPECT_FALSE(open.Json().at("private").as_bool());
  EXPECT_TRUE(open.Json().at("answer").is_null());
  HttpResponse closed =
      Client(asker.token)
          .PostJson(questions, {{"body", "배송지 주소를 바꿀 수 있나요? 연락처 010"}, {"private", true}});
  ASSERT_EQ(closed.status, 201) << closed.body;
  EXPECT_TRUE(closed.Json().at("private").as_bool());
  const std::int64_t open_id = Int(open.Json().at("id"));
  const std::int64_t closed_id = Int(closed.Json().at("id"));

  // Who sees what.
  for (const auto& [who, token] : std::vector<std::pair<std::string, std::string>>{
           {"anonymous", ""}, {"a third member", third.token}, {"another shop", OtherShopOwner(product)}}) {
    const std::vector<std::int64_t> seen = VisibleQuestions(product.id, token);
    EXPECT_TRUE(Contains(seen, open_id)) << who;
    EXPECT_FALSE(Contains(seen, closed_id)) << who << " sees a private question";
  }
  EXPECT_TRUE(Contains(VisibleQuestions(product.id, asker.token), closed_id)) << "the asker";
  EXPECT_TRUE(Contains(VisibleQuestions(product.id, product.owner_token), closed_id)) << "the shop's owner";
  HttpResponse listed = Client().Get(questions);
  EXPECT_NE(listed.Header("Cache-Control").value_or("").find("no-store"), std::string::npos);
  HttpResponse page = Client(third.token).Get("/p/" + std::to_string(product.id) + "/questions");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("이 노트북에 한글 자판이 있나요?"), std::string::npos);
  EXPECT_EQ(page.body.find("배송지 주소를 바꿀 수 있나요?"), std::string::npos) << "the page shows a private question";

  // The owner's unanswered queue has both.
  HttpResponse queue = Client(product.owner_token).Get("/api/v1/seller/questions?unanswered=1&per_page=100");
  ASSERT_EQ(queue.status, 200) << queue.body;
  std::vector<std::int64_t> waiting;
  const boost::json::value queued = queue.Json();
  for (const auto& item : queued.at("items").as_array()) waiting.push_back(Int(item.at("id")));
  EXPECT_TRUE(Contains(waiting, open_id));
  EXPECT_TRUE(Contains(waiting, closed_id));
  EXPECT_TRUE(IsJsonError(Client().Get("/api/v1/seller/questions?unanswered=1"), 401));
  EXPECT_TRUE(IsJsonError(Client(product.owner_token).Get("/api/v1/seller/questions?unanswered=yes"), 400));
  HttpResponse foreign_queue =
      Client(OtherShopOwner(product)).Get("/api/v1/seller/questions?shop_id=" + std::to_string(product.shop));
  EXPECT_TRUE(IsJsonError(foreign_queue, 404));
  EXPECT_EQ(ErrorCode(foreign_queue), "shop_not_found");

  // Only the product's shop answers.
  const std::string answer = "/api/v1/questions/" + std::to_string(closed_id) + "/answer";
  HttpResponse by_other = Client(OtherShopOwner(product)).PostJson(answer, {{"body", "저희가 답합니다"}});
  EXPECT_TRUE(IsJsonError(by_other, 404));
  EXPECT_EQ(ErrorCode(by_other), "question_not_found");
  EXPECT_TRUE(IsJsonError(Client(third.token).PostJson(answer, {{"body", "제가 답합니다"}}), 404));
  HttpResponse answered = Client(product.owner_token).PostJson(answer, {{"body", "네, 출고 전까지 바꿀 수 있습니다."}});
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.Json().at("answer").at("body").as_string(), "네, 출고 전까지 바꿀 수 있습니다.");

  HttpResponse after = Client(product.owner_token).Get("/api/v1/seller/questions?unanswered=1&per_page=100");
  std::vector<std::int64_t> still;
  const boost::json::value remaining = after.Json();
  for (const auto& item : remaining.at("items").as_array()) still.push_back(Int(item.at("id")));
  EXPECT_FALSE(Contains(still, closed_id)) << "an answered question is still in the unanswered queue";
  EXPECT_TRUE(Contains(still, open_id));
  HttpResponse mine = Client(asker.token).Get(questions + "?per_page=100");
  EXPECT_NE(mine.body.find("네, 출고 전까지 바꿀 수 있습니다."), std::string::npos)
      << "the asker does not see the answer";
  EXPECT_FALSE(Contains(VisibleQuestions(product.id, third.token), closed_id)) << "an answer made the question public";
  EXPECT_TRUE(
      IsJsonError(Client(product.owner_token).PostJson("/api/v1/questions/987654321/answer", {{"body", "x"}}), 404));
}

TEST_F(ReviewsTest, NoJsPagesRenderAndRefuseAFormFromAnotherSite) {
  const ShopProduct product = ProductOfAShop(4);
  const std::string id = std::to_string(product.id);
  for (const std::string& path :
       {"/p/" + id + "/reviews", "/p/" + id + "/questions", "/p/" + id + "/reviews?sort=highest"}) {
    HttpResponse page = Client().Get(path);
    EXPECT_EQ(page.status, 200) << path;
    EXPECT_NE(page.Header("Content-Type").value_or("").find("text/html"), std::string::npos) << path;
    EXPECT_NE(page.body.find("href=\"/p/" + id + "\""), std::string::npos) << path << " does not link to the product";
    EXPECT_NE(page.body.find("</html>"), std::string::npos) << path;
  }
  EXPECT_EQ(Client().Get("/p/987654321/reviews").status, 404);

  const Member buyer = NewMember("browser");
  BuyAndDeliver(buyer, product);
  const Rating before = ApiRating(product.id);
  const std::size_t questions_before = VisibleQuestions(product.id, buyer.token).size();
  const std::size_t public_before = VisibleQuestions(product.id).size();
  HttpClient browser = Browser(buyer);
  HttpResponse form_page = browser.Get("/p/" + id + "/reviews");
  ASSERT_EQ(form_page.status, 200);
  const std::optional<std::string> token = FindInputValue(form_page.body, "_csrf");
  ASSERT_TRUE(token.has_value() && !token->empty()) << "the review form has no _csrf";
  ASSERT_TRUE(browser.Cookie("mm_csrf").has_value());

  // A page on another site posts the form: no token, its own Origin — or the browser's Sec-Fetch-Site.
  const FormFields forged = {{"rating", "1"}, {"body", "다른 사이트에서 보낸 후기"}};
  HttpResponse cross_origin = browser.Post("/p/" + id + "/reviews", forged, {{"Origin", "http://evil.example"}});
  EXPECT_EQ(cross_origin.status, 403);
  HttpResponse cross_site = browser.Post("/p/" + id + "/reviews", forged, {{"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(cross_site.status, 403);
  HttpResponse wrong_token =
      browser.Post("/p/" + id + "/questions", {{"_csrf", std::string(64, 'a')}, {"body", "위조된 질문"}});
  EXPECT_EQ(wrong_token.status, 403);
  EXPECT_EQ(ApiRating(product.id).count, before.count) << "a forged form wrote a review";
  EXPECT_EQ(VisibleQuestions(product.id, buyer.token).size(), questions_before) << "a forged form asked a question";

  // The same form with the page's token goes through.
  HttpResponse posted =
      browser.Post("/p/" + id + "/reviews", {{"_csrf", *token}, {"rating", "5"}, {"body", "양식으로 쓴 후기"}});
  EXPECT_EQ(posted.status, 303) << posted.body.substr(0, 300);
  EXPECT_EQ(posted.Header("Location").value_or(""), "/p/" + id + "/reviews?written=1");
  EXPECT_EQ(ApiRating(product.id).count, before.count + 1);
  HttpResponse refused = browser.Post("/p/" + id + "/reviews", {{"_csrf", *token}, {"rating", "9"}, {"body", "다시"}});
  EXPECT_EQ(refused.status, 400) << "a bad rating in the form";
  EXPECT_NE(refused.body.find("form-error"), std::string::npos) << "the form is not re-rendered with the message";
  HttpResponse asked =
      browser.Post("/p/" + id + "/questions", {{"_csrf", *token}, {"body", "양식으로 쓴 질문"}, {"private", "1"}});
  EXPECT_EQ(asked.status, 303);
  EXPECT_EQ(VisibleQuestions(product.id, buyer.token).size(), questions_before + 1);
  EXPECT_EQ(VisibleQuestions(product.id).size(), public_before) << "a private question from the form is public";
}

}  // namespace
}  // namespace manmulsang::testing
