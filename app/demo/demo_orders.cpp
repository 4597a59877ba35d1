#include "demo/demo_orders.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <queue>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "demo/demo_data.hpp"
#include "demo/demo_order_paths.hpp"
#include "demo/demo_past.hpp"
#include "demo/demo_progress.hpp"
#include "demo/demo_random.hpp"
#include "manmulsang/cart/cart.hpp"
#include "manmulsang/orders/address_book.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/payments/payments.hpp"

namespace manmulsang::demo {
namespace {

using namespace std::chrono_literals;
using orders::OrderEvent;
using orders::OrderStatus;
using orders::Party;
using orders::PaymentMethod;
using Seconds = std::chrono::seconds;

constexpr std::int64_t kMinOrders = 40;
constexpr std::int64_t kMaxOrders = 2000;
constexpr std::int64_t kProductsPerOrder = 25;
// A few buyers order much more than the rest, so a demo login shows a long order list.
constexpr std::size_t kKeenBuyers = 5;
constexpr double kKeenShare = 0.25;
// Top-ups are whole tens of thousands of won, as cash handed over at a counter is.
constexpr std::int64_t kCashUnit = 10'000;

// The demo's admin: the desk clerk who recorded each deposit in the ledger, and the login that
// opens /admin. A demo store must not ship a known admin password, so it gets a fresh random one
// that `manmulsang demo` prints once; only its Argon2id hash is stored.
constexpr std::string_view kAdminEmail = "admin@example.kp";
constexpr std::string_view kCashierName = "만물상 관리자";

constexpr std::string_view kStreets[] = {"중앙거리", "통일거리", "창광거리", "려명거리",
                                         "문수거리", "해방거리", "역전동",   "락원동"};

struct PlannedOrder {
  core::UserId buyer;
  core::SellerId shop;
  PaymentMethod method = PaymentMethod::wallet;
  OrderStatus target = OrderStatus::paid;
  std::vector<cart::CartItem> items;
  std::vector<OrderMove> steps;
  core::TimePoint placed_at;
  std::optional<core::OrderId> id;  // once placed
};

struct SampleProduct {
  core::ProductId id;
  core::SellerId shop;
  std::int64_t stock_left = 0;  // what this step may still sell, keeping one unit listed
  core::TimePoint listed_at;
};

std::string FourDigits(std::int64_t number) {
  std::string text = std::to_string(number);
  return text.size() >= 4 ? text : std::string(4 - text.size(), '0') + text;
}

// Sixteen characters from an alphabet without look-alikes (no 0/O, 1/l/I), in groups of four to
// copy from the terminal: about 80 bits from the system's random source, whatever the seed.
std::string AdminPassword() {
  constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::random_device device;
  std::string password;
  for (int index = 0; index < 16; ++index) {
    if (index > 0 && index % 4 == 0) password += '-';
    password += kAlphabet[device() % kAlphabet.size()];
  }
  return password;
}

// A moment in the demo: a top-up of a wallet that has no orders yet, an order's checkout, or one
// of its moves. Done in time order, so balances, stock and ids grow as they would have.
struct Happening {
  core::TimePoint at;
  std::size_t order = 0;  // index into the plan (or into the wallet-only buyers for top-ups)
  int step = 0;           // 0: checkout; k: steps[k - 1]; -1: a top-up
  bool operator>(const Happening& other) const {
    return std::tie(at, order, step) > std::tie(other.at, other.order, other.step);
  }
};

class DemoOrders : DemoStepInThePast {
 public:
  DemoOrders(db::Database& database, accounts::AccountService& accounts, sellers::SellerService& sellers,
             catalog::CatalogService& catalog, core::TimePoint start, core::TimePoint now,
             const DemoSummary& marketplace, const DemoOptions& options)
      : DemoStepInThePast(database, accounts, sellers, catalog, start, now, marketplace, options),
        addresses_(database, clock_),
        random_(options.seed * 0x9e3779b97f4a7c15ULL + 0x6f72646572ULL) {}

  DemoOrdersSummary Run() {
    DemoOrdersSummary summary;
    if (marketplace_.buyers.empty()) return summary;
    PrepareCashier();
    ReadSample();
    if (sample_.empty()) return summary;
    Plan(DemoOrderCount(marketplace_.products));

    std::priority_queue<Happening, std::vector<Happening>, std::greater<>> agenda;
    for (std::size_t index = 0; index < plan_.size(); ++index) agenda.push({plan_[index].placed_at, index, 0});
    for (std::size_t index = 0; index < saver_top_ups_.size(); ++index) {
      agenda.push({saver_top_ups_[index].second, index, -1});
    }
    ProgressBar progress(options_.progress, static_cast<std::int64_t>(plan_.size()));
    std::int64_t placed = 0;
    while (!agenda.empty()) {
      const Happening next = agenda.top();
      agenda.pop();
      if (next.at > clock_.Now()) clock_.Advance(next.at - clock_.Now());
      if (next.step < 0) {
        TopUp(saver_top_ups_[next.order].first, RoundUpToCash(random_.Between(5, 80) * kCashUnit));
        continue;
      }
      PlannedOrder& order = plan_[next.order];
      if (next.step == 0) {
        if (!Place(order)) {
          ++summary.dropped;
          continue;
        }
        ++placed;
        if (placed % 50 == 0) progress.Show("주문", placed);
      } else if (!Move(order, order.steps[next.step - 1])) {
        ++summary.dropped;
        continue;  // its later moves would be refused too
      }
      if (next.step < static_cast<int>(order.steps.size())) {
        agenda.push({next.at + order.steps[next.step].gap, next.order, next.step + 1});
      }
    }
    progress.Show("주문", placed);
    progress.Finish();

    for (const PlannedOrder& order : plan_) {
      if (!order.id) continue;
      ++summary.orders;
      ++summary.by_status[final_status_.at(order.id->value)];
    }
    summary.wallets = static_cast<std::int64_t>(topped_up_.size());
    summary.admin = *cashier_.user;
    summary.admin_email = std::string(kAdminEmail);
    summary.admin_password = admin_password_;
    return summary;
  }

 private:
  void PrepareCashier() {
    accounts::RegisterCommand cashier;
    cashier.email = std::string(kAdminEmail);
    cashier.password = AdminPassword();
    admin_password_ = cashier.password;
    cashier.name = std::string(kCashierName);
    cashier.role = core::Role::admin;
    const std::vector<accounts::RegisterCommand> members = {cashier};
    cashier_ = {accounts_.InsertGeneratedMembers(members).front(), core::Role::admin, std::string(kCashierName)};
    // Imported goods were priced at these rates; without them they could not be bought.
    const payments::ExchangeRates rates = payments_.CurrentRates();
    if (!rates.Rate(core::Currency::usd)) {
      (void)payments_.SetExchangeRate(core::Currency::usd, kWonPerDollar * payments::kRateScale, *cashier_.user);
    }
    if (!rates.Rate(core::Currency::cny)) {
      (void)payments_.SetExchangeRate(core::Currency::cny, kWonPerYuan * payments::kRateScale, *cashier_.user);
    }
  }

  void ReadSample() {
    std::vector<core::SellerId> shop_ids;
    for (core::ProductId id : marketplace_.product_sample) {
      auto product = catalog_.GetProduct(id);
      // Two units at least: one to sell, one that stays listed.
      if (!product || product->price.amount <= 0 || product->stock < 2) continue;
      sample_.push_back({product->id, product->seller, product->stock - 1, product->created_at});
      shop_ids.push_back(product->seller);
    }
    std::sort(shop_ids.begin(), shop_ids.end());
    shop_ids.erase(std::unique(shop_ids.begin(), shop_ids.end()), shop_ids.end());
    for (sellers::Shop& shop : sellers_.FindShops(shop_ids)) {
      shop_owners_[shop.id.value] = {shop.owner, core::Role::seller, shop.name};
    }
    std::erase_if(sample_, [&](const SampleProduct& product) { return !shop_owners_.contains(product.shop.value); });
    for (std::size_t index = 0; index < sample_.size(); ++index) by_shop_[sample_[index].shop.value].push_back(index);

    for (const accounts::User& user : accounts_.FindUsers(marketplace_.buyers)) buyer_names_[user.id.value] = user.name;
  }

  core::UserId PickBuyer() {
    const std::vector<core::UserId>& buyers = marketplace_.buyers;
    if (buyers.size() > kKeenBuyers * 4 && random_.Chance(kKeenShare)) return buyers[random_.Below(kKeenBuyers)];
    return buyers[random_.Below(buyers.size())];
  }

  // Lines from one shop (one checkout, one order): a listing of the sample, sometimes with one
  // or two more of the same shop.
  std::vector<cart::CartItem> PickItems(core::SellerId& shop, core::TimePoint& listed_at) {
    std::vector<cart::CartItem> items;
    const SampleProduct& first = sample_[random_.Below(sample_.size())];
    shop = first.shop;
    const std::vector<std::size_t>& candidates = by_shop_.at(shop.value);
    std::size_t wanted = 1 + (random_.Chance(0.3) ? random_.Below(2) + 1 : 0);
    std::vector<std::size_t> chosen = {static_cast<std::size_t>(&first - sample_.data())};
    for (std::size_t attempt = 0; attempt < 4 && chosen.size() < wanted && candidates.size() > 1; ++attempt) {
      std::size_t candidate = candidates[random_.Below(candidates.size())];
      if (std::find(chosen.begin(), chosen.end(), candidate) == chosen.end()) chosen.push_back(candidate);
    }
    listed_at = core::TimePoint{};
    for (std::size_t index : chosen) {
      SampleProduct& product = sample_[index];
      std::int64_t quantity = random_.Chance(0.7) ? 1 : random_.Between(2, random_.Chance(0.85) ? 3 : 6);
      quantity = std::min(quantity, product.stock_left);
      if (quantity <= 0) continue;
      product.stock_left -= quantity;
      items.push_back({product.id, quantity});
      listed_at = std::max(listed_at, product.listed_at);
    }
    return items;
  }

  void Plan(std::int64_t count) {
    const core::TimePoint oldest_start = now_ - kOrderHistory - std::chrono::days(30);
    for (std::int64_t index = 0; index < count; ++index) {
      PlannedOrder order;
      order.buyer = PickBuyer();
      if (static_cast<std::size_t>(index) < EveryOrderPath().size()) {
        std::tie(order.target, order.method) = EveryOrderPath()[index];
      } else {
        order.target = PickOrderStatus(random_);
        order.method = PickPaymentMethod(random_, order.target);
      }
      core::TimePoint listed_at;
      order.items = PickItems(order.shop, listed_at);
      if (order.items.empty()) continue;  // the sample is sold down to its last units
      order.steps = PlanMoves(random_, order.target, order.method, options_.order_settings);
      Seconds span{0};
      for (const OrderMove& step : order.steps) span += step.gap;
      const core::TimePoint end = now_ - AgeOfLastMove(random_, order.target, options_.order_settings);
      order.placed_at = std::max(end - span, oldest_start);
      // Nobody buys a listing before it was listed. Moving the order later keeps the jobs'
      // windows (later is more recent); if that runs into the present, the moves come faster.
      const core::TimePoint earliest = listed_at + RandomHours(random_, 1, 12);
      if (order.placed_at < earliest) order.placed_at = earliest;
      const core::TimePoint latest_end = now_ - 1min;
      if (order.placed_at > latest_end) order.placed_at = latest_end;
      if (order.placed_at + span > latest_end && span.count() > 0) {
        const auto room =
            std::max<std::int64_t>(0, std::chrono::duration_cast<Seconds>(latest_end - order.placed_at).count());
        for (OrderMove& step : order.steps) step.gap = Seconds(step.gap.count() * room / span.count());
      }
      plan_.push_back(std::move(order));
    }
    // Some members keep money in the wallet without having bought anything yet.
    for (core::UserId buyer : marketplace_.buyers) {
      if (random_.Chance(0.15)) {
        saver_top_ups_.push_back({buyer, now_ - Seconds(random_.Between(3600, 60 * 24 * 3600))});
      }
    }
  }

  static std::int64_t RoundUpToCash(std::int64_t won) { return (won + kCashUnit - 1) / kCashUnit * kCashUnit; }

  void TopUp(core::UserId buyer, std::int64_t won) {
    payments::WalletCredit credit;
    credit.user = buyer;
    credit.amount = {won, core::Currency::kpw};
    credit.reference = "현금 입금표 제" + FourDigits(++deposit_slips_) + "호";
    credit.admin = *cashier_.user;
    if (payments_.CreditWallet(credit)) topped_up_.insert(buyer.value);
  }

  std::optional<orders::AddressId> AddressOf(core::UserId buyer) {
    if (auto found = addresses_by_buyer_.find(buyer.value); found != addresses_by_buyer_.end()) return found->second;
    orders::NewAddress address;
    auto name = buyer_names_.find(buyer.value);
    address.recipient = name != buyer_names_.end() ? name->second : "구매자";
    address.phone = "0191-" + FourDigits(random_.Between(100, 999)) + "-" + FourDigits(random_.Between(0, 9999));
    address.line = std::string(random_.Pick(Cities())) + "시 " +
                   std::string(random_.Pick(std::span<const std::string_view>(kStreets))) + " " +
                   std::to_string(random_.Between(1, 240)) + "번지 " + std::to_string(random_.Between(1, 30)) + "층 " +
                   std::to_string(random_.Between(1, 12)) + "호";
    address.make_default = true;
    auto added = addresses_.Add(buyer, address);
    if (!added) return std::nullopt;
    addresses_by_buyer_[buyer.value] = added->id;
    return added->id;
  }

  void EmptyCart(const cart::CartOwner& owner) {
    for (const cart::CartItem& item : cart_.Items(owner)) (void)cart_.RemoveItem(owner, item.product);
  }

  bool Place(PlannedOrder& order) {
    const cart::CartOwner owner = cart::CartOwner::Member(order.buyer);
    for (const cart::CartItem& item : order.items) {
      if (!cart_.AddItem(owner, item.product, item.quantity)) {
        EmptyCart(owner);
        return false;
      }
    }
    orders::CheckoutCommand command;
    command.buyer = order.buyer;
    command.payment_method = order.method;
    command.address_id = AddressOf(order.buyer);
    if (!command.address_id) command.address = "평양시 중구역 중앙거리 1번지";
    if (order.method == PaymentMethod::wallet) {
      // A deposit at the counter before buying, with something to spare, as people do.
      const std::int64_t cost = cart_.View(owner).total_kpw;
      const std::int64_t balance = payments_.WalletBalance(order.buyer).amount;
      if (balance < cost) TopUp(order.buyer, RoundUpToCash(cost - balance + random_.Between(1, 30) * kCashUnit));
    }
    auto receipt = orders_.Checkout(command);
    // Delivery fees come on top of the goods: one more deposit covers them.
    for (int retry = 0; retry < 2 && !receipt && receipt.error() == orders::OrderError::insufficient_funds; ++retry) {
      TopUp(order.buyer, RoundUpToCash(cart_.View(owner).total_kpw) + 5 * kCashUnit);
      receipt = orders_.Checkout(command);
    }
    if (!receipt || receipt->orders.empty()) {
      EmptyCart(owner);
      return false;
    }
    order.id = receipt->orders.front().id;
    final_status_[order.id->value] = receipt->orders.front().status;
    // Each planned order holds one shop's lines, so a checkout makes exactly one order.
    for (std::size_t extra = 1; extra < receipt->orders.size(); ++extra) {
      final_status_[receipt->orders[extra].id.value] = receipt->orders[extra].status;
    }
    return true;
  }

  bool Move(const PlannedOrder& order, const OrderMove& step) {
    std::expected<orders::Order, orders::OrderError> moved = std::unexpected(orders::OrderError::order_not_found);
    switch (step.party) {
      case Party::system:
        moved = orders_.ApplyAsSystem(*order.id, step.event);
        break;
      case Party::admin:
        moved = orders_.Apply(cashier_, *order.id, step.event, step.note);
        break;
      case Party::seller: {
        const core::Actor& owner = shop_owners_.at(order.shop.value);
        if (step.event == OrderEvent::ship) {
          // The note is "<carrier> <number>" (TrackingNote): the order shows both, as a real shipment does.
          const std::size_t space = step.note.rfind(' ');
          moved = orders_.Ship(owner, *order.id, {step.note.substr(0, space), step.note.substr(space + 1)});
        } else {
          moved = orders_.Apply(owner, *order.id, step.event, step.note);
        }
        break;
      }
      case Party::buyer: {
        auto name = buyer_names_.find(order.buyer.value);
        const core::Actor buyer{order.buyer, core::Role::buyer, name != buyer_names_.end() ? name->second : ""};
        moved = orders_.Apply(buyer, *order.id, step.event, step.note);
        break;
      }
    }
    if (!moved) return false;
    final_status_[order.id->value] = moved->status;
    return true;
  }

  orders::AddressBook addresses_;
  Random random_;

  core::Actor cashier_;
  std::string admin_password_;  // shown once by `manmulsang demo`, never stored
  std::vector<SampleProduct> sample_;
  std::map<std::int64_t, std::vector<std::size_t>> by_shop_;
  std::map<std::int64_t, core::Actor> shop_owners_;
  std::map<std::int64_t, std::string> buyer_names_;
  std::map<std::int64_t, orders::AddressId> addresses_by_buyer_;
  std::vector<PlannedOrder> plan_;
  std::vector<std::pair<core::UserId, core::TimePoint>> saver_top_ups_;
  std::map<std::int64_t, OrderStatus> final_status_;
  std::set<std::int64_t> topped_up_;
  std::int64_t deposit_slips_ = 0;
};

}  // namespace

std::int64_t DemoOrderCount(std::int64_t products) {
  return std::clamp<std::int64_t>(products / kProductsPerOrder, kMinOrders, kMaxOrders);
}

DemoOrdersSummary GenerateDemoOrders(db::Database& database, accounts::AccountService& accounts,
                                     sellers::SellerService& sellers, catalog::CatalogService& catalog,
                                     const core::Clock& clock, const DemoSummary& marketplace,
                                     const DemoOptions& options) {
  // The demo's own clock starts before the oldest order and is moved forward move by move.
  return RunDemoStepInThePast<DemoOrders>(database, accounts, sellers, catalog, clock, marketplace, options);
}

}  // namespace manmulsang::demo
