#include "demo/demo_disputes.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace manmulsang::demo {
namespace {

// What each side says, for each of the three disputes.
struct DisputeWords {
  std::string_view return_reason;
  std::string_view refusal_reason;
  std::string_view escalation_reason;
};
constexpr std::array<DisputeWords, 3> kWords = {{
    {"받은 물건의 색이 사진과 다릅니다.", "같은 제품을 사진 그대로 보냈습니다. 화면에 따라 색이 다르게 보입니다.",
     "밝은 곳에서 봐도 사진보다 훨씬 어둡습니다. 사진을 보내 드렸습니다."},
    {"포장을 열어 보니 모서리가 깨져 있었습니다.", "발송 전 사진에는 흠이 없습니다. 배송 중에 생긴 일입니다.",
     "받자마자 깨진 상태였습니다. 택배 상자도 멀쩡했습니다."},
    {"생각보다 작아서 돌려보내고 싶습니다.", "단순 변심 반품은 상품 설명에 적은 대로 받지 않습니다.",
     "크기가 상품 설명과 다르다고 생각합니다."},
}};

core::Actor Buyer(core::UserId user) { return {user, core::Role::buyer, "회원 " + std::to_string(user.value)}; }
core::Actor Seller(core::UserId user) { return {user, core::Role::seller, "판매자 " + std::to_string(user.value)}; }

}  // namespace

DemoDisputesSummary GenerateDemoDisputes(app::MarketplaceServices& services, core::UserId admin_user) {
  DemoDisputesSummary summary;
  const core::Actor admin{admin_user, core::Role::admin, "관리자"};
  auto shops = services.applications.List(admin, sellers::ShopStatus::approved, 1, 100);
  if (!shops) return summary;
  // One delivered order from each of the first shops that have one: three shops, three disputes.
  std::size_t next = 0;
  for (const sellers::Shop& shop : shops->items) {
    if (next == kWords.size()) break;
    const std::array statuses = {orders::OrderStatus::delivered};
    auto delivered = services.orders.ShopOrdersIn(admin, shop.id, statuses, 1, 1);
    if (!delivered || delivered->items.empty()) continue;
    const orders::Order& order = delivered->items.front();
    const DisputeWords& words = kWords[next];
    using orders::OrderEvent;
    if (!services.orders.Apply(Buyer(order.buyer), order.id, OrderEvent::request_return, words.return_reason) ||
        !services.orders.Apply(Seller(shop.owner), order.id, OrderEvent::refuse_return, words.refusal_reason) ||
        !services.orders.Apply(Buyer(order.buyer), order.id, OrderEvent::escalate, words.escalation_reason)) {
      continue;
    }
    switch (next++) {
      case 0:
        ++summary.waiting;
        break;
      case 1:
        // A third back (in whole hundreds of won), the rest to the shop minus the fee on it.
        if (services.orders.DecideDispute(
                admin, order.id,
                {orders::DisputeOutcome::partial_refund, std::max<std::int64_t>(order.total_kpw / 3 / 100 * 100, 1),
                 "배송 중 파손으로 보이나 상품은 쓸 수 있어 3분의 1을 돌려드립니다."})) {
          ++summary.partly_refunded;
        }
        break;
      default:
        if (services.orders.DecideDispute(
                admin, order.id,
                {orders::DisputeOutcome::close, 0, "상품 설명에 크기가 정확히 적혀 있어 상점의 거절이 맞습니다."})) {
          ++summary.closed_for_shop;
        }
        break;
    }
  }
  return summary;
}

}  // namespace manmulsang::demo
