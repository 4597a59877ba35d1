#include "listing_form.hpp"

#include <algorithm>
#include <charconv>

#include "listing_http.hpp"
#include "manmulsang/http/request_parameters.hpp"

namespace manmulsang::catalog {

std::optional<std::int64_t> ParseFormCount(std::string_view text) {
  std::string digits;
  for (char character : text) {
    if (character == ',' || character == ' ') continue;
    digits += character;
  }
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || value < 0) return std::nullopt;
  return value;
}

ListingForm FormOf(const http::Form& form) {
  ListingForm typed;
  typed.category = form.GetOr("category");
  typed.name = form.GetOr("name");
  typed.description = form.GetOr("description");
  typed.price = form.GetOr("price");
  typed.currency = form.GetOr("currency", "KPW");
  typed.stock = form.GetOr("stock");
  auto ids = form.GetAll("variant_id");
  auto sizes = form.GetAll("variant_size");
  auto colours = form.GetAll("variant_colour");
  auto prices = form.GetAll("variant_price");
  auto stocks = form.GetAll("variant_stock");
  const std::size_t rows = std::max({ids.size(), sizes.size(), colours.size(), prices.size(), stocks.size()});
  auto at = [](const std::vector<std::string_view>& values, std::size_t index) {
    return index < values.size() ? std::string(values[index]) : std::string();
  };
  for (std::size_t index = 0; index < rows && index <= kMaxListingVariants + kEmptyVariantRows; ++index) {
    VariantRow row{at(ids, index), at(sizes, index), at(colours, index), at(prices, index), at(stocks, index)};
    if (!row.Empty()) typed.variants.push_back(std::move(row));
  }
  return typed;
}

ListingForm FormOf(const Product& product, CatalogService& catalog) {
  ListingForm typed;
  if (auto category = catalog.CategoryById(product.category)) typed.category = category->slug;
  typed.name = product.name;
  typed.description = product.description;
  typed.price = MoneyInputText(product.price);
  typed.currency = core::CurrencyCode(product.price.currency);
  typed.stock = std::to_string(product.stock);
  for (const Variant& variant : product.variants) {
    typed.variants.push_back({std::to_string(variant.id.value), variant.size, variant.colour,
                              MoneyInputText(variant.price), std::to_string(variant.stock)});
  }
  return typed;
}

std::expected<ListingInput, ListingProblem> InputOfForm(const ListingForm& typed) {
  auto invalid = [](std::string field) {
    return std::unexpected(ListingProblem{ListingError::invalid_field, std::move(field)});
  };
  ListingInput input;
  input.category_slug = typed.category;
  input.name = typed.name;
  input.description = typed.description;
  auto currency = core::ParseCurrency(typed.currency);
  if (!currency) return invalid("currency");
  input.price.currency = *currency;
  if (typed.variants.empty()) {
    auto price = core::ParseMoney(typed.price, *currency);
    if (!price) return invalid("price");
    input.price = *price;
    auto stock = ParseFormCount(typed.stock);
    if (!stock) return invalid("stock");
    input.stock = *stock;
  }
  for (std::size_t index = 0; index < typed.variants.size(); ++index) {
    const VariantRow& row = typed.variants[index];
    const std::string prefix = "variants[" + std::to_string(index) + "].";
    VariantInput variant;
    if (!row.id.empty()) {
      auto id = http::ParsePositiveId(row.id);
      if (!id) return invalid(prefix + "id");
      variant.id = core::ProductId{*id};
    }
    variant.size = row.size;
    variant.colour = row.colour;
    auto price = core::ParseMoney(row.price, *currency);
    if (!price) return invalid(prefix + "price");
    variant.price = *price;
    auto stock = ParseFormCount(row.stock);
    if (!stock) return invalid(prefix + "stock");
    variant.stock = *stock;
    input.variants.push_back(std::move(variant));
  }
  if (input.variants.size() > kMaxListingVariants) return invalid("variants");
  return input;
}

}  // namespace manmulsang::catalog
