#pragma once

#include <expected>
#include <optional>
#include <string_view>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/orders/order.hpp"
#include "manmulsang/payments/payments.hpp"
#include "manmulsang/sellers/sellers.hpp"
#include "manmulsang/settings/settings.hpp"

namespace manmulsang::orders {

// What a move of the lifecycle works with.
struct OrderMoveParts {
  catalog::CatalogService& catalog;
  payments::PaymentService& payments;
  // The fee is read inside the move's transaction, so a release applies the fee of that moment.
  settings::SettingsService& settings;
  // The shop's owner hears of the moves that concern the shop (notifications).
  sellers::SellerService& sellers;
};

// The one way an order changes status, inside the caller's transaction: the transition table
// (NextStatus) decides, the money and stock that go with the event move, the status is updated
// on the condition that it is still the one read, and a timeline step is written. Returns the
// new status; transition_not_allowed when the table has no such move or the ledger refuses it,
// insufficient_funds when a wallet payment finds the wallet short. refund_kpw: the amount of a
// resolve_partial_refund (invalid_refund_amount when it is not 1..the payment), unused by other events.
std::expected<OrderStatus, OrderError> MoveOrderIn(db::Connection& connection, const OrderMoveParts& parts,
                                                   const Order& order, Party party, std::optional<core::UserId> actor,
                                                   OrderEvent event, std::string_view note, const Shipment* shipment,
                                                   core::TimePoint now,
                                                   std::optional<std::int64_t> refund_kpw = std::nullopt);

}  // namespace manmulsang::orders
