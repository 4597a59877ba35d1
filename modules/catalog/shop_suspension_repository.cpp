#include "shop_suspension_repository.hpp"

#include <string_view>

namespace manmulsang::catalog {
namespace {

// ON CONFLICT: a listing still named from an earlier suspension (it cannot be, since unsuspending
// forgets them, but a retried transaction must not fail on it).
constexpr std::string_view kNameActiveListings =
    "INSERT INTO shop_suspended_listings (product_id, seller_id) "
    "SELECT id, seller_id FROM products WHERE seller_id = $1 AND status = 'active' AND parent_id IS NULL "
    "ON CONFLICT (product_id) DO NOTHING";
constexpr std::string_view kHideNamed =
    "UPDATE products SET status = 'hidden', updated_at = $2 WHERE status = 'active' "
    "AND id IN (SELECT product_id FROM shop_suspended_listings WHERE seller_id = $1)";
constexpr std::string_view kNamedListings =
    "SELECT product_id FROM shop_suspended_listings WHERE seller_id = $1 ORDER BY product_id";
// A listing an admin took down while the shop was suspended stays down (listing_take_downs).
constexpr std::string_view kShowNamed =
    "UPDATE products SET status = 'active', updated_at = $2 WHERE status = 'hidden' "
    "AND id IN (SELECT product_id FROM shop_suspended_listings WHERE seller_id = $1) "
    "AND id NOT IN (SELECT product_id FROM listing_take_downs)";
constexpr std::string_view kForgetNamed = "DELETE FROM shop_suspended_listings WHERE seller_id = $1";

std::vector<core::ProductId> NamedListings(db::Connection& connection, core::SellerId shop) {
  std::vector<core::ProductId> ids;
  for (const db::Row& row : connection.Query(kNamedListings, {shop.value})) ids.push_back(core::ProductId{row.Int(0)});
  return ids;
}

}  // namespace

std::vector<core::ProductId> ShopSuspensionRepository::HideActiveListings(db::Connection& connection,
                                                                          core::SellerId shop, std::int64_t now) {
  connection.Execute(kNameActiveListings, {shop.value});
  connection.Execute(kHideNamed, {shop.value, now});
  return NamedListings(connection, shop);
}

std::vector<core::ProductId> ShopSuspensionRepository::ShowHiddenListings(db::Connection& connection,
                                                                          core::SellerId shop, std::int64_t now) {
  std::vector<core::ProductId> ids = NamedListings(connection, shop);
  connection.Execute(kShowNamed, {shop.value, now});
  connection.Execute(kForgetNamed, {shop.value});
  return ids;
}

}  // namespace manmulsang::catalog
