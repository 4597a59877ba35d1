#include "demo/demo_messages.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "demo/demo_random.hpp"

namespace manmulsang::demo {
namespace {

// How many buyers write: one per this many products, within the bounds.
constexpr std::int64_t kProductsPerConversation = 100;
constexpr std::int64_t kMinConversations = 6;
constexpr std::int64_t kMaxConversations = 40;
constexpr double kAboutAnOrder = 0.6;  // else about a listing
constexpr double kAnswered = 0.7;
constexpr double kFollowUp = 0.4;

constexpr std::array<std::string_view, 6> kOrderQuestions = {
    "안녕하세요. 주문한 물건은 언제쯤 보내 주시나요?",
    "주소를 잘못 적었습니다. 평양시 중구역 창전거리 12로 보내 주실 수 있을까요?",
    "받은 물건의 크기가 생각보다 작습니다. 바꿀 수 있을까요?",
    "영수증을 함께 넣어 주실 수 있습니까?",
    "같은 물건을 하나 더 주문하면 함께 보내 주실 수 있나요?",
    "포장이 조금 찢어져서 왔습니다. 사진을 보내 드릴까요?",
};
constexpr std::array<std::string_view, 5> kProductQuestions = {
    "이 상품 재고가 아직 있나요?",
    "다른 색상도 들어올 예정인가요?",
    "직접 가서 찾아갈 수 있는 곳이 있습니까?",
    "열 개를 사면 조금 깎아 주실 수 있나요?",
    "제조일이 언제인지 알 수 있을까요?",
};
constexpr std::array<std::string_view, 6> kAnswers = {
    "문의 감사합니다. 내일 오전에 보내 드리겠습니다.",
    "네, 가능합니다. 주문 메모에 남겨 두었습니다.",
    "불편을 드려 죄송합니다. 바꿔 드리겠습니다.",
    "재고 넉넉합니다. 편하게 주문하십시오.",
    "다음 주에 새로 들어옵니다. 들어오면 알려 드리겠습니다.",
    "상점에 오셔서 찾아가셔도 됩니다. 오후 6시까지 엽니다.",
};
constexpr std::array<std::string_view, 4> kFollowUps = {
    "감사합니다. 기다리겠습니다.",
    "알겠습니다. 잘 부탁드립니다.",
    "빠른 답변 고맙습니다!",
    "그럼 그렇게 해 주십시오.",
};

}  // namespace

DemoMessagesSummary GenerateDemoMessages(app::MarketplaceServices& services, const DemoSummary& marketplace,
                                         const DemoOptions& options) {
  DemoMessagesSummary summary;
  if (marketplace.buyers.empty()) return summary;
  Random random(options.seed * 0x9e3779b97f4a7c15ULL + 0x6d657373616765ULL);
  const std::int64_t wanted =
      std::clamp(marketplace.products / kProductsPerConversation, kMinConversations, kMaxConversations);
  const std::size_t writers = std::min<std::size_t>(static_cast<std::size_t>(wanted), marketplace.buyers.size());
  const std::vector<core::UserId> chosen(marketplace.buyers.begin(), marketplace.buyers.begin() + writers);
  for (const accounts::User& user : services.accounts.FindUsers(chosen)) {
    const core::Actor buyer{user.id, core::Role::buyer, user.name};
    messages::StartTarget target;
    std::string_view question;
    if (random.Chance(kAboutAnOrder)) {
      const orders::OrderPage orders = services.orders.BuyerOrders(user.id, 1, 5);
      if (!orders.items.empty()) {
        target.order = orders.items[random.Below(orders.items.size())].id;
        question = kOrderQuestions[random.Below(kOrderQuestions.size())];
      }
    }
    if (!target.order) {
      if (marketplace.product_sample.empty()) continue;
      target.product = marketplace.product_sample[random.Below(marketplace.product_sample.size())];
      question = kProductQuestions[random.Below(kProductQuestions.size())];
    }
    auto started = services.messages.Start(buyer, target, messages::NewMessage{std::string(question), {}});
    if (!started) {
      ++summary.refused;  // a listing of the buyer's own shop, or one no longer sold
      continue;
    }
    ++summary.conversations;
    ++summary.messages;
    const auto shop = services.sellers.GetShop(started->conversation.shop);
    if (!shop || !random.Chance(kAnswered)) {
      ++summary.unanswered;
      continue;
    }
    const core::Actor owner{shop->owner, core::Role::seller, shop->name};
    const std::string_view answer = kAnswers[random.Below(kAnswers.size())];
    if (services.messages.Reply(owner, started->conversation.id, messages::NewMessage{std::string(answer), {}})) {
      ++summary.messages;
    } else {
      ++summary.refused;
    }
    if (random.Chance(kFollowUp)) {
      const std::string_view follow_up = kFollowUps[random.Below(kFollowUps.size())];
      if (services.messages.Reply(buyer, started->conversation.id, messages::NewMessage{std::string(follow_up), {}})) {
        ++summary.messages;
      } else {
        ++summary.refused;
      }
    }
  }
  return summary;
}

}  // namespace manmulsang::demo
