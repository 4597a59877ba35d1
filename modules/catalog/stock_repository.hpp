#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// After a stock change: what the row holds now, and the listing it is an option of.
struct StockLeft {
  std::int64_t stock = 0;
  std::optional<core::ProductId> listing;
};

// What can be sold and how many: checkout's reads and stock changes, inside the caller's
// transaction. A listing without options is sold while it is active; an option (stored 'hidden')
// while its listing is active; a listing with options only through them.
class StockRepository {
 public:
  // Products that can be bought among ids, in id order (options returned as active).
  static std::vector<Product> SellableByIds(db::Connection& connection, std::span<const core::ProductId> ids);
  // The stock left, or nullopt (and nothing changed) when the product cannot be bought or has
  // fewer than quantity.
  static std::optional<StockLeft> TakeStock(db::Connection& connection, core::ProductId id, std::int64_t quantity,
                                            std::int64_t now);
  // The stock after putting quantity back; nullopt for an unknown product.
  static std::optional<StockLeft> PutBackStock(db::Connection& connection, core::ProductId id, std::int64_t quantity,
                                               std::int64_t now);
  // The stock of a product that can be bought; 0 when it is unknown or cannot be bought.
  static std::int64_t AvailableStock(db::Connection& connection, core::ProductId id);
  // The listing product is an option of; nullopt for a listing (or an unknown product).
  static std::optional<core::ProductId> ListingOf(db::Connection& connection, core::ProductId product);
  // Moves a listing's stock by change (negative: taken through its options) in one statement on
  // the row as it is, never below zero: two checkouts taking different options at the same
  // instant each move it by their own quantity, so it stays the sum of its options.
  static void MoveListingStock(db::Connection& connection, core::ProductId listing, std::int64_t change,
                               std::int64_t now);
  // Sets a listing's stock, price and has_variants from its options.
  static void FollowOptions(db::Connection& connection, core::ProductId listing, std::int64_t now);
};

}  // namespace manmulsang::catalog
