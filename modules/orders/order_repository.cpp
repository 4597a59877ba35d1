#include "order_repository.hpp"

#include "manmulsang/db/readable.hpp"

#include <array>
#include <limits>
#include <utility>
#include <map>
#include <stdexcept>

namespace manmulsang::orders {
namespace {

constexpr std::string_view kFindCheckout =
    "SELECT request, receipt FROM checkouts WHERE buyer_id = $1 AND idempotency_key = $2";
// Insert-first: of two requests under one key at the same instant, the unique index lets one
// claim it; the other gets no row back (no error that would spoil a PostgreSQL transaction)
// and reads what the first stored. The receipt stays empty until the first one's orders exist.
constexpr std::string_view kInsertCheckout =
    "INSERT INTO checkouts (buyer_id, idempotency_key, request, receipt, created_at) "
    "VALUES ($1, $2, $3, '', $4) ON CONFLICT DO NOTHING RETURNING id";
// One order's move inside a timed job's transaction: a move refused halfway is undone alone.
constexpr std::string_view kBeginMove = "SAVEPOINT order_job_move";
constexpr std::string_view kKeepMove = "RELEASE SAVEPOINT order_job_move";
constexpr std::string_view kUndoMove = "ROLLBACK TO SAVEPOINT order_job_move";
constexpr std::string_view kSetReceipt = "UPDATE checkouts SET receipt = $1 WHERE id = $2";
constexpr std::string_view kInsertOrder =
    "INSERT INTO orders (checkout_id, buyer_id, seller_id, status, payment_method, subtotal, delivery_fee, total, "
    "address, created_at, updated_at, delivery_method, pickup_place, shop_discount, site_discount, shop_claim_id, "
    "site_claim_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13, $14, $15, $16) RETURNING id";
constexpr std::string_view kInsertLine =
    "INSERT INTO order_lines (order_id, position, product_id, name, quantity, unit_amount, unit_currency, rate, "
    "unit_kpw, line_kpw) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr std::string_view kInsertStep =
    "INSERT INTO order_steps (order_id, from_status, to_status, party, actor_id, note, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kUpdateStatus =
    "UPDATE orders SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4";
constexpr std::string_view kFindOrder =
    "SELECT id, buyer_id, seller_id, status, payment_method, subtotal, delivery_fee, total, address, created_at, "
    "updated_at, delivery_method, pickup_place, carrier, tracking_number, shop_discount, site_discount, "
    "shop_claim_id, site_claim_id FROM orders WHERE id = $1";
constexpr std::string_view kListByBuyer =
    "SELECT id, buyer_id, seller_id, status, payment_method, subtotal, delivery_fee, total, address, created_at, "
    "updated_at, delivery_method, pickup_place, carrier, tracking_number, shop_discount, site_discount, "
    "shop_claim_id, site_claim_id FROM orders WHERE buyer_id = $1 ORDER BY id "
    "DESC LIMIT $2 OFFSET $3";
constexpr std::string_view kDue =
    "SELECT id FROM orders WHERE status = $1 AND updated_at <= $2 ORDER BY updated_at, id LIMIT $3";
constexpr std::string_view kDueByMethod =
    "SELECT id FROM orders WHERE status = $1 AND updated_at <= $2 AND payment_method = $4 "
    "ORDER BY updated_at, id LIMIT $3";
constexpr std::string_view kDueExceptMethod =
    "SELECT id FROM orders WHERE status = $1 AND updated_at <= $2 AND payment_method <> $4 "
    "ORDER BY updated_at, id LIMIT $3";
// A shop's orders in any of three statuses ($2, $3, $4; a shorter set repeats its first), or in
// any status when $2 = 'any'. Read through orders_seller (seller_id, id).
constexpr std::string_view kListBySeller =
    "SELECT id, buyer_id, seller_id, status, payment_method, subtotal, delivery_fee, total, address, created_at, "
    "updated_at, delivery_method, pickup_place, carrier, tracking_number, shop_discount, site_discount, "
    "shop_claim_id, site_claim_id FROM orders WHERE seller_id = $1 AND "
    "($2 = 'any' OR status IN ($2, $3, $4)) AND created_at >= $5 AND created_at < $6 "
    "ORDER BY id DESC LIMIT $7 OFFSET $8";
// The same filter, with the placing time in [$5, $6) (the seller's date range; open ends are the
// int64 extremes).
constexpr std::string_view kCountBySeller =
    "SELECT COUNT(*) FROM orders WHERE seller_id = $1 AND ($2 = 'any' OR status IN ($2, $3, $4)) "
    "AND created_at >= $5 AND created_at < $6";
constexpr std::string_view kLinesOfSellerPage =
    "SELECT l.order_id, l.product_id, l.name, l.quantity, l.unit_amount, l.unit_currency, l.rate, l.unit_kpw, "
    "l.line_kpw FROM order_lines l JOIN (SELECT id FROM orders WHERE seller_id = $1 AND "
    "($2 = 'any' OR status IN ($2, $3, $4)) AND created_at >= $5 AND created_at < $6 "
    "ORDER BY id DESC LIMIT $7 OFFSET $8) page ON page.id = l.order_id ORDER BY l.order_id, l.position";
constexpr std::string_view kCountByBuyer = "SELECT COUNT(*) FROM orders WHERE buyer_id = $1";
constexpr std::string_view kLinesOf =
    "SELECT product_id, name, quantity, unit_amount, unit_currency, rate, unit_kpw, line_kpw "
    "FROM order_lines WHERE order_id = $1 ORDER BY position";
// A page of orders gets its lines in one statement, not one per order.
constexpr std::string_view kLinesOfBuyerPage =
    "SELECT l.order_id, l.product_id, l.name, l.quantity, l.unit_amount, l.unit_currency, l.rate, l.unit_kpw, "
    "l.line_kpw FROM order_lines l JOIN (SELECT id FROM orders WHERE buyer_id = $1 ORDER BY id DESC LIMIT $2 "
    "OFFSET $3) page ON page.id = l.order_id ORDER BY l.order_id, l.position";
constexpr std::string_view kPurchasedLines =
    "SELECT o.id, l.position, o.seller_id, o.status FROM orders o JOIN order_lines l ON l.order_id = o.id "
    "WHERE o.buyer_id = $1 AND l.product_id = $2 ORDER BY o.id, l.position";
// The other orders a marketplace coupon was split over that still stand (not cancelled or returned).
constexpr std::string_view kOtherOrdersOfSiteClaim =
    "SELECT COUNT(*) FROM orders WHERE site_claim_id = $1 AND id <> $2 AND status NOT IN ('cancelled', 'returned')";
constexpr std::string_view kSetShipment = "UPDATE orders SET carrier = $1, tracking_number = $2 WHERE id = $3";
// Reads the shop's rows through orders_seller (seller_id, id).
constexpr std::string_view kCountsBySeller = "SELECT status, COUNT(*) FROM orders WHERE seller_id = $1 GROUP BY status";
// Day numbers in the marketplace's zone: (unix seconds + offset) / 86,400, integer division in
// both dialects; the range is read through orders_seller_created (seller_id, created_at).
constexpr std::string_view kSalesBySeller =
    "SELECT (created_at + $3) / 86400, COUNT(*), CAST(COALESCE(SUM(total), 0) AS BIGINT) FROM orders "
    "WHERE seller_id = $1 AND created_at >= $2 AND status NOT IN ('cancelled', 'returned') GROUP BY 1";
// The whole marketplace's orders per day (the admin console), as kSalesBySeller counts them.
constexpr std::string_view kSalesPerDay =
    "SELECT (created_at + $2) / 86400, COUNT(*), CAST(COALESCE(SUM(total), 0) AS BIGINT) FROM orders "
    "WHERE created_at >= $1 AND status NOT IN ('cancelled', 'returned') GROUP BY 1";
// Orders in a status paid one way, oldest first (the admin's bank-transfer desk), and their lines.
constexpr std::string_view kListByStatusAndMethod =
    "SELECT id, buyer_id, seller_id, status, payment_method, subtotal, delivery_fee, total, address, created_at, "
    "updated_at, delivery_method, pickup_place, carrier, tracking_number, shop_discount, site_discount, "
    "shop_claim_id, site_claim_id FROM orders WHERE status = $1 AND "
    "payment_method = $2 ORDER BY created_at, id LIMIT $3 OFFSET $4";
constexpr std::string_view kLinesOfStatusAndMethodPage =
    "SELECT l.order_id, l.product_id, l.name, l.quantity, l.unit_amount, l.unit_currency, l.rate, l.unit_kpw, "
    "l.line_kpw FROM order_lines l JOIN (SELECT id FROM orders WHERE status = $1 AND payment_method = $2 "
    "ORDER BY created_at, id LIMIT $3 OFFSET $4) page ON page.id = l.order_id ORDER BY l.order_id, l.position";
constexpr std::string_view kCountByStatusAndMethod =
    "SELECT COUNT(*) FROM orders WHERE status = $1 AND payment_method = $2";
// The status's orders by when they reached it (updated_at: every move sets it), oldest first.
constexpr std::string_view kIdsByStatus =
    "SELECT id FROM orders WHERE status = $1 ORDER BY updated_at, id LIMIT $2 OFFSET $3";
constexpr std::string_view kCountByStatus = "SELECT COUNT(*) FROM orders WHERE status = $1";
constexpr std::string_view kStepsOf =
    "SELECT from_status, to_status, party, actor_id, note, created_at FROM order_steps "
    "WHERE order_id = $1 ORDER BY id";

OrderStatus StatusOf(std::string_view text) { return db::Readable(ParseOrderStatus(text), "order status", text); }

Party ParseParty(std::string_view name) {
  if (name == "buyer") return Party::buyer;
  if (name == "seller") return Party::seller;
  if (name == "admin") return Party::admin;
  if (name == "system") return Party::system;
  throw db::DatabaseError("orders: unreadable party '" + std::string(name) + "'");
}

Order OrderFromRow(const db::Row& row) {
  Order order;
  order.id = core::OrderId{row.Int(0)};
  order.buyer = core::UserId{row.Int(1)};
  order.seller = core::SellerId{row.Int(2)};
  order.status = StatusOf(row.Text(3));
  order.payment_method = db::Readable(ParsePaymentMethod(row.Text(4)), "payment method", row.Text(4));
  order.subtotal_kpw = row.Int(5);
  order.delivery_fee_kpw = row.Int(6);
  order.total_kpw = row.Int(7);
  order.address = row.Text(8);
  order.created_at = core::FromUnixSeconds(row.Int(9));
  order.updated_at = core::FromUnixSeconds(row.Int(10));
  order.delivery_method = db::Readable(sellers::ParseDeliveryMethod(row.Text(11)), "delivery method", row.Text(11));
  order.pickup_place = row.Text(12);
  order.carrier = row.Text(13);
  order.tracking_number = row.Text(14);
  order.shop_discount_kpw = row.Int(15);
  order.site_discount_kpw = row.Int(16);
  if (auto claim = row.OptionalInt(17)) order.shop_claim = coupons::ClaimId{*claim};
  if (auto claim = row.OptionalInt(18)) order.site_claim = coupons::ClaimId{*claim};
  return order;
}

// Columns from `first` on: product_id, name, quantity, unit_amount, unit_currency, rate, unit_kpw, line_kpw.
OrderLine LineFromRow(const db::Row& row, std::size_t first) {
  OrderLine line;
  line.product = core::ProductId{row.Int(first)};
  line.name = row.Text(first + 1);
  line.quantity = row.Int(first + 2);
  line.unit_price.amount = row.Int(first + 3);
  line.unit_price.currency = db::Readable(core::ParseCurrency(row.Text(first + 4)), "currency", row.Text(first + 4));
  line.rate = row.Int(first + 5);
  line.unit_price_kpw = row.Int(first + 6);
  line.line_total_kpw = row.Int(first + 7);
  return line;
}

db::Parameter OptionalUser(const std::optional<core::UserId>& user) {
  if (user) return user->value;
  return nullptr;
}

}  // namespace

std::optional<StoredCheckout> OrderRepository::FindCheckout(db::Connection& connection, core::UserId buyer,
                                                            std::string_view key) {
  auto row = connection.QueryOne(kFindCheckout, {buyer.value, key});
  if (!row) return std::nullopt;
  return StoredCheckout{row->Text(0), row->Text(1)};
}

std::optional<std::int64_t> OrderRepository::InsertCheckout(db::Connection& connection, core::UserId buyer,
                                                            std::string_view key, std::string_view request,
                                                            std::int64_t now) {
  auto row = connection.QueryOne(
      kInsertCheckout, {buyer.value, key.empty() ? db::Parameter(nullptr) : db::Parameter(key), request, now});
  if (!row) return std::nullopt;
  return row->Int(0);
}

void OrderRepository::BeginMove(db::Connection& connection) { connection.Execute(kBeginMove); }

void OrderRepository::KeepMove(db::Connection& connection) { connection.Execute(kKeepMove); }

void OrderRepository::UndoMove(db::Connection& connection) {
  connection.Execute(kUndoMove);
  connection.Execute(kKeepMove);
}

std::int64_t OrderRepository::CountOtherOrdersOfSiteClaim(db::Connection& connection, coupons::ClaimId claim,
                                                          core::OrderId order) {
  auto row = connection.QueryOne(kOtherOrdersOfSiteClaim, {claim.value, order.value});
  return row ? row->Int(0) : 0;
}

void OrderRepository::SetReceipt(db::Connection& connection, std::int64_t checkout, std::string_view receipt) {
  connection.Execute(kSetReceipt, {receipt, checkout});
}

core::OrderId OrderRepository::Insert(db::Connection& connection, std::int64_t checkout, const Order& order) {
  const std::int64_t created = core::ToUnixSeconds(order.created_at);
  auto row = connection.QueryOne(
      kInsertOrder,
      {checkout, order.buyer.value, order.seller.value, OrderStatusName(order.status),
       PaymentMethodName(order.payment_method), order.subtotal_kpw, order.delivery_fee_kpw, order.total_kpw,
       std::string_view(order.address), created, sellers::DeliveryMethodName(order.delivery_method),
       std::string_view(order.pickup_place), order.shop_discount_kpw, order.site_discount_kpw,
       order.shop_claim ? db::Parameter{order.shop_claim->value} : db::Parameter{nullptr},
       order.site_claim ? db::Parameter{order.site_claim->value} : db::Parameter{nullptr}});
  if (!row) throw db::DatabaseError("insert into orders returned no id");
  core::OrderId id{row->Int(0)};
  for (std::size_t position = 0; position < order.lines.size(); ++position) {
    const OrderLine& line = order.lines[position];
    connection.Execute(kInsertLine,
                       {id.value, static_cast<std::int64_t>(position), line.product.value, std::string_view(line.name),
                        line.quantity, line.unit_price.amount, core::CurrencyCode(line.unit_price.currency), line.rate,
                        line.unit_price_kpw, line.line_total_kpw});
  }
  for (const OrderStep& step : order.timeline) InsertStep(connection, id, step);
  return id;
}

void OrderRepository::InsertStep(db::Connection& connection, core::OrderId order, const OrderStep& step) {
  connection.Execute(kInsertStep,
                     {order.value, step.from ? db::Parameter(OrderStatusName(*step.from)) : db::Parameter(nullptr),
                      OrderStatusName(step.to), PartyName(step.party), OptionalUser(step.actor),
                      std::string_view(step.note), core::ToUnixSeconds(step.at)});
}

bool OrderRepository::UpdateStatus(db::Connection& connection, core::OrderId order, OrderStatus from, OrderStatus to,
                                   std::int64_t now) {
  return connection.Execute(kUpdateStatus, {OrderStatusName(to), now, order.value, OrderStatusName(from)}) == 1;
}

void OrderRepository::SetShipment(db::Connection& connection, core::OrderId order, const Shipment& shipment) {
  connection.Execute(kSetShipment,
                     {std::string_view(shipment.carrier), std::string_view(shipment.tracking_number), order.value});
}

std::map<OrderStatus, std::int64_t> OrderRepository::CountsBySeller(db::Connection& connection, core::SellerId seller) {
  std::map<OrderStatus, std::int64_t> counts;
  for (const db::Row& row : connection.Query(kCountsBySeller, {seller.value})) {
    counts[StatusOf(row.Text(0))] += row.Int(1);
  }
  return counts;
}

std::vector<DaySalesRow> OrderRepository::SalesBySeller(db::Connection& connection, core::SellerId seller,
                                                        std::int64_t since, std::int64_t utc_offset) {
  std::vector<DaySalesRow> days;
  for (const db::Row& row : connection.Query(kSalesBySeller, {seller.value, since, utc_offset})) {
    days.push_back({row.Int(0), row.Int(1), row.Int(2)});
  }
  return days;
}

std::optional<Order> OrderRepository::Find(db::Connection& connection, core::OrderId id) {
  auto row = connection.QueryOne(kFindOrder, {id.value});
  if (!row) return std::nullopt;
  Order order = OrderFromRow(*row);
  for (const db::Row& line : connection.Query(kLinesOf, {id.value})) order.lines.push_back(LineFromRow(line, 0));
  for (const db::Row& step_row : connection.Query(kStepsOf, {id.value})) {
    OrderStep step;
    if (auto from = step_row.OptionalText(0)) step.from = StatusOf(*from);
    step.to = StatusOf(step_row.Text(1));
    step.party = ParseParty(step_row.Text(2));
    if (auto actor = step_row.OptionalInt(3)) step.actor = core::UserId{*actor};
    step.note = step_row.Text(4);
    step.at = core::FromUnixSeconds(step_row.Int(5));
    order.timeline.push_back(std::move(step));
  }
  return order;
}

std::vector<Order> OrderRepository::ListByBuyer(db::Connection& connection, core::UserId buyer, std::int64_t limit,
                                                std::int64_t offset) {
  std::vector<Order> orders;
  std::map<core::OrderId, std::size_t> index;
  for (const db::Row& row : connection.Query(kListByBuyer, {buyer.value, limit, offset})) {
    index[core::OrderId{row.Int(0)}] = orders.size();
    orders.push_back(OrderFromRow(row));
  }
  for (const db::Row& row : connection.Query(kLinesOfBuyerPage, {buyer.value, limit, offset})) {
    auto found = index.find(core::OrderId{row.Int(0)});
    if (found != index.end()) orders[found->second].lines.push_back(LineFromRow(row, 1));
  }
  return orders;
}

std::vector<core::OrderId> OrderRepository::Due(db::Connection& connection, OrderStatus status, MethodRule methods,
                                                std::int64_t before, std::int64_t limit) {
  const auto by_method = [&](PaymentMethod method) {
    return connection.Query(kDueByMethod, {OrderStatusName(status), before, limit, PaymentMethodName(method)});
  };
  db::Rows rows;
  switch (methods) {
    case MethodRule::any:
      rows = connection.Query(kDue, {OrderStatusName(status), before, limit});
      break;
    case MethodRule::wallet:
      rows = by_method(PaymentMethod::wallet);
      break;
    case MethodRule::cash_on_delivery:
      rows = by_method(PaymentMethod::cash_on_delivery);
      break;
    case MethodRule::bank_transfer:
      rows = by_method(PaymentMethod::bank_transfer);
      break;
    case MethodRule::prepaid:
      rows = connection.Query(kDueExceptMethod, {OrderStatusName(status), before, limit,
                                                 PaymentMethodName(PaymentMethod::cash_on_delivery)});
      break;
  }
  std::vector<core::OrderId> ids;
  for (const db::Row& row : rows) ids.push_back(core::OrderId{row.Int(0)});
  return ids;
}

namespace {

// The three status parameters of the seller queries: 'any' for no filter, else the set padded
// with its first status (the service allows at most kMaxStatusFilter).
std::array<std::string_view, kMaxStatusFilter> StatusParameters(std::span<const OrderStatus> statuses) {
  if (statuses.empty()) return {"any", "any", "any"};
  std::array<std::string_view, kMaxStatusFilter> names;
  for (std::size_t index = 0; index < names.size(); ++index) {
    names[index] = OrderStatusName(statuses[index < statuses.size() ? index : 0]);
  }
  return names;
}

// The filter's placing range as Unix seconds, [from, before); an open end reaches every order.
std::pair<std::int64_t, std::int64_t> PlacedBounds(const ShopOrderFilter& filter) {
  return {filter.placed_from ? core::ToUnixSeconds(*filter.placed_from) : std::numeric_limits<std::int64_t>::min(),
          filter.placed_before ? core::ToUnixSeconds(*filter.placed_before)
                               : std::numeric_limits<std::int64_t>::max()};
}

}  // namespace

std::vector<Order> OrderRepository::ListBySeller(db::Connection& connection, core::SellerId seller,
                                                 const ShopOrderFilter& filter, std::int64_t limit,
                                                 std::int64_t offset) {
  const auto wanted = StatusParameters(filter.statuses);
  const auto [from, before] = PlacedBounds(filter);
  const std::array<db::Parameter, 8> parameters = {seller.value, wanted[0], wanted[1], wanted[2],
                                                   from,         before,    limit,     offset};
  std::vector<Order> orders;
  std::map<core::OrderId, std::size_t> index;
  for (const db::Row& row : connection.Query(kListBySeller, parameters)) {
    index[core::OrderId{row.Int(0)}] = orders.size();
    orders.push_back(OrderFromRow(row));
  }
  for (const db::Row& row : connection.Query(kLinesOfSellerPage, parameters)) {
    auto found = index.find(core::OrderId{row.Int(0)});
    if (found != index.end()) orders[found->second].lines.push_back(LineFromRow(row, 1));
  }
  return orders;
}

std::int64_t OrderRepository::CountBySeller(db::Connection& connection, core::SellerId seller,
                                            const ShopOrderFilter& filter) {
  const auto wanted = StatusParameters(filter.statuses);
  const auto [from, before] = PlacedBounds(filter);
  auto row = connection.QueryOne(kCountBySeller, {seller.value, wanted[0], wanted[1], wanted[2], from, before});
  return row ? row->Int(0) : 0;
}

std::vector<DaySalesRow> OrderRepository::SalesPerDay(db::Connection& connection, std::int64_t since,
                                                      std::int64_t utc_offset) {
  std::vector<DaySalesRow> days;
  for (const db::Row& row : connection.Query(kSalesPerDay, {since, utc_offset})) {
    days.push_back({row.Int(0), row.Int(1), row.Int(2)});
  }
  return days;
}

std::vector<Order> OrderRepository::ListByStatusAndMethod(db::Connection& connection, OrderStatus status,
                                                          PaymentMethod method, std::int64_t limit,
                                                          std::int64_t offset) {
  const std::array<db::Parameter, 4> parameters = {OrderStatusName(status), PaymentMethodName(method), limit, offset};
  std::vector<Order> orders;
  std::map<core::OrderId, std::size_t> index;
  for (const db::Row& row : connection.Query(kListByStatusAndMethod, parameters)) {
    index[core::OrderId{row.Int(0)}] = orders.size();
    orders.push_back(OrderFromRow(row));
  }
  for (const db::Row& row : connection.Query(kLinesOfStatusAndMethodPage, parameters)) {
    auto found = index.find(core::OrderId{row.Int(0)});
    if (found != index.end()) orders[found->second].lines.push_back(LineFromRow(row, 1));
  }
  return orders;
}

std::vector<core::OrderId> OrderRepository::IdsByStatus(db::Connection& connection, OrderStatus status,
                                                        std::int64_t limit, std::int64_t offset) {
  std::vector<core::OrderId> ids;
  for (const db::Row& row : connection.Query(kIdsByStatus, {OrderStatusName(status), limit, offset})) {
    ids.push_back(core::OrderId{row.Int(0)});
  }
  return ids;
}

std::int64_t OrderRepository::CountByStatus(db::Connection& connection, OrderStatus status) {
  auto row = connection.QueryOne(kCountByStatus, {OrderStatusName(status)});
  return row ? row->Int(0) : 0;
}

std::int64_t OrderRepository::CountByStatusAndMethod(db::Connection& connection, OrderStatus status,
                                                     PaymentMethod method) {
  auto row = connection.QueryOne(kCountByStatusAndMethod, {OrderStatusName(status), PaymentMethodName(method)});
  return row ? row->Int(0) : 0;
}

std::int64_t OrderRepository::CountByBuyer(db::Connection& connection, core::UserId buyer) {
  auto row = connection.QueryOne(kCountByBuyer, {buyer.value});
  return row ? row->Int(0) : 0;
}

std::vector<PurchasedLine> OrderRepository::PurchasedLines(db::Connection& connection, core::UserId buyer,
                                                           core::ProductId product) {
  std::vector<PurchasedLine> lines;
  for (const db::Row& row : connection.Query(kPurchasedLines, {buyer.value, product.value})) {
    lines.push_back(
        {core::OrderId{row.Int(0)}, static_cast<int>(row.Int(1)), core::SellerId{row.Int(2)}, StatusOf(row.Text(3))});
  }
  return lines;
}

}  // namespace manmulsang::orders
