#include <algorithm>
#include <map>
#include <stdexcept>
#include <vector>

#include "checkout.hpp"
#include "embedded/orders_migrations.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/text/normalize.hpp"
#include "order_disputes.hpp"
#include "order_move.hpp"
#include "order_repository.hpp"

namespace manmulsang::orders {
namespace {

constexpr int kMaxPerPage = 100;
// Jobs move orders in batches, each order in its own short transaction, so checkouts never wait long.
constexpr std::int64_t kJobBatch = 100;
// The cluster-wide locks of the timed jobs (Connection::TryTransactionLock): stable numbers, one
// per job, so that on several nodes one runs each job's turn and the others skip it.
constexpr std::int64_t kExpireBankTransfersLock = 0x4d4d'4f52'0001;  // "MMOR" 1
constexpr std::int64_t kAutoConfirmLock = 0x4d4d'4f52'0002;
constexpr std::int64_t kAutoDeliverLock = 0x4d4d'4f52'0003;
constexpr std::int64_t kAutoConfirmRefusedLock = 0x4d4d'4f52'0004;
// A shop's day of sales is the marketplace's day, the same as analytics' visits_today.
constexpr std::int64_t kMarketplaceUtcOffset = core::kMarketplaceUtcOffsetSeconds;
constexpr std::int64_t kSecondsPerDay = 86400;
constexpr int kMaxSalesDays = 366;

// `days` days ending today in the marketplace's zone, oldest first, each filled from the rows
// that read(first moment) returns (days without orders stay zero).
template <typename ReadRows>
std::vector<DailySales> SalesDays(core::TimePoint now, int days, ReadRows read) {
  days = std::clamp(days, 1, kMaxSalesDays);
  const std::int64_t today = (core::ToUnixSeconds(now) + kMarketplaceUtcOffset) / kSecondsPerDay;
  const std::int64_t first_day = today - (days - 1);
  const std::int64_t since = first_day * kSecondsPerDay - kMarketplaceUtcOffset;
  const std::vector<DaySalesRow> rows = read(since);
  std::vector<DailySales> sales(static_cast<std::size_t>(days));
  for (int index = 0; index < days; ++index) {
    // Noon of that day in the marketplace's zone: LocalDate names it whatever the offset's sign.
    const std::int64_t noon = (first_day + index) * kSecondsPerDay - kMarketplaceUtcOffset + kSecondsPerDay / 2;
    sales[static_cast<std::size_t>(index)].day = core::LocalDate(core::FromUnixSeconds(noon));
  }
  for (const DaySalesRow& row : rows) {
    const std::int64_t index = row.day - first_day;
    if (index < 0 || index >= days) continue;  // an order dated in the future by a clock step
    sales[static_cast<std::size_t>(index)].orders = row.orders;
    sales[static_cast<std::size_t>(index)].revenue_kpw = row.revenue;
  }
  return sales;
}

}  // namespace

struct OrderService::Impl {
  db::Database& database;
  const core::Clock& clock;
  sellers::SellerService& sellers;
  catalog::CatalogService& catalog;
  cart::CartService& cart;
  payments::PaymentService& payments;
  settings::SettingsService& settings;
  StockListener stock_listener;

  // After a commit only: a cache refilled between the notice and the commit would keep old stock.
  void StockChanged(std::span<const core::ProductId> products) const {
    if (stock_listener && !products.empty()) stock_listener(products);
  }

  // Who the actor is to this order; nullopt means the order is none of their business (404).
  std::optional<Party> PartyOf(const core::Actor& actor, const Order& order) {
    if (!actor.signed_in()) return std::nullopt;
    if (*actor.user == order.buyer) return Party::buyer;
    if (actor.is(core::Role::admin)) return Party::admin;
    if (actor.is(core::Role::seller)) {
      auto shop = sellers.GetShop(order.seller);
      if (shop && shop->owner == *actor.user) return Party::seller;
    }
    return std::nullopt;
  }

  // Applies event as the system to every order in status (paid by the methods) unchanged for `after`.
  // Each batch is one transaction that first takes the job's cluster-wide lock: on several nodes
  // one node runs the turn and the others skip it (0 moved). Each order moves in its own
  // savepoint (a refused move leaves nothing behind and the others still move), by the
  // conditional status UPDATE, so an order is moved once whoever runs. Nothing in memory is
  // touched in the transaction (PostgreSQL may run it again): the products whose stock came back
  // are told after the commit.
  int RunJob(std::int64_t lock, OrderStatus status, MethodRule methods, std::chrono::seconds after, OrderEvent event) {
    struct Batch {
      std::int64_t due = 0;
      int moved = 0;
      std::vector<core::ProductId> restocked;
    };
    const bool restocks = event == OrderEvent::cancel || event == OrderEvent::expire;
    int moved = 0;
    while (true) {
      const core::TimePoint now = clock.Now();
      const std::int64_t before = core::ToUnixSeconds(now - after);
      const Batch batch = database.Write([&](db::Connection& connection) {
        Batch done;
        if (!connection.TryTransactionLock(lock)) return done;
        const std::vector<core::OrderId> due = OrderRepository::Due(connection, status, methods, before, kJobBatch);
        done.due = static_cast<std::int64_t>(due.size());
        for (core::OrderId id : due) {
          const std::optional<Order> order = OrderRepository::Find(connection, id);
          if (!order) continue;
          OrderRepository::BeginMove(connection);
          auto next = MoveOrderIn(connection, {catalog, payments, settings, sellers}, *order, Party::system,
                                  std::nullopt, event, {}, nullptr, now);
          if (!next) {
            OrderRepository::UndoMove(connection);
            continue;
          }
          OrderRepository::KeepMove(connection);
          ++done.moved;
          if (restocks) {
            for (const OrderLine& line : order->lines) done.restocked.push_back(line.product);
          }
        }
        return done;
      });
      StockChanged(batch.restocked);
      moved += batch.moved;
      // A refused order would be picked up again: stop, and let the next run look afresh.
      if (batch.moved < batch.due || batch.due < kJobBatch) break;
    }
    return moved;
  }

  DisputeParts DisputePartsOf() { return {database, clock, {catalog, payments, settings, sellers}}; }

  // May the actor see this shop's orders? Its owner (role seller) or an admin.
  bool MaySeeShop(const core::Actor& actor, core::SellerId shop) {
    if (actor.is(core::Role::admin)) return true;
    if (!actor.is(core::Role::seller) || !actor.user) return false;
    auto found = sellers.GetShop(shop);
    return found && found->owner == *actor.user;
  }

  std::expected<Order, OrderError> Move(core::OrderId id, Party party, std::optional<core::UserId> actor,
                                        OrderEvent event, std::string_view note, const Shipment* shipment = nullptr) {
    auto moved = MoveInTransaction(id, party, actor, event, note, shipment);
    if (moved && (event == OrderEvent::cancel || event == OrderEvent::expire || event == OrderEvent::accept_return)) {
      std::vector<core::ProductId> products;
      for (const OrderLine& line : moved->lines) products.push_back(line.product);
      StockChanged(products);
    }
    return moved;
  }

  std::expected<Order, OrderError> MoveInTransaction(core::OrderId id, Party party, std::optional<core::UserId> actor,
                                                     OrderEvent event, std::string_view note,
                                                     const Shipment* shipment) {
    return database.Write([&](db::Connection& connection) -> std::expected<Order, OrderError> {
      auto order = OrderRepository::Find(connection, id);
      if (!order) return std::unexpected(OrderError::order_not_found);
      auto moved = MoveOrderIn(connection, {catalog, payments, settings, sellers}, *order, party, actor, event, note,
                               shipment, clock.Now());
      if (!moved) return std::unexpected(moved.error());
      // What an admin does to an order (confirming a bank deposit, settling a dispute) is
      // recorded with the move, in its transaction; the note (the deposit's reference) is the why.
      if (party == Party::admin && actor) {
        audit::RecordIn(
            connection, clock.Now(),
            {*actor, "order." + std::string(OrderEventName(event)), "order", std::to_string(id.value),
             std::string(OrderStatusName(order->status)), std::string(OrderStatusName(*moved)), std::string(note)});
      }
      return *OrderRepository::Find(connection, id);
    });
  }
};

OrderService::OrderService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                           catalog::CatalogService& catalog, cart::CartService& cart,
                           payments::PaymentService& payments, settings::SettingsService& settings)
    : impl_(std::make_unique<Impl>(database, clock, sellers, catalog, cart, payments, settings, StockListener{})) {}

OrderService::~OrderService() = default;

std::expected<CheckoutReceipt, CheckoutError> OrderService::Checkout(const CheckoutCommand& command) {
  CheckoutParts parts{impl_->database, impl_->clock,    impl_->sellers, impl_->catalog,
                      impl_->cart,     impl_->payments, impl_->settings};
  auto receipt = RunCheckout(parts, command);
  if (receipt) impl_->StockChanged(receipt->products);
  return receipt;
}

void OrderService::OnStockChanged(StockListener listener) { impl_->stock_listener = std::move(listener); }

std::expected<Order, OrderError> OrderService::GetOrder(const core::Actor& actor, core::OrderId id) {
  auto order = impl_->database.Read([&](db::Connection& connection) { return OrderRepository::Find(connection, id); });
  if (!order || !impl_->PartyOf(actor, *order)) return std::unexpected(OrderError::order_not_found);
  return *order;
}

OrderPage OrderService::BuyerOrders(core::UserId buyer, int page, int per_page) {
  OrderPage result;
  result.page = std::max(page, 1);
  result.per_page = std::clamp(per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    result.total = OrderRepository::CountByBuyer(connection, buyer);
    result.items = OrderRepository::ListByBuyer(connection, buyer, result.per_page,
                                                static_cast<std::int64_t>(result.page - 1) * result.per_page);
  });
  return result;
}

std::expected<OrderPage, OrderError> OrderService::ShopOrders(const core::Actor& actor, core::SellerId shop,
                                                              std::optional<OrderStatus> status, int page,
                                                              int per_page) {
  if (status) return ShopOrdersIn(actor, shop, std::span<const OrderStatus>(&*status, 1), page, per_page);
  return ShopOrdersIn(actor, shop, {}, page, per_page);
}

std::expected<OrderPage, OrderError> OrderService::ShopOrdersIn(const core::Actor& actor, core::SellerId shop,
                                                                std::span<const OrderStatus> statuses, int page,
                                                                int per_page) {
  return ShopOrdersMatching(actor, shop, ShopOrderFilter{statuses, std::nullopt, std::nullopt}, page, per_page);
}

std::expected<OrderPage, OrderError> OrderService::ShopOrdersMatching(const core::Actor& actor, core::SellerId shop,
                                                                      const ShopOrderFilter& filter, int page,
                                                                      int per_page) {
  if (filter.statuses.size() > kMaxStatusFilter) {
    throw std::invalid_argument("at most three statuses in a seller filter");
  }
  if (!impl_->MaySeeShop(actor, shop)) return std::unexpected(OrderError::order_not_found);
  OrderPage result;
  result.page = std::max(page, 1);
  result.per_page = std::clamp(per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    result.total = OrderRepository::CountBySeller(connection, shop, filter);
    result.items = OrderRepository::ListBySeller(connection, shop, filter, result.per_page,
                                                 static_cast<std::int64_t>(result.page - 1) * result.per_page);
  });
  return result;
}

std::expected<ShopOrderExport, OrderError> OrderService::ExportShopOrders(const core::Actor& actor,
                                                                          core::SellerId shop,
                                                                          const ShopOrderFilter& filter,
                                                                          std::size_t max_lines) {
  if (filter.statuses.size() > kMaxStatusFilter) {
    throw std::invalid_argument("at most three statuses in a seller filter");
  }
  if (!impl_->MaySeeShop(actor, shop)) return std::unexpected(OrderError::order_not_found);
  // Every order has a line, so max_lines + 1 orders tell whether any are left out.
  std::vector<Order> orders = impl_->database.Read([&](db::Connection& connection) {
    return OrderRepository::ListBySeller(connection, shop, filter, static_cast<std::int64_t>(max_lines) + 1, 0);
  });
  ShopOrderExport result;
  for (Order& order : orders) {
    if (result.lines + order.lines.size() > max_lines) {
      result.truncated = true;
      break;
    }
    result.lines += order.lines.size();
    result.orders.push_back(std::move(order));
  }
  return result;
}

std::expected<std::map<OrderStatus, std::int64_t>, OrderError> OrderService::ShopOrderCounts(const core::Actor& actor,
                                                                                             core::SellerId shop) {
  if (!impl_->MaySeeShop(actor, shop)) return std::unexpected(OrderError::order_not_found);
  std::map<OrderStatus, std::int64_t> counts = impl_->database.Read(
      [&](db::Connection& connection) { return OrderRepository::CountsBySeller(connection, shop); });
  for (int status = 0; status <= static_cast<int>(OrderStatus::disputed); ++status) {
    counts.try_emplace(static_cast<OrderStatus>(status), 0);
  }
  return counts;
}

std::expected<std::vector<DailySales>, OrderError> OrderService::ShopSales(const core::Actor& actor,
                                                                           core::SellerId shop, int days) {
  if (!impl_->MaySeeShop(actor, shop)) return std::unexpected(OrderError::order_not_found);
  return SalesDays(impl_->clock.Now(), days, [&](std::int64_t since) {
    return impl_->database.Read([&](db::Connection& connection) {
      return OrderRepository::SalesBySeller(connection, shop, since, kMarketplaceUtcOffset);
    });
  });
}

std::vector<DailySales> OrderService::MarketplaceSales(int days) {
  return SalesDays(impl_->clock.Now(), days, [&](std::int64_t since) {
    return impl_->database.Read([&](db::Connection& connection) {
      return OrderRepository::SalesPerDay(connection, since, kMarketplaceUtcOffset);
    });
  });
}

OrderPage OrderService::AwaitingBankTransfers(int page, int per_page) {
  OrderPage result;
  result.page = std::max(page, 1);
  result.per_page = std::clamp(per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    result.total = OrderRepository::CountByStatusAndMethod(connection, OrderStatus::awaiting_payment,
                                                           PaymentMethod::bank_transfer);
    result.items = OrderRepository::ListByStatusAndMethod(connection, OrderStatus::awaiting_payment,
                                                          PaymentMethod::bank_transfer, result.per_page,
                                                          static_cast<std::int64_t>(result.page - 1) * result.per_page);
  });
  return result;
}

std::int64_t OrderService::CountAwaitingBankTransfers() {
  return impl_->database.Read([&](db::Connection& connection) {
    return OrderRepository::CountByStatusAndMethod(connection, OrderStatus::awaiting_payment,
                                                   PaymentMethod::bank_transfer);
  });
}

core::TimePoint OrderService::BankTransferDeadline(core::TimePoint placed) {
  return placed + impl_->settings.Current().values.BankTransferDeadline();
}

std::expected<Order, OrderError> OrderService::Ship(const core::Actor& actor, core::OrderId id,
                                                    const Shipment& shipment) {
  // Not found first: another shop's owner learns nothing from the fields it sent.
  auto order = GetOrder(actor, id);
  if (!order) return std::unexpected(order.error());
  auto clean = CleanShipment(shipment.carrier, shipment.tracking_number);
  if (!clean) return std::unexpected(clean.error());
  const Party party = *impl_->PartyOf(actor, *order);
  const std::string note = clean->carrier + " " + clean->tracking_number;
  return impl_->Move(id, party, actor.user, OrderEvent::ship, note, &*clean);
}

std::expected<Order, OrderError> OrderService::Apply(const core::Actor& actor, core::OrderId id, OrderEvent event,
                                                     std::string_view note) {
  // Buyer and shop never change, so who the actor is to the order can be settled before the write.
  auto order = GetOrder(actor, id);
  if (!order) return std::unexpected(order.error());
  if (note.size() > kMaxOrderNote) return std::unexpected(OrderError::invalid_note);
  // A dispute's decision goes the one way decisions go (its audit names what moved); a partial
  // refund needs its amount, which only DecideDispute carries.
  if (event == OrderEvent::resolve_refund || event == OrderEvent::close_dispute) {
    const DisputeOutcome outcome =
        event == OrderEvent::resolve_refund ? DisputeOutcome::refund : DisputeOutcome::close;
    return DecideDispute(actor, id, {outcome, 0, std::string(note)});
  }
  if (event == OrderEvent::resolve_partial_refund) return std::unexpected(OrderError::invalid_refund_amount);
  // A refused return and an escalation say why: the other side and the deciding admin read it.
  const bool needs_reason = event == OrderEvent::refuse_return || event == OrderEvent::escalate;
  if (needs_reason && text::Trim(note).empty()) return std::unexpected(OrderError::invalid_note);
  const Party party = *impl_->PartyOf(actor, *order);
  return impl_->Move(id, party, actor.user, event, note);
}

std::expected<Order, OrderError> OrderService::DecideDispute(const core::Actor& actor, core::OrderId id,
                                                             const DisputeDecision& decision) {
  auto order = GetOrder(actor, id);
  if (!order) return std::unexpected(order.error());
  return DecideDisputeAs(impl_->DisputePartsOf(), *impl_->PartyOf(actor, *order), *actor.user, id, decision);
}

std::expected<Dispute, OrderError> OrderService::DisputeOf(const core::Actor& actor, core::OrderId id) {
  auto order = GetOrder(actor, id);
  if (!order) return std::unexpected(order.error());
  return impl_->database.Read(
      [&](db::Connection& connection) { return ReadDispute(connection, impl_->payments, *order); });
}

DisputePage OrderService::DisputedOrders(int page, int per_page) {
  return ReadDisputedOrders(impl_->DisputePartsOf(), page, std::clamp(per_page, 1, kMaxPerPage));
}

std::int64_t OrderService::CountDisputed() {
  return impl_->database.Read(
      [](db::Connection& connection) { return OrderRepository::CountByStatus(connection, OrderStatus::disputed); });
}

std::expected<Order, OrderError> OrderService::ApplyAsSystem(core::OrderId id, OrderEvent event) {
  return impl_->Move(id, Party::system, std::nullopt, event, {});
}

int OrderService::ExpireOverdueBankTransfers() {
  return impl_->RunJob(kExpireBankTransfersLock, OrderStatus::awaiting_payment, MethodRule::bank_transfer,
                       impl_->settings.Current().values.BankTransferDeadline(), OrderEvent::expire);
}

int OrderService::AutoConfirmDelivered() {
  const std::chrono::seconds after = impl_->settings.Current().values.AutoConfirmAfter();
  // A refused return the buyer did not escalate within the same window is settled like a delivery.
  return impl_->RunJob(kAutoConfirmLock, OrderStatus::delivered, MethodRule::any, after, OrderEvent::confirm) +
         impl_->RunJob(kAutoConfirmRefusedLock, OrderStatus::return_refused, MethodRule::any, after,
                       OrderEvent::confirm);
}

int OrderService::AutoDeliverShipped() {
  // Prepaid orders only (the table's system deliver): a cash-on-delivery order's deliver records
  // the cash collected at the door, and the marketplace cannot know that it was. Such an order
  // waits for the shop's 배송 완료 or the buyer's 구매확정 (which records the cash the buyer paid).
  return impl_->RunJob(kAutoDeliverLock, OrderStatus::shipped, MethodRule::prepaid,
                       impl_->settings.Current().values.AutoDeliverAfter(), OrderEvent::deliver);
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::orders_migrations(); }

}  // namespace manmulsang::orders
