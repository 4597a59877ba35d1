#include "order_move.hpp"

#include <vector>

#include "manmulsang/notifications/notifications.hpp"
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
                                        OrderEvent event, std::optional<core::UserId> actor,
                                        std::optional<std::int64_t> refund_kpw) {
  std::expected<payments::TransferId, payments::PaymentError> moved = payments::TransferId{};
  switch (event) {
    case OrderEvent::pay_from_wallet:
      // The marketplace's coupon part rides in the payment: promotions → escrow (docs/BUYING.md §10).
      moved = parts.payments.PayFromWallet(connection, order.buyer, order.id, order.total_kpw, order.site_discount_kpw);
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
    case OrderEvent::resolve_partial_refund: {
      // The admin's amount back to the buyer, the rest to the shop as a confirmation pays it: the
      // fee on the released part only, by the one fee rule. No restock, as for resolve_refund.
      const std::optional<std::int64_t> paid = parts.payments.PaidAmount(connection, order.id);
      if (!paid) {
        moved = std::unexpected(payments::PaymentError::not_paid);
        break;
      }
      // At most what the buyer paid: a marketplace coupon's part of escrow was never theirs (with
      // the sale standing it goes to the shop with the rest).
      const std::int64_t buyer_paid = *paid - parts.payments.PromotionPaid(connection, order.id);
      if (!refund_kpw || *refund_kpw < 1 || *refund_kpw > buyer_paid) {
        return std::unexpected(OrderError::invalid_refund_amount);
      }
      const std::int64_t fee_basis_points = parts.settings.CurrentIn(connection).values.platform_fee_basis_points;
      auto split = parts.payments.SplitEscrow(connection, order.id, order.buyer, order.seller, *refund_kpw,
                                              PlatformFee(*paid - *refund_kpw, fee_basis_points), actor);
      if (!split) moved = std::unexpected(split.error());
      break;
    }
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
      moved = parts.payments.RecordCashPayment(connection, order.id, order.total_kpw, "bank_transfer", actor,
                                               order.site_discount_kpw);
      if (moved) parts.catalog.RecordSale(connection, order.id, StockOf(order));
      break;
    case OrderEvent::deliver:
      if (order.payment_method == PaymentMethod::cash_on_delivery) {
        moved = parts.payments.RecordCashPayment(connection, order.id, order.total_kpw, "cash_on_delivery", actor,
                                                 order.site_discount_kpw);
        if (moved) parts.catalog.RecordSale(connection, order.id, StockOf(order));
      }
      break;
    case OrderEvent::confirm:
    case OrderEvent::close_dispute: {
      // A buyer confirming a cash-on-delivery parcel the shop never marked delivered has paid at
      // the door: the cash comes into escrow first, as the shop's deliver would have recorded
      // it, so the release below takes what escrow holds and the ledger stays balanced.
      if (order.status == OrderStatus::shipped && order.payment_method == PaymentMethod::cash_on_delivery) {
        moved = parts.payments.RecordCashPayment(connection, order.id, order.total_kpw, "cash_on_delivery", actor,
                                                 order.site_discount_kpw);
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

// A cancelled or wholly refunded order gives its coupon claims back (while the coupons still
// run), in the move's transaction. A marketplace claim split over several orders comes back only
// with the last of them (docs/BUYING.md §10).
void RestoreClaims(db::Connection& connection, const Order& order, OrderEvent event, core::TimePoint now) {
  if (event != OrderEvent::cancel && event != OrderEvent::expire && event != OrderEvent::accept_return &&
      event != OrderEvent::resolve_refund) {
    return;
  }
  if (order.shop_claim) coupons::RestoreIn(connection, *order.shop_claim, now);
  if (order.site_claim && OrderRepository::CountOtherOrdersOfSiteClaim(connection, *order.site_claim, order.id) == 0) {
    coupons::RestoreIn(connection, *order.site_claim, now);
  }
}

// Who hears of a move, in the move's transaction: the buyer of what the shop, an admin or the
// timed jobs did to the order, the shop's owner of a deposit confirmed or a return asked for. No
// party is told of its own move. A wallet payment belongs to placing the order, of which
// checkout.cpp tells the shop.
void NotifyIn(db::Connection& connection, const OrderMoveParts& parts, const Order& order, Party party,
              OrderEvent event, core::TimePoint now) {
  using notifications::Kind;
  const std::string number = std::to_string(order.id.value);
  const auto to_buyer = [&](Kind kind) {
    if (party == Party::buyer) return;
    notifications::RecordIn(connection, now, {order.buyer, kind, number, "/orders/" + number});
  };
  const auto to_shop = [&](Kind kind) {
    if (party == Party::seller) return;
    if (const auto shop = parts.sellers.GetShop(order.seller)) {
      notifications::RecordIn(connection, now, {shop->owner, kind, number, "/seller/orders/" + number});
    }
  };
  switch (event) {
    case OrderEvent::confirm_payment:
      return to_shop(Kind::order_paid);
    case OrderEvent::ship:
      return to_buyer(Kind::order_shipped);
    case OrderEvent::deliver:
      return to_buyer(Kind::order_delivered);
    case OrderEvent::cancel:
    case OrderEvent::expire:
      return to_buyer(Kind::order_cancelled);
    case OrderEvent::request_return:
      return to_shop(Kind::return_requested);
    case OrderEvent::accept_return:
      return to_buyer(Kind::order_returned);
    default:
      return;
  }
}

}  // namespace

std::expected<OrderStatus, OrderError> MoveOrderIn(db::Connection& connection, const OrderMoveParts& parts,
                                                   const Order& order, Party party, std::optional<core::UserId> actor,
                                                   OrderEvent event, std::string_view note, const Shipment* shipment,
                                                   core::TimePoint now, std::optional<std::int64_t> refund_kpw) {
  auto next = NextStatus(order.status, event, party, order.payment_method);
  if (!next) return std::unexpected(OrderError::transition_not_allowed);
  if (auto done = Effects(connection, parts, order, event, actor, refund_kpw); !done) {
    return std::unexpected(done.error());
  }
  if (!OrderRepository::UpdateStatus(connection, order.id, order.status, *next, core::ToUnixSeconds(now))) {
    return std::unexpected(OrderError::transition_not_allowed);
  }
  RestoreClaims(connection, order, event, now);
  if (shipment) OrderRepository::SetShipment(connection, order.id, *shipment);
  OrderRepository::InsertStep(connection, order.id, {order.status, *next, party, actor, std::string(note), now});
  NotifyIn(connection, parts, order, party, event, now);
  return *next;
}

}  // namespace manmulsang::orders
