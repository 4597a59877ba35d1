#include "order_move.hpp"

#include <vector>

#include "manmulsang/orders/order_state.hpp"
#include "order_repository.hpp"

namespace manmulsang::orders {
namespace {

std::vector<catalog::StockRequest> StockOf(const Order& order) {
  std::vector<catalog::StockRequest> requests;
  for (const OrderLine& line : order.lines) requests.push_back({line.product, line.quantity});
  return requests;
}

// The money, stock and popularity that go with a move, in the same transaction as the status
// change: a listing is popular by its paid orders (catalog::CatalogService::PopularProducts).
std::expected<void, OrderError> Effects(db::Connection& connection, const OrderMoveParts& parts, const Order& order,
                                        OrderEvent event, std::optional<core::UserId> actor) {
  std::expected<payments::TransferId, payments::PaymentError> moved = payments::TransferId{};
  switch (event) {
    case OrderEvent::pay_from_wallet:
      moved = parts.payments.PayFromWallet(connection, order.buyer, order.id, order.total_kpw);
      if (!moved && moved.error() == payments::PaymentError::insufficient_funds) {
        return std::unexpected(OrderError::insufficient_funds);
      }
      if (!moved && moved.error() == payments::PaymentError::invalid_amount) {
        return std::unexpected(OrderError::total_too_large);
      }
      if (moved) parts.catalog.RecordSale(connection, order.id, StockOf(order));
      break;
    case OrderEvent::resolve_refund:
      // The admin gives the buyer the whole payment back. No restock: the goods may never have
      // come back to the shop, and units it does not hold would be sold again.
      moved = parts.payments.Refund(connection, order.id, order.buyer, actor);
      break;
    case OrderEvent::cancel:
    case OrderEvent::expire:
    case OrderEvent::accept_return: {
      // The refund (the wallet's row) before the stock (the products' rows): the one lock order.
      if (parts.payments.PaidAmount(connection, order.id)) {
        moved = parts.payments.Refund(connection, order.id, order.buyer, actor);
        if (!moved) break;
      }
      parts.catalog.ReleaseStock(connection, StockOf(order));
      parts.catalog.WithdrawSale(connection, order.id);
      break;
    }
    case OrderEvent::confirm_payment:
      moved = parts.payments.RecordCashPayment(connection, order.id, order.total_kpw, "bank_transfer", actor);
      if (moved) parts.catalog.RecordSale(connection, order.id, StockOf(order));
      break;
    case OrderEvent::deliver:
      if (order.payment_method == PaymentMethod::cash_on_delivery) {
        moved = parts.payments.RecordCashPayment(connection, order.id, order.total_kpw, "cash_on_delivery", actor);
        if (moved) parts.catalog.RecordSale(connection, order.id, StockOf(order));
      }
      break;
    case OrderEvent::confirm:
    case OrderEvent::close_dispute: {
      // A buyer confirming a cash-on-delivery parcel the shop never marked delivered has paid at
      // the door: the cash comes into escrow first, as the shop's deliver would have recorded
      // it, so the release below takes what escrow holds and the ledger stays balanced.
      if (order.status == OrderStatus::shipped && order.payment_method == PaymentMethod::cash_on_delivery) {
        moved = parts.payments.RecordCashPayment(connection, order.id, order.total_kpw, "cash_on_delivery", actor);
        if (!moved) break;
        parts.catalog.RecordSale(connection, order.id, StockOf(order));
      }
      const std::int64_t paid = parts.payments.PaidAmount(connection, order.id).value_or(0);
      const std::int64_t fee_basis_points = parts.settings.CurrentIn(connection).values.platform_fee_basis_points;
      moved = parts.payments.Release(connection, order.id, order.seller, PlatformFee(paid, fee_basis_points));
      break;
    }
    case OrderEvent::prepare:
    case OrderEvent::ship:
    case OrderEvent::request_return:
    case OrderEvent::refuse_return:
    case OrderEvent::escalate:
      break;
  }
  // The table allowed the move, so the ledger refusing it means the two disagree: say so.
  if (!moved) return std::unexpected(OrderError::transition_not_allowed);
  return {};
}

}  // namespace

std::expected<OrderStatus, OrderError> MoveOrderIn(db::Connection& connection, const OrderMoveParts& parts,
                                                   const Order& order, Party party, std::optional<core::UserId> actor,
                                                   OrderEvent event, std::string_view note, const Shipment* shipment,
                                                   core::TimePoint now) {
  auto next = NextStatus(order.status, event, party, order.payment_method);
  if (!next) return std::unexpected(OrderError::transition_not_allowed);
  if (auto done = Effects(connection, parts, order, event, actor); !done) return std::unexpected(done.error());
  if (!OrderRepository::UpdateStatus(connection, order.id, order.status, *next, core::ToUnixSeconds(now))) {
    return std::unexpected(OrderError::transition_not_allowed);
  }
  if (shipment) OrderRepository::SetShipment(connection, order.id, *shipment);
  OrderRepository::InsertStep(connection, order.id, {order.status, *next, party, actor, std::string(note), now});
  return *next;
}

}  // namespace manmulsang::orders
