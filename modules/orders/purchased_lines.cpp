// The one read of orders that reviews make: did this member buy this product, and where is
// that order now. It runs in the caller's transaction so the check and the review's write see
// the same orders.

#include "manmulsang/orders/orders.hpp"
#include "order_repository.hpp"

namespace manmulsang::orders {

std::vector<PurchasedLine> OrderService::PurchasedLines(db::Connection& connection, core::UserId buyer,
                                                        core::ProductId product) {
  return OrderRepository::PurchasedLines(connection, buyer, product);
}

}  // namespace manmulsang::orders
