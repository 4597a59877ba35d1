// The order data the buyer's and the seller's order pages share (buying_pages.hpp).

#include "buying_pages.hpp"

namespace manmulsang::orders {

html::List BuyingPages::OrderLines(const http::Request& request, const Order& order) const {
  html::List lines;
  for (const OrderLine& line : order.lines) {
    html::Data row;
    row.set("product_id", std::to_string(line.product.value));
    row.set("name", line.name);
    row.set("quantity", std::to_string(line.quantity));
    row.set("unit_price", Money(request, line.unit_price_kpw));
    if (line.unit_price.currency != core::Currency::kpw) row.set("listed_price", Money(request, line.unit_price));
    row.set("line_total", Money(request, line.line_total_kpw));
    lines.push_back(row);
  }
  return lines;
}

void BuyingPages::SetDelivery(const http::Request& request, const Order& order, html::Data& data) const {
  data.set("delivery_method",
           Text(request, "orders.delivery." + std::string(sellers::DeliveryMethodName(order.delivery_method))));
  if (order.delivery_method == sellers::DeliveryMethod::pickup) data.set("pickup_place", order.pickup_place);
  data.set("address", order.address);
  if (!order.carrier.empty()) data.set("carrier", order.carrier);
  if (!order.tracking_number.empty()) data.set("tracking_number", order.tracking_number);
}

html::List BuyingPages::OrderTimeline(const http::Request& request, const Order& order) const {
  html::List timeline;
  for (const OrderStep& step : order.timeline) {
    html::Data row;
    row.set("status", Text(request, "orders.status." + std::string(OrderStatusName(step.to))));
    row.set("at", core::FormatIso8601(step.at));
    row.set("at_text", html::DateTimeText(step.at));
    row.set("by", Text(request, "orders.party." + std::string(PartyName(step.party))));
    if (!step.note.empty()) row.set("note", step.note);
    timeline.push_back(row);
  }
  return timeline;
}

}  // namespace manmulsang::orders
