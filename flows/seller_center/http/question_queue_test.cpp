// The question queue names each question's product, read for the whole page at once.

#include <regex>

#include "seller_center_routes_fixture.hpp"

namespace manmulsang::seller_center {
namespace {

class QuestionQueueTest : public SellerCenterTest {
 protected:
  // The queue page's item for question: its link to the product and the text of that link.
  static std::string ProductLinkOf(const std::string& html, reviews::QuestionId question) {
    const std::regex item("<li class=\"question\" id=\"question-" + std::to_string(question.value) +
                          "\">\\s*<p><a href=\"(/p/[0-9]+)\">([^<]*)</a>");
    std::smatch match;
    if (!std::regex_search(html, match, item)) return "";
    return match[1].str() + " " + match[2].str();
  }
};

TEST_F(QuestionQueueTest, EachQuestionShowsTheNameOfItsOwnProduct) {
  const core::ProductId kettle = store_.AddListing(shop_, 9'000);    // 상품 3
  const core::ProductId lantern = store_.AddListing(shop_, 15'000);  // 상품 4
  auto on_first = questions_.Ask(Buyer(kBuyer), {product_, "첫 상품 질문", false});
  auto on_kettle = questions_.Ask(Buyer(kBuyer), {kettle, "주전자 질문", false});
  auto again_on_first = questions_.Ask(Buyer(kBuyer), {product_, "첫 상품 두번째 질문", true});
  auto on_lantern = questions_.Ask(Buyer(kBuyer), {lantern, "등 질문", false});
  ASSERT_TRUE(on_first && on_kettle && again_on_first && on_lantern);
  ASSERT_TRUE(questions_.Answer(Seller(kOwner), on_lantern->id, "네, 있습니다.").has_value());

  auto queue = center_.QuestionsOf(Seller(kOwner), std::nullopt, 1, 20);
  ASSERT_TRUE(queue.has_value());
  EXPECT_EQ(queue->unanswered.items.size(), 3u);
  ASSERT_EQ(queue->answered.size(), 1u);
  const std::map<core::ProductId, std::string> expected = {
      {product_, "상품 1"}, {kettle, "상품 3"}, {lantern, "상품 4"}};
  EXPECT_EQ(queue->product_names, expected);

  const std::string html = Get("/seller/questions", Who(kOwner)).body;
  const auto link = [](core::ProductId product, std::string_view name) {
    return "/p/" + std::to_string(product.value) + " " + std::string(name);
  };
  EXPECT_EQ(ProductLinkOf(html, on_first->id), link(product_, "상품 1"));
  EXPECT_EQ(ProductLinkOf(html, on_kettle->id), link(kettle, "상품 3"));
  EXPECT_EQ(ProductLinkOf(html, again_on_first->id), link(product_, "상품 1"));
  EXPECT_EQ(ProductLinkOf(html, on_lantern->id), link(lantern, "상품 4"));
}

TEST_F(QuestionQueueTest, AQuestionOnADeletedListingStaysInTheQueueWithoutAName) {
  catalog::NewProduct listing;
  listing.seller = shop_;
  listing.category = catalog_.CategoryBySlug("food")->id;
  listing.name = "사라질 주전자";
  listing.price = {5'000, core::Currency::kpw};
  listing.stock = 10;
  listing.created_at = clock_.Now();
  std::vector<catalog::NewProduct> listings = {listing};
  const core::ProductId gone = catalog_.InsertProducts(listings).front();
  auto kept = questions_.Ask(Buyer(kBuyer), {product_, "남은 상품 질문", false});
  auto orphan = questions_.Ask(Buyer(kBuyer), {gone, "지워질 상품 질문", false});
  ASSERT_TRUE(kept && orphan);
  ASSERT_TRUE(store_.services().listings.Delete(Seller(kOwner), gone).has_value());

  auto queue = center_.QuestionsOf(Seller(kOwner), std::nullopt, 1, 20);
  ASSERT_TRUE(queue.has_value());
  ASSERT_EQ(queue->unanswered.items.size(), 2u);
  const std::map<core::ProductId, std::string> expected = {{product_, "상품 1"}, {gone, ""}};
  EXPECT_EQ(queue->product_names, expected);
  const std::string html = Get("/seller/questions", Who(kOwner)).body;
  EXPECT_EQ(ProductLinkOf(html, kept->id), "/p/" + std::to_string(product_.value) + " 상품 1");
  // The page falls back to "상품 <id>" for a product it cannot name.
  const std::string id = std::to_string(gone.value);
  EXPECT_EQ(ProductLinkOf(html, orphan->id), "/p/" + id + " 상품 " + id);
  EXPECT_EQ(html.find("사라질 주전자"), std::string::npos);
}

}  // namespace
}  // namespace manmulsang::seller_center
