#include "demo/demo_order_paths.hpp"

#include <algorithm>
#include <string_view>

namespace manmulsang::demo {
namespace {

using orders::OrderEvent;
using orders::OrderStatus;
using orders::Party;
using orders::PaymentMethod;
using Seconds = std::chrono::seconds;

constexpr std::string_view kReturnReasons[] = {"크기가 맞지 않습니다", "주문한 색과 다릅니다",
                                               "포장이 손상되어 왔습니다", "생각했던 것과 다릅니다"};
constexpr std::string_view kCancelReasons[] = {"주문을 잘못 했습니다", "다른 상점에서 샀습니다",
                                               "배송지가 바뀌었습니다"};
constexpr std::string_view kCarriers[] = {"조선우편", "평양특급", "대동강택배", "만물상 배송"};

// One of every (status, method) path first, so even the smallest demo shows each status.
constexpr std::array<std::pair<OrderStatus, PaymentMethod>, 14> kEveryPath = {{
    {OrderStatus::awaiting_payment, PaymentMethod::bank_transfer},
    {OrderStatus::awaiting_payment, PaymentMethod::cash_on_delivery},
    {OrderStatus::paid, PaymentMethod::wallet},
    {OrderStatus::paid, PaymentMethod::bank_transfer},
    {OrderStatus::preparing, PaymentMethod::cash_on_delivery},
    {OrderStatus::shipped, PaymentMethod::wallet},
    {OrderStatus::delivered, PaymentMethod::cash_on_delivery},
    {OrderStatus::delivered, PaymentMethod::wallet},
    {OrderStatus::confirmed, PaymentMethod::wallet},
    {OrderStatus::confirmed, PaymentMethod::bank_transfer},
    {OrderStatus::cancelled, PaymentMethod::wallet},
    {OrderStatus::cancelled, PaymentMethod::bank_transfer},
    {OrderStatus::return_requested, PaymentMethod::cash_on_delivery},
    {OrderStatus::returned, PaymentMethod::wallet},
}};

// How a marketplace's orders are spread over the statuses (per thousand): most past orders are
// confirmed; the rest is what is moving now.
constexpr std::array<std::pair<OrderStatus, int>, 9> kStatusWeights = {{
    {OrderStatus::confirmed, 330},
    {OrderStatus::delivered, 80},
    {OrderStatus::cancelled, 110},
    {OrderStatus::shipped, 80},
    {OrderStatus::preparing, 70},
    {OrderStatus::paid, 70},
    {OrderStatus::awaiting_payment, 110},
    {OrderStatus::return_requested, 60},
    {OrderStatus::returned, 90},
}};

std::string TrackingNote(Random& random) {
  std::string number;
  for (int digit = 0; digit < 12; ++digit) number += static_cast<char>('0' + random.Below(10));
  return std::string(random.Pick(std::span<const std::string_view>(kCarriers))) + " " + number;
}

}  // namespace

std::span<const std::pair<OrderStatus, PaymentMethod>> EveryOrderPath() { return kEveryPath; }

OrderStatus PickOrderStatus(Random& random) {
  std::int64_t draw = random.Between(0, 999);
  for (const auto& [status, weight] : kStatusWeights) {
    if (draw < weight) return status;
    draw -= weight;
  }
  return OrderStatus::confirmed;
}

PaymentMethod PickPaymentMethod(Random& random, OrderStatus target) {
  if (target == OrderStatus::awaiting_payment) {
    return random.Chance(0.6) ? PaymentMethod::bank_transfer : PaymentMethod::cash_on_delivery;
  }
  if (target == OrderStatus::paid) return random.Chance(0.75) ? PaymentMethod::wallet : PaymentMethod::bank_transfer;
  const double draw = random.Unit();
  if (draw < 0.6) return PaymentMethod::wallet;
  return draw < 0.8 ? PaymentMethod::cash_on_delivery : PaymentMethod::bank_transfer;
}

Seconds RandomHours(Random& random, std::int64_t low, std::int64_t high) {
  return Seconds(random.Between(low * 3600, high * 3600));
}

std::vector<OrderMove> PlanMoves(Random& random, OrderStatus target, PaymentMethod method,
                                 const settings::Settings& settings) {
  std::vector<OrderMove> steps;
  if (target == OrderStatus::awaiting_payment) return steps;
  // Reaching "paid", or for cash on delivery the shop taking the order on.
  if (method == PaymentMethod::bank_transfer) {
    if (target == OrderStatus::cancelled && random.Chance(0.4)) {
      // The deposit never came: the job cancels it once the deadline passed.
      steps.push_back(
          {settings.BankTransferDeadline() + RandomHours(random, 0, 1), OrderEvent::expire, Party::system, ""});
      return steps;
    }
    steps.push_back({RandomHours(random, 2, 30), OrderEvent::confirm_payment, Party::admin, "은행 입금 확인"});
  }
  if (target == OrderStatus::paid) return steps;
  if (target == OrderStatus::cancelled && random.Chance(0.5)) {
    steps.push_back({RandomHours(random, 1, 30), OrderEvent::cancel, Party::buyer,
                     std::string(random.Pick(std::span<const std::string_view>(kCancelReasons)))});
    return steps;
  }
  steps.push_back({RandomHours(random, 2, 20), OrderEvent::prepare, Party::seller, ""});
  if (target == OrderStatus::preparing) return steps;
  if (target == OrderStatus::cancelled) {
    steps.push_back({RandomHours(random, 2, 24), OrderEvent::cancel, Party::seller, "재고가 모자라 주문을 취소합니다"});
    return steps;
  }
  steps.push_back({RandomHours(random, 4, 48), OrderEvent::ship, Party::seller, TrackingNote(random)});
  if (target == OrderStatus::shipped) return steps;
  steps.push_back({RandomHours(random, 24, 96), OrderEvent::deliver, Party::seller, ""});
  if (target == OrderStatus::delivered) return steps;
  if (target == OrderStatus::confirmed) {
    if (random.Chance(0.3)) {
      // The buyer never confirmed: the job did, once the window closed.
      steps.push_back(
          {settings.AutoConfirmAfter() + RandomHours(random, 0, 1), OrderEvent::confirm, Party::system, ""});
    } else {
      steps.push_back({RandomHours(random, 2, 140), OrderEvent::confirm, Party::buyer, ""});
    }
    return steps;
  }
  steps.push_back({RandomHours(random, 12, 120), OrderEvent::request_return, Party::buyer,
                   std::string(random.Pick(std::span<const std::string_view>(kReturnReasons)))});
  if (target == OrderStatus::return_requested) return steps;
  steps.push_back({RandomHours(random, 24, 72), OrderEvent::accept_return, Party::seller, "반품 상품을 받았습니다"});
  return steps;
}

Seconds AgeOfLastMove(Random& random, OrderStatus target, const settings::Settings& settings) {
  switch (target) {
    case OrderStatus::confirmed:
    case OrderStatus::cancelled:
    case OrderStatus::returned:
      return Seconds(random.Between(24 * 3600, std::chrono::duration_cast<Seconds>(kOrderHistory).count()));
    case OrderStatus::awaiting_payment:
      return Seconds(random.Between(600, std::max<std::int64_t>(1200, settings.BankTransferDeadline().count() / 2)));
    case OrderStatus::delivered:
      return Seconds(random.Between(3600, std::max<std::int64_t>(7200, settings.AutoConfirmAfter().count() * 2 / 3)));
    default:
      return Seconds(random.Between(3600, 5 * 24 * 3600));
  }
}

}  // namespace manmulsang::demo
