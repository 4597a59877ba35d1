#include "demo/demo_reviews.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "demo/demo_order_paths.hpp"
#include "demo/demo_past.hpp"
#include "demo/demo_progress.hpp"
#include "demo/demo_random.hpp"
#include "demo/demo_reviews_texts.hpp"
#include "manmulsang/cart/cart.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/reviews/questions.hpp"
#include "manmulsang/reviews/reviews.hpp"

namespace manmulsang::demo {
namespace {

using namespace std::chrono_literals;
using Seconds = std::chrono::seconds;
using orders::OrderStatus;

// Popular listings sell more than the random sample of the orders step shows: each of the most
// popular gets a few orders of its own, bought by cash on delivery, delivered and confirmed, so
// the listings the home page shows first carry ratings their reviews explain.
constexpr std::int64_t kPopularPerProducts = 400;  // one popular listing per this many products
constexpr std::int64_t kMinPopular = 8;
constexpr std::int64_t kMaxPopular = 30;
constexpr auto kPopularWindow = std::chrono::days(90);

// A buyer reviews a line of a confirmed order more often than one only just delivered.
constexpr double kReviewConfirmed = 0.6;
constexpr double kReviewDelivered = 0.35;
constexpr double kReviewPopular = 0.85;

struct Buyer {
  core::Actor actor;
};

// One thing that happens, at its time: the agenda runs them in time order on the demo's clock.
struct Happening {
  core::TimePoint at;
  std::int64_t sequence = 0;  // ties keep the order they were planned in
  std::function<void()> work;
  bool operator>(const Happening& other) const { return std::tie(at, sequence) > std::tie(other.at, other.sequence); }
};

struct ProductFacts {
  core::SellerId shop;
  std::string top_category;
  int quality = 0;  // 0 good, 1 ordinary, 2 poor: how its reviews lean
  std::int64_t stock = 0;
  core::TimePoint listed_at;
};

class DemoReviews : DemoStepInThePast {
 public:
  DemoReviews(db::Database& database, accounts::AccountService& accounts, sellers::SellerService& sellers,
              catalog::CatalogService& catalog, core::TimePoint start, core::TimePoint now,
              const DemoSummary& marketplace, const DemoOptions& options)
      : DemoStepInThePast(database, accounts, sellers, catalog, start, now, marketplace, options),
        random_(options.seed * 0x2545f4914f6cdd1dULL + 0x7265766965ULL) {}

  DemoReviewsSummary Run() {
    if (marketplace_.buyers.empty()) return summary_;
    for (const accounts::User& user : accounts_.FindUsers(marketplace_.buyers)) {
      buyers_.push_back({core::Actor{user.id, core::Role::buyer, user.name}});
    }
    if (buyers_.empty()) return summary_;
    PlanReviewsOfPastOrders();
    PlanPopularListings();

    ProgressBar progress(options_.progress, static_cast<std::int64_t>(agenda_.size()));
    std::int64_t done = 0;
    while (!agenda_.empty()) {
      Happening next = agenda_.top();
      agenda_.pop();
      if (next.at > now_) continue;  // it would lie in the future
      if (next.at > clock_.Now()) clock_.Advance(next.at - clock_.Now());
      next.work();
      if (++done % 100 == 0) progress.Show("상품평", done);
    }
    progress.Finish();
    return summary_;
  }

 private:
  void Schedule(core::TimePoint at, std::function<void()> work) { agenda_.push({at, ++sequence_, std::move(work)}); }

  // What the reviews of a product need to know of it; nullopt when it is not listed any more.
  std::optional<ProductFacts> Facts(core::ProductId id) {
    if (const auto found = facts_.find(id.value); found != facts_.end()) return found->second;
    auto product = catalog_.GetProduct(id);
    if (!product) return std::nullopt;
    ProductFacts facts;
    facts.shop = product->seller;
    facts.stock = product->stock;
    facts.listed_at = product->created_at;
    const auto path = catalog_.Breadcrumb(product->category);
    if (!path.empty()) facts.top_category = path.front().slug;
    const double draw = random_.Unit();
    facts.quality = draw < 0.7 ? 0 : (draw < 0.92 ? 1 : 2);
    facts_.emplace(id.value, facts);
    return facts;
  }

  std::optional<core::Actor> ShopOwner(core::SellerId shop) {
    if (const auto found = owners_.find(shop.value); found != owners_.end()) return found->second;
    const std::vector<core::SellerId> ids = {shop};
    const auto shops = sellers_.FindShops(ids);
    if (shops.empty()) return std::nullopt;
    const core::Actor owner{shops.front().owner, core::Role::seller, shops.front().name};
    owners_.emplace(shop.value, owner);
    return owner;
  }

  int Rating(int quality) {
    const double draw = random_.Unit();
    switch (quality) {
      case 0:
        return draw < 0.62 ? 5 : (draw < 0.92 ? 4 : 3);
      case 1:
        return draw < 0.25 ? 5 : (draw < 0.6 ? 4 : (draw < 0.85 ? 3 : 2));
      default:
        return draw < 0.15 ? 4 : (draw < 0.45 ? 3 : (draw < 0.75 ? 2 : 1));
    }
  }

  // A review of the order's line a while after the goods arrived, and sometimes the shop's reply.
  void PlanReview(const core::Actor& buyer, core::OrderId order, core::ProductId product, core::TimePoint arrived) {
    const auto facts = Facts(product);
    if (!facts) return;
    const int rating = Rating(facts->quality);
    std::string body = ReviewText(random_, facts->top_category, rating);
    const core::TimePoint written = arrived + RandomHours(random_, 2, 120);
    const bool replies = random_.Chance(rating <= 3 ? 0.75 : 0.2);
    const core::TimePoint replied = written + RandomHours(random_, 1, 40);
    std::string reply = ReplyText(random_, rating);
    const core::SellerId shop = facts->shop;
    Schedule(written, [=, this, body = std::move(body), reply = std::move(reply)] {
      reviews::NewReview review;
      review.product = product;
      review.order = order;
      review.rating = rating;
      review.body = body;
      auto written_review = reviews_.Write(buyer, review);
      if (!written_review) {
        ++summary_.refused;
        return;
      }
      ++summary_.reviews;
      if (!replies) return;
      const reviews::ReviewId id = written_review->id;
      Schedule(replied, [=, this] {
        const auto owner = ShopOwner(shop);
        if (owner && reviews_.Reply(*owner, id, reply))
          ++summary_.replies;
        else
          ++summary_.refused;
      });
    });
  }

  // The orders step's delivered and confirmed orders, read back through the orders service.
  void PlanReviewsOfPastOrders() {
    for (const Buyer& buyer : buyers_) {
      for (int page = 1;; ++page) {
        const orders::OrderPage orders = orders_.BuyerOrders(*buyer.actor.user, page, 100);
        for (const orders::Order& order : orders.items) {
          const bool confirmed = order.status == OrderStatus::confirmed;
          if (!confirmed && order.status != OrderStatus::delivered) continue;
          for (const orders::OrderLine& line : order.lines) {
            if (random_.Chance(confirmed ? kReviewConfirmed : kReviewDelivered)) {
              PlanReview(buyer.actor, order.id, line.product, order.updated_at);
            }
          }
        }
        if (orders.items.empty() || static_cast<std::int64_t>(page) * 100 >= orders.total) break;
      }
    }
  }

  void PlanPopularListings() {
    const int count = static_cast<int>(
        std::clamp<std::int64_t>(marketplace_.products / kPopularPerProducts, kMinPopular, kMaxPopular));
    for (const catalog::Product& product : catalog_.PopularProducts(count)) {
      const auto facts = Facts(product.id);
      if (!facts) continue;
      const core::TimePoint earliest = std::max(facts->listed_at, now_ - kPopularWindow);
      if (earliest >= now_ - std::chrono::days(10)) continue;  // too new to have been delivered
      const auto window = std::chrono::duration_cast<Seconds>((now_ - std::chrono::days(10)) - earliest).count();
      // Keep at least one unit listed: a demo never sells its popular listings out.
      std::int64_t stock_left = facts->stock - 1;
      const std::int64_t sales = random_.Between(1, 4);
      for (std::int64_t sale = 0; sale < sales && stock_left > 0; ++sale, --stock_left) {
        const core::Actor buyer = buyers_[random_.Below(buyers_.size())].actor;
        PlanPopularOrder(buyer, product.id, facts->shop, earliest + Seconds(random_.Below(window)));
      }
      PlanQuestions(product.id, *facts, earliest);
    }
  }

  // A cash-on-delivery order of one unit, prepared, shipped, delivered and confirmed over some
  // days, then (mostly) reviewed.
  void PlanPopularOrder(const core::Actor& buyer, core::ProductId product, core::SellerId shop,
                        core::TimePoint placed) {
    const std::vector<Seconds> gaps = {RandomHours(random_, 2, 20), RandomHours(random_, 4, 48),
                                       RandomHours(random_, 24, 96), RandomHours(random_, 2, 100)};
    const bool reviews = random_.Chance(kReviewPopular);
    const std::string tracking = "KP" + std::to_string(random_.Between(100'000'000, 999'999'999));
    Schedule(placed, [=, this] {
      const cart::CartOwner owner = cart::CartOwner::Member(*buyer.user);
      if (!cart_.AddItem(owner, product, 1)) {
        ++summary_.refused;
        return;
      }
      orders::CheckoutCommand command;
      command.buyer = *buyer.user;
      command.payment_method = orders::PaymentMethod::cash_on_delivery;
      command.address = "평양시 중구역 창전거리 " + std::to_string(product.value % 90 + 1) + "번지";
      auto receipt = orders_.Checkout(command);
      if (!receipt || receipt->orders.size() != 1) {
        for (const cart::CartItem& item : cart_.Items(owner)) (void)cart_.RemoveItem(owner, item.product);
        ++summary_.refused;
        return;
      }
      const core::OrderId order = receipt->orders.front().id;
      core::TimePoint at = placed;
      at += gaps[0];
      Schedule(at, [=, this] { Move(shop, order, orders::OrderEvent::prepare); });
      at += gaps[1];
      Schedule(at, [=, this] {
        const auto owner_actor = ShopOwner(shop);
        if (!owner_actor || !orders_.Ship(*owner_actor, order, {"조선우편", tracking})) ++summary_.refused;
      });
      at += gaps[2];
      Schedule(at, [=, this] { Move(shop, order, orders::OrderEvent::deliver); });
      const core::TimePoint delivered = at;
      at += gaps[3];
      Schedule(at, [=, this] {
        if (!orders_.Apply(buyer, order, orders::OrderEvent::confirm, "")) ++summary_.refused;
      });
      if (reviews) PlanReview(buyer, order, product, delivered);
    });
  }

  void Move(core::SellerId shop, core::OrderId order, orders::OrderEvent event) {
    const auto owner = ShopOwner(shop);
    if (!owner || !orders_.Apply(*owner, order, event, "")) ++summary_.refused;
  }

  // A few questions from buyers, some private; the shop answers most within a day or two.
  void PlanQuestions(core::ProductId product, const ProductFacts& facts, core::TimePoint earliest) {
    const std::int64_t count = random_.Between(1, 3);
    const auto window = std::chrono::duration_cast<Seconds>(now_ - earliest).count();
    for (std::int64_t index = 0; index < count; ++index) {
      const core::Actor asker = buyers_[random_.Below(buyers_.size())].actor;
      const core::TimePoint asked = earliest + Seconds(random_.Below(window));
      const bool is_private = random_.Chance(0.25);
      auto [body, answer] = QuestionAndAnswerText(random_, facts.top_category);
      const bool answered = random_.Chance(0.8);
      const core::TimePoint answered_at = asked + RandomHours(random_, 1, 36);
      const core::SellerId shop = facts.shop;
      Schedule(asked, [=, this, body = std::move(body), answer = std::move(answer)] {
        auto question = questions_.Ask(asker, {product, body, is_private});
        if (!question) {
          ++summary_.refused;
          return;
        }
        ++summary_.questions;
        if (is_private) ++summary_.private_questions;
        if (!answered) return;
        const reviews::QuestionId id = question->id;
        Schedule(answered_at, [=, this] {
          const auto owner = ShopOwner(shop);
          if (owner && questions_.Answer(*owner, id, answer))
            ++summary_.answers;
          else
            ++summary_.refused;
        });
      });
    }
  }

  reviews::ReviewService& reviews_ = past_.reviews;
  reviews::QuestionService& questions_ = past_.questions;
  Random random_;

  std::vector<Buyer> buyers_;
  std::map<std::int64_t, ProductFacts> facts_;
  std::map<std::int64_t, core::Actor> owners_;
  std::priority_queue<Happening, std::vector<Happening>, std::greater<>> agenda_;
  std::int64_t sequence_ = 0;
  DemoReviewsSummary summary_;
};

}  // namespace

DemoReviewsSummary GenerateDemoReviews(db::Database& database, accounts::AccountService& accounts,
                                       sellers::SellerService& sellers, catalog::CatalogService& catalog,
                                       const core::Clock& clock, const DemoSummary& marketplace,
                                       const DemoOptions& options) {
  // The same past the orders step walked through.
  return RunDemoStepInThePast<DemoReviews>(database, accounts, sellers, catalog, clock, marketplace, options);
}

}  // namespace manmulsang::demo
