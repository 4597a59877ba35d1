#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/product.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// What the catalog's repositories share about a products row: its columns, how a row becomes a
// Product.

// The columns ProductFromRow reads, in its order.
inline constexpr std::string_view kProductColumns =
    "SELECT id, seller_id, category_id, name, description, price_amount, currency, stock, status, "
    "rating_average, rating_count, popularity, created_at, parent_id, option_size, option_colour, has_variants "
    "FROM products";

// A row of kProductColumns; without seller name and images (the service hydrates pages in batches).
Product ProductFromRow(const db::Row& row);
std::vector<Product> ProductsFromRows(const db::Rows& rows);

// The products among ids that `where` (a " WHERE … IN (" opening) admits, read by id in batches of
// kMaxPerPage, in id order.
std::vector<Product> ProductsByIds(db::Connection& connection, std::string_view where,
                                   std::span<const core::ProductId> ids);

}  // namespace manmulsang::catalog
