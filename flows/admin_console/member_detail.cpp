// The member page's read: one member and what they did, gathered through each module's service
// (no table of the console's own), a few reads each, none per row.

#include <set>

#include "manmulsang/admin_console/admin_console.hpp"

namespace manmulsang::admin_console {

std::expected<MemberDetail, ConsoleError> AdminConsole::Member(const core::Actor& actor, core::UserId member) {
  if (!actor.is(core::Role::admin)) return std::unexpected(ConsoleError::not_an_admin);
  std::optional<accounts::User> user = accounts_.FindUser(member);
  if (!user) return std::unexpected(ConsoleError::member_not_found);
  MemberDetail detail;
  detail.member = std::move(*user);

  orders::OrderPage orders = orders_.BuyerOrders(member, 1, kMemberOrders);
  detail.orders_total = orders.total;
  std::set<core::SellerId> shop_ids;
  for (const orders::Order& order : orders.items) shop_ids.insert(order.seller);
  const std::vector<core::SellerId> shop_list(shop_ids.begin(), shop_ids.end());
  std::map<core::SellerId, std::string> shop_names;
  for (sellers::Shop& shop : sellers_.FindShops(shop_list)) shop_names.emplace(shop.id, std::move(shop.name));
  for (orders::Order& order : orders.items) {
    MemberOrder item;
    if (auto shop = shop_names.find(order.seller); shop != shop_names.end()) item.shop_name = shop->second;
    item.order = std::move(order);
    detail.orders.push_back(std::move(item));
  }

  detail.wallet = payments_.Wallet(member, 1, kMemberWalletEntries);

  reviews::MemberReviews written = reviews::ReviewsByAuthor(database_, member, kMemberReviews);
  detail.reviews_total = written.total;
  std::set<core::ProductId> product_ids;
  for (const reviews::Review& review : written.items) product_ids.insert(review.product);
  const std::vector<core::ProductId> product_list(product_ids.begin(), product_ids.end());
  std::map<core::ProductId, std::string> product_names;
  for (catalog::Product& product : catalog_.ActiveProducts(product_list)) {
    product_names.emplace(product.id, std::move(product.name));
  }
  for (reviews::Review& review : written.items) {
    MemberReview item;
    if (auto product = product_names.find(review.product); product != product_names.end()) {
      item.product_name = product->second;
    }
    item.review = std::move(review);
    detail.reviews.push_back(std::move(item));
  }

  detail.shops = sellers_.ShopsOwnedBy(member);
  detail.sessions = accounts_.ActiveSessions(member);
  detail.history = audit_.ForSubject("member", std::to_string(member.value), kMemberHistory);
  std::set<core::UserId> admin_ids;
  for (const audit::AuditRecord& record : detail.history) admin_ids.insert(record.entry.admin);
  const std::vector<core::UserId> admin_list(admin_ids.begin(), admin_ids.end());
  for (accounts::User& admin : accounts_.FindUsers(admin_list)) {
    detail.admin_names.emplace(admin.id, std::move(admin.name));
  }
  return detail;
}

}  // namespace manmulsang::admin_console
