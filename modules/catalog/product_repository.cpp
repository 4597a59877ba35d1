#include "product_repository.hpp"

#include <algorithm>
#include <string_view>

namespace manmulsang::catalog {
namespace {

constexpr std::string_view kLoadCategories =
    "SELECT id, parent_id, slug, name_ko, name_en, colour, icon, position FROM categories";

constexpr std::string_view kProductColumns =
    "SELECT id, seller_id, category_id, name, description, price_amount, currency, stock, status, "
    "rating_average, rating_count, popularity, created_at, parent_id, option_size, option_colour, has_variants "
    "FROM products";
constexpr std::string_view kFindById =
    "SELECT id, seller_id, category_id, name, description, price_amount, currency, stock, status, "
    "rating_average, rating_count, popularity, created_at, parent_id, option_size, option_colour, has_variants "
    "FROM products WHERE id = $1";
constexpr std::string_view kActiveAfter =
    "SELECT id, seller_id, category_id, name, description, price_amount, currency, stock, status, "
    "rating_average, rating_count, popularity, created_at, parent_id, option_size, option_colour, has_variants "
    "FROM products "
    "WHERE status = 'active' AND id > $1 ORDER BY id LIMIT $2";
constexpr std::string_view kNewest =
    "SELECT id, seller_id, category_id, name, description, price_amount, currency, stock, status, "
    "rating_average, rating_count, popularity, created_at, parent_id, option_size, option_colour, has_variants "
    "FROM products "
    "WHERE status = 'active' ORDER BY created_at DESC, id DESC LIMIT $1";
constexpr std::string_view kPopular =
    "SELECT id, seller_id, category_id, name, description, price_amount, currency, stock, status, "
    "rating_average, rating_count, popularity, created_at, parent_id, option_size, option_colour, has_variants "
    "FROM products "
    "WHERE status = 'active' ORDER BY popularity DESC, id DESC LIMIT $1";
constexpr std::string_view kCountActive = "SELECT COUNT(*) FROM products WHERE status = 'active'";
constexpr std::string_view kInsert =
    "INSERT INTO products (seller_id, category_id, name, description, price_amount, currency, stock, "
    "status, rating_average, rating_count, popularity, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9, $10, $11, $12) RETURNING id";
constexpr std::string_view kInsertImage =
    "INSERT INTO product_images (product_id, position, url) VALUES ($1, $2, $3)";

// Listings are composed from these pieces; "$?" becomes the next placeholder number.
constexpr std::string_view kCount = "SELECT COUNT(*) FROM products";
constexpr std::string_view kCountByCategory = "SELECT category_id, COUNT(*) FROM products";
constexpr std::string_view kGroupByCategory = " GROUP BY category_id ORDER BY category_id";
constexpr std::string_view kWhereActive = " WHERE status = 'active'";
constexpr std::string_view kAndSeller = " AND seller_id = $?";
constexpr std::string_view kAndMinPrice = " AND price_amount >= $?";
constexpr std::string_view kAndMaxPrice = " AND price_amount <= $?";
constexpr std::string_view kAndCategoryIn = " AND category_id IN (";
constexpr std::string_view kLimit = " LIMIT $?";
constexpr std::string_view kOffset = " OFFSET $?";
constexpr std::string_view kOrderPopular = " ORDER BY popularity DESC, id DESC";
constexpr std::string_view kOrderPriceAscending = " ORDER BY price_amount ASC, id ASC";
constexpr std::string_view kOrderPriceDescending = " ORDER BY price_amount DESC, id DESC";
constexpr std::string_view kOrderNewest = " ORDER BY created_at DESC, id DESC";
constexpr std::string_view kOrderRating = " ORDER BY rating_average DESC, rating_count DESC, id DESC";
constexpr std::string_view kImagesColumns =
    "SELECT product_id, url, list_url FROM product_images WHERE product_id IN (";
constexpr std::string_view kImagesOrder = ") ORDER BY product_id, position";

// Checkout. The stock condition sits in the UPDATE itself, so that stock can never go below zero
// whatever else runs; a sale also makes the listing more popular.
constexpr std::string_view kUpdateRating =
    "UPDATE products SET rating_average = $1, rating_count = $2, updated_at = $3 WHERE id = $4";
// By id alone: with a condition on status as well, SQLite's planner (without ANALYZE statistics)
// prefers an index that begins with status and reads every active listing to find a page's
// twenty. The status is checked on the rows that come back.
constexpr std::string_view kCheckoutProductsWhere = " WHERE id IN (";
constexpr std::string_view kCheckoutProductsOrder = ") ORDER BY id";
// What can be sold: a listing without options while it is active, or an option (stored 'hidden')
// while its listing is active. A listing with options is sold through them only.
#define MANMULSANG_SELLABLE                                                                 \
  "has_variants = 0 AND ((parent_id IS NULL AND status = 'active') OR (parent_id IS NOT NULL " \
  "AND status = 'hidden' AND (SELECT listing.status FROM products listing WHERE listing.id = " \
  "products.parent_id) = 'active'))"
constexpr std::string_view kReserveStock =
    "UPDATE products SET stock = stock - $1, popularity = popularity + $1, updated_at = $3 "
    "WHERE id = $2 AND stock >= $1 AND " MANMULSANG_SELLABLE " RETURNING stock, parent_id";
constexpr std::string_view kReleaseStock =
    "UPDATE products SET stock = stock + $1, updated_at = $3 WHERE id = $2 RETURNING stock, parent_id";
constexpr std::string_view kAvailableStock =
    "SELECT stock FROM products WHERE id = $1 AND " MANMULSANG_SELLABLE;
constexpr std::string_view kSellableWhere = " WHERE " MANMULSANG_SELLABLE " AND id IN (";
#undef MANMULSANG_SELLABLE
// A listing with options follows them: stock their sum, price the lowest, popularity their sales.
constexpr std::string_view kFollowOptions =
    "UPDATE products SET "
    "stock = (SELECT COALESCE(SUM(child.stock), 0) FROM products child "
    "WHERE child.parent_id = $1 AND child.status <> 'deleted'), "
    "price_amount = COALESCE((SELECT MIN(child.price_amount) FROM products child "
    "WHERE child.parent_id = $1 AND child.status <> 'deleted'), price_amount), "
    "has_variants = CASE WHEN EXISTS (SELECT 1 FROM products child "
    "WHERE child.parent_id = $1 AND child.status <> 'deleted') THEN 1 ELSE 0 END, "
    "popularity = popularity + $2, updated_at = $3 WHERE id = $1";
constexpr std::string_view kVariants =
    "SELECT id, option_size, option_colour, price_amount, currency, stock FROM products "
    "WHERE parent_id = $1 AND status <> 'deleted' ORDER BY id";
constexpr std::string_view kVariantsOf =
    "SELECT parent_id, id, option_size, option_colour, price_amount, currency, stock FROM products "
    "WHERE parent_id IN (";
constexpr std::string_view kVariantsOfOrder = ") AND status <> 'deleted' ORDER BY parent_id, id";

// The seller's own listings: any status but deleted, options left out (they show inside theirs).
constexpr std::string_view kSellerWhere = " WHERE seller_id = $? AND parent_id IS NULL";
constexpr std::string_view kSellerStatus = " AND status = $?";
constexpr std::string_view kSellerNotDeleted = " AND status IN ('active', 'hidden')";
constexpr std::string_view kInsertListing =
    "INSERT INTO products (seller_id, category_id, name, description, price_amount, currency, stock, "
    "status, parent_id, option_size, option_colour, has_variants, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, $12) RETURNING id";
constexpr std::string_view kUpdateListing =
    "UPDATE products SET category_id = $1, name = $2, description = $3, price_amount = $4, currency = $5, "
    "stock = $6, updated_at = $7, has_variants = $9 WHERE id = $8";
constexpr std::string_view kUpdateOption =
    "UPDATE products SET category_id = $1, name = $2, option_size = $3, option_colour = $4, "
    "price_amount = $5, currency = $6, stock = $7, updated_at = $8 WHERE id = $9 AND parent_id = $10";
constexpr std::string_view kSetStatus = "UPDATE products SET status = $1, updated_at = $2 WHERE id = $3";
constexpr std::string_view kImageList =
    "SELECT url, list_url FROM product_images WHERE product_id = $1 ORDER BY position";
constexpr std::string_view kInsertImageWithList =
    "INSERT INTO product_images (product_id, position, url, list_url) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kDeleteImages = "DELETE FROM product_images WHERE product_id = $1";
// A shop's rating: its active listings' averages weighted by their review counts.
constexpr std::string_view kShopRating =
    "SELECT COALESCE(SUM(rating_average * rating_count), 0), COALESCE(SUM(rating_count), 0) FROM products "
    "WHERE seller_id = $1 AND status = 'active' AND rating_count > 0";

std::string_view OrderBy(ProductSort sort) {
  switch (sort) {
    case ProductSort::price_asc: return kOrderPriceAscending;
    case ProductSort::price_desc: return kOrderPriceDescending;
    case ProductSort::newest: return kOrderNewest;
    case ProductSort::rating: return kOrderRating;
    case ProductSort::relevance: break;
  }
  // Without words to rank by (text queries go through the search module), the most popular
  // listing is the most relevant.
  return kOrderPopular;
}

// A statement under construction: SQL text plus the parameters its placeholders refer to.
class Statement {
 public:
  explicit Statement(std::string_view start) : sql_(start) {}

  Statement& Append(std::string_view fragment) {
    sql_ += fragment;
    return *this;
  }
  // Appends fragment, whose "$?" is replaced by the placeholder bound to value.
  Statement& Append(std::string_view fragment, db::Parameter value) {
    std::size_t marker = fragment.find("$?");
    sql_ += fragment.substr(0, marker);
    AppendPlaceholder(value);
    sql_ += fragment.substr(marker + 2);
    return *this;
  }
  Statement& AppendPlaceholder(db::Parameter value) {
    parameters_.push_back(value);
    sql_ += "$" + std::to_string(parameters_.size());
    return *this;
  }
  // "a IN ($n, ...)" for many ids: callers pass the opening fragment and close it.
  template <typename Id>
  Statement& AppendIdList(std::span<const Id> ids) {
    for (std::size_t index = 0; index < ids.size(); ++index) {
      if (index > 0) sql_ += ", ";
      AppendPlaceholder(ids[index].value);
    }
    return *this;
  }

  const std::string& sql() const { return sql_; }
  std::span<const db::Parameter> parameters() const { return parameters_; }

 private:
  std::string sql_;
  std::vector<db::Parameter> parameters_;
};

void AppendFilter(Statement& statement, const ProductFilter& filter) {
  statement.Append(kWhereActive);
  if (!filter.categories.empty()) {
    statement.Append(kAndCategoryIn);
    statement.AppendIdList(std::span<const core::CategoryId>(filter.categories));
    statement.Append(")");
  }
  if (filter.seller) statement.Append(kAndSeller, filter.seller->value);
  if (filter.min_price) statement.Append(kAndMinPrice, *filter.min_price);
  if (filter.max_price) statement.Append(kAndMaxPrice, *filter.max_price);
}

std::string_view StatusName(ProductStatus status) {
  switch (status) {
    case ProductStatus::hidden: return "hidden";
    case ProductStatus::deleted: return "deleted";
    case ProductStatus::active: break;
  }
  return "active";
}

ProductStatus ParseStatus(std::string_view text) {
  if (text == "hidden") return ProductStatus::hidden;
  if (text == "deleted") return ProductStatus::deleted;
  return ProductStatus::active;
}

Product FromRow(const db::Row& row) {
  Product product;
  product.id = core::ProductId{row.Int(0)};
  product.seller = core::SellerId{row.Int(1)};
  product.category = core::CategoryId{row.Int(2)};
  product.name = row.Text(3);
  product.description = row.Text(4);
  product.price.amount = row.Int(5);
  product.price.currency = core::ParseCurrency(row.Text(6)).value_or(core::Currency::kpw);
  product.stock = row.Int(7);
  product.status = ParseStatus(row.Text(8));
  product.rating_average = row.Real(9);
  product.rating_count = row.Int(10);
  product.popularity = row.Int(11);
  product.created_at = core::FromUnixSeconds(row.Int(12));
  if (auto parent = row.OptionalInt(13)) product.parent = core::ProductId{*parent};
  product.has_variants = row.Int(16) != 0;
  return product;
}

std::vector<Product> FromRows(const db::Rows& rows) {
  std::vector<Product> products;
  products.reserve(rows.size());
  for (const db::Row& row : rows) products.push_back(FromRow(row));
  return products;
}

}  // namespace

std::vector<Category> ProductRepository::LoadCategories(db::Connection& connection) {
  std::vector<Category> categories;
  for (const db::Row& row : connection.Query(kLoadCategories)) {
    Category category;
    category.id = core::CategoryId{row.Int(0)};
    if (auto parent = row.OptionalInt(1)) category.parent = core::CategoryId{*parent};
    category.slug = row.Text(2);
    category.name_ko = row.Text(3);
    category.name_en = row.Text(4);
    category.colour = row.Text(5);
    category.icon = row.Text(6);
    category.position = static_cast<int>(row.Int(7));
    categories.push_back(std::move(category));
  }
  return categories;
}

std::optional<Product> ProductRepository::Find(db::Connection& connection, core::ProductId id) {
  auto row = connection.QueryOne(kFindById, {id.value});
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::vector<Product> ProductRepository::ActiveAfter(db::Connection& connection, core::ProductId after,
                                                    std::int64_t limit) {
  return FromRows(connection.Query(kActiveAfter, {after.value, limit}));
}

std::vector<Product> ProductRepository::List(db::Connection& connection, const ProductFilter& filter,
                                             ProductSort sort, std::int64_t limit, std::int64_t offset) {
  Statement statement(kProductColumns);
  AppendFilter(statement, filter);
  statement.Append(OrderBy(sort));
  statement.Append(kLimit, limit).Append(kOffset, offset);
  return FromRows(connection.Query(statement.sql(), statement.parameters()));
}

std::int64_t ProductRepository::Count(db::Connection& connection, const ProductFilter& filter) {
  Statement statement(kCount);
  AppendFilter(statement, filter);
  db::Rows rows = connection.Query(statement.sql(), statement.parameters());
  return rows.empty() ? 0 : rows.front().Int(0);
}

std::vector<std::pair<core::CategoryId, std::int64_t>> ProductRepository::CountByCategory(
    db::Connection& connection, const ProductFilter& filter) {
  Statement statement(kCountByCategory);
  AppendFilter(statement, filter);
  statement.Append(kGroupByCategory);
  std::vector<std::pair<core::CategoryId, std::int64_t>> counts;
  for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
    counts.emplace_back(core::CategoryId{row.Int(0)}, row.Int(1));
  }
  return counts;
}

std::vector<Product> ProductRepository::Newest(db::Connection& connection, std::int64_t limit) {
  return FromRows(connection.Query(kNewest, {limit}));
}

std::vector<Product> ProductRepository::Popular(db::Connection& connection, std::int64_t limit) {
  return FromRows(connection.Query(kPopular, {limit}));
}

std::int64_t ProductRepository::CountActive(db::Connection& connection) {
  auto row = connection.QueryOne(kCountActive);
  return row ? row->Int(0) : 0;
}

std::vector<ProductImage> ProductRepository::Images(db::Connection& connection,
                                                   std::span<const core::ProductId> ids) {
  std::vector<ProductImage> images;
  // Pages hold at most kMaxPerPage products, so one statement per page.
  constexpr std::size_t kBatch = kMaxPerPage;
  for (std::size_t start = 0; start < ids.size(); start += kBatch) {
    Statement statement(kImagesColumns);
    statement.AppendIdList(ids.subspan(start, std::min(kBatch, ids.size() - start)));
    statement.Append(kImagesOrder);
    for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
      images.push_back({core::ProductId{row.Int(0)}, row.Text(1), row.Text(2).empty() ? row.Text(1) : row.Text(2)});
    }
  }
  return images;
}

core::ProductId ProductRepository::Insert(db::Connection& connection, const NewProduct& product,
                                          std::int64_t created_at, std::int64_t updated_at) {
  auto row = connection.QueryOne(
      kInsert, {product.seller.value, product.category.value, std::string_view(product.name),
                std::string_view(product.description), product.price.amount,
                core::CurrencyCode(product.price.currency), product.stock, product.rating_average,
                product.rating_count, product.popularity, created_at, updated_at});
  if (!row) throw db::DatabaseError("insert into products returned no id");
  core::ProductId id{row->Int(0)};
  for (std::size_t position = 0; position < product.images.size(); ++position) {
    connection.Execute(kInsertImage, {id.value, static_cast<std::int64_t>(position),
                                      std::string_view(product.images[position])});
  }
  return id;
}

namespace {

// The products among ids that `where` (a WHERE … IN opening) admits, read by id in batches of
// kMaxPerPage (by id alone: see kCheckoutProductsWhere), in id order.
std::vector<Product> ProductsByIds(db::Connection& connection, std::string_view where,
                                   std::span<const core::ProductId> ids) {
  std::vector<Product> products;
  constexpr std::size_t kBatch = kMaxPerPage;
  for (std::size_t start = 0; start < ids.size(); start += kBatch) {
    Statement statement(kProductColumns);
    statement.Append(where);
    statement.AppendIdList(ids.subspan(start, std::min(kBatch, ids.size() - start)));
    statement.Append(kCheckoutProductsOrder);
    for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
      products.push_back(FromRow(row));
    }
  }
  std::ranges::sort(products, {}, &Product::id);
  return products;
}

}  // namespace

std::vector<Product> ProductRepository::ActiveByIds(db::Connection& connection,
                                                   std::span<const core::ProductId> ids) {
  std::vector<Product> products = ProductsByIds(connection, kCheckoutProductsWhere, ids);
  std::erase_if(products, [](const Product& product) { return product.status != ProductStatus::active; });
  return products;
}

namespace {

StockLeft StockLeftOf(const db::Row& row) {
  StockLeft left{row.Int(0), std::nullopt};
  if (auto parent = row.OptionalInt(1)) left.listing = core::ProductId{*parent};
  return left;
}

}  // namespace

std::optional<StockLeft> ProductRepository::TakeStock(db::Connection& connection, core::ProductId id,
                                                      std::int64_t quantity, std::int64_t now) {
  auto row = connection.QueryOne(kReserveStock, {quantity, id.value, now});
  if (!row) return std::nullopt;
  return StockLeftOf(*row);
}

std::optional<StockLeft> ProductRepository::PutBackStock(db::Connection& connection, core::ProductId id,
                                                         std::int64_t quantity, std::int64_t now) {
  auto row = connection.QueryOne(kReleaseStock, {quantity, id.value, now});
  if (!row) return std::nullopt;
  return StockLeftOf(*row);
}

std::vector<Product> ProductRepository::SellableByIds(db::Connection& connection,
                                                     std::span<const core::ProductId> ids) {
  std::vector<Product> products = ProductsByIds(connection, kSellableWhere, ids);
  // An option is sold while its listing is; to the buyer it is as active as the listing.
  for (Product& product : products) product.status = ProductStatus::active;
  return products;
}

void ProductRepository::FollowOptions(db::Connection& connection, core::ProductId listing, std::int64_t sold,
                                      std::int64_t now) {
  connection.Execute(kFollowOptions, {listing.value, sold, now});
}

namespace {

Variant VariantOf(const db::Row& row, std::size_t first) {
  Variant variant;
  variant.id = core::ProductId{row.Int(first)};
  variant.size = row.Text(first + 1);
  variant.colour = row.Text(first + 2);
  variant.price.amount = row.Int(first + 3);
  variant.price.currency = core::ParseCurrency(row.Text(first + 4)).value_or(core::Currency::kpw);
  variant.stock = row.Int(first + 5);
  return variant;
}

}  // namespace

std::vector<Variant> ProductRepository::Variants(db::Connection& connection, core::ProductId listing) {
  std::vector<Variant> variants;
  for (const db::Row& row : connection.Query(kVariants, {listing.value})) variants.push_back(VariantOf(row, 0));
  return variants;
}

std::vector<std::pair<core::ProductId, Variant>> ProductRepository::VariantsOf(
    db::Connection& connection, std::span<const core::ProductId> listings) {
  std::vector<std::pair<core::ProductId, Variant>> variants;
  constexpr std::size_t kBatch = kMaxPerPage;
  for (std::size_t start = 0; start < listings.size(); start += kBatch) {
    Statement statement(kVariantsOf);
    statement.AppendIdList(listings.subspan(start, std::min(kBatch, listings.size() - start)));
    statement.Append(kVariantsOfOrder);
    for (const db::Row& row : connection.Query(statement.sql(), statement.parameters())) {
      variants.emplace_back(core::ProductId{row.Int(0)}, VariantOf(row, 1));
    }
  }
  return variants;
}

std::vector<Product> ProductRepository::SellerListings(db::Connection& connection, core::SellerId seller,
                                                       std::optional<ProductStatus> status, std::int64_t limit,
                                                       std::int64_t offset) {
  Statement statement(kProductColumns);
  statement.Append(kSellerWhere, seller.value);
  if (status) {
    statement.Append(kSellerStatus, StatusName(*status));
  } else {
    statement.Append(kSellerNotDeleted);
  }
  statement.Append(kOrderNewest);
  statement.Append(kLimit, limit).Append(kOffset, offset);
  return FromRows(connection.Query(statement.sql(), statement.parameters()));
}

std::int64_t ProductRepository::CountSellerListings(db::Connection& connection, core::SellerId seller,
                                                    std::optional<ProductStatus> status) {
  Statement statement(kCount);
  statement.Append(kSellerWhere, seller.value);
  if (status) {
    statement.Append(kSellerStatus, StatusName(*status));
  } else {
    statement.Append(kSellerNotDeleted);
  }
  db::Rows rows = connection.Query(statement.sql(), statement.parameters());
  return rows.empty() ? 0 : rows.front().Int(0);
}

core::ProductId ProductRepository::InsertListingRow(db::Connection& connection, const ListingRow& listing,
                                                    std::int64_t now) {
  db::Parameter parent = nullptr;
  if (listing.parent) parent = listing.parent->value;
  auto row = connection.QueryOne(
      kInsertListing,
      {listing.seller.value, listing.category.value, std::string_view(listing.name),
       std::string_view(listing.description), listing.price.amount, core::CurrencyCode(listing.price.currency),
       listing.stock, StatusName(listing.status), parent, std::string_view(listing.size),
       std::string_view(listing.colour), now});
  if (!row) throw db::DatabaseError("insert into products returned no id");
  return core::ProductId{row->Int(0)};
}

void ProductRepository::UpdateListingRow(db::Connection& connection, core::ProductId id, const ListingRow& listing,
                                         std::int64_t now) {
  connection.Execute(kUpdateListing,
                     {listing.category.value, std::string_view(listing.name), std::string_view(listing.description),
                      listing.price.amount, core::CurrencyCode(listing.price.currency), listing.stock, now, id.value,
                      std::int64_t{listing.has_variants ? 1 : 0}});
}

void ProductRepository::UpdateOptionRow(db::Connection& connection, core::ProductId id, const ListingRow& option,
                                        std::int64_t now) {
  connection.Execute(kUpdateOption,
                     {option.category.value, std::string_view(option.name), std::string_view(option.size),
                      std::string_view(option.colour), option.price.amount,
                      core::CurrencyCode(option.price.currency), option.stock, now, id.value,
                      option.parent ? option.parent->value : std::int64_t{0}});
}

void ProductRepository::SetStatus(db::Connection& connection, core::ProductId id, ProductStatus status,
                                  std::int64_t now) {
  connection.Execute(kSetStatus, {StatusName(status), now, id.value});
}

std::vector<ProductImage> ProductRepository::ImagesOf(db::Connection& connection, core::ProductId id) {
  std::vector<ProductImage> images;
  for (const db::Row& row : connection.Query(kImageList, {id.value})) {
    images.push_back({id, row.Text(0), row.Text(1).empty() ? row.Text(0) : row.Text(1)});
  }
  return images;
}

void ProductRepository::ReplaceImages(db::Connection& connection, core::ProductId id,
                                      std::span<const ProductImage> images) {
  connection.Execute(kDeleteImages, {id.value});
  for (std::size_t position = 0; position < images.size(); ++position) {
    connection.Execute(kInsertImageWithList, {id.value, static_cast<std::int64_t>(position),
                                              std::string_view(images[position].url),
                                              std::string_view(images[position].list_url)});
  }
}

std::pair<double, std::int64_t> ProductRepository::ShopRating(db::Connection& connection, core::SellerId seller) {
  auto row = connection.QueryOne(kShopRating, {seller.value});
  if (!row) return {0, 0};
  const std::int64_t count = row->Int(1);
  return {count > 0 ? row->Real(0) / static_cast<double>(count) : 0.0, count};
}

std::int64_t ProductRepository::AvailableStock(db::Connection& connection, core::ProductId id) {
  auto row = connection.QueryOne(kAvailableStock, {id.value});
  return row ? row->Int(0) : 0;
}

void ProductRepository::UpdateRating(db::Connection& connection, core::ProductId id, double average,
                                     std::int64_t count, std::int64_t now) {
  connection.Execute(kUpdateRating, {average, count, now, id.value});
}

}  // namespace manmulsang::catalog
