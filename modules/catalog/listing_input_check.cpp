#include "listing_input_check.hpp"

#include <set>
#include <utility>

#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/typed_text.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::catalog {
namespace {

std::unexpected<ListingProblem> Invalid(std::string field) {
  return std::unexpected(ListingProblem{ListingError::invalid_field, std::move(field)});
}

bool PriceInRange(const core::Money& price) {
  return price.amount > 0 && price.amount <= MaxListingPrice(price.currency);
}

}  // namespace

std::int64_t MaxListingPrice(core::Currency currency) {
  return currency == core::Currency::kpw ? 1'000'000'000 : 100'000'000;
}

std::string OptionName(std::string_view listing_name, std::string_view size, std::string_view colour) {
  std::string name(listing_name);
  name += " (";
  name += size;
  if (!size.empty() && !colour.empty()) name += " / ";
  name += colour;
  name += ")";
  return name;
}

std::expected<CheckedListing, ListingProblem> CheckListingInput(const ListingInput& input, CatalogService& catalog) {
  CheckedListing checked;
  auto name = text::CleanTypedText(input.name, {.minimum = 1, .maximum = kMaxListingName, .multiline = false});
  if (!name) return Invalid("name");
  checked.name = std::move(*name);
  auto description =
      text::CleanTypedText(input.description, {.minimum = 0, .maximum = kMaxListingDescription, .multiline = true});
  if (!description) return Invalid("description");
  checked.description = std::move(*description);
  auto category = catalog.CategoryBySlug(input.category_slug);
  if (!category) return Invalid("category");
  checked.category = std::move(*category);

  checked.price = input.price;
  checked.stock = input.stock;
  if (input.variants.size() > kMaxListingVariants) return Invalid("variants");
  if (input.variants.empty()) {
    if (!PriceInRange(input.price)) return Invalid("price");
    if (input.stock < 0 || input.stock > kMaxListingStock) return Invalid("stock");
    return checked;
  }

  std::set<std::pair<std::string, std::string>> seen;
  std::set<core::ProductId> ids;
  for (std::size_t index = 0; index < input.variants.size(); ++index) {
    const VariantInput& variant = input.variants[index];
    const std::string prefix = "variants[" + std::to_string(index) + "].";
    VariantInput clean = variant;
    auto size = text::CleanTypedText(variant.size, {.minimum = 0, .maximum = kMaxOptionText, .multiline = false});
    if (!size) return Invalid(prefix + "size");
    auto colour = text::CleanTypedText(variant.colour, {.minimum = 0, .maximum = kMaxOptionText, .multiline = false});
    if (!colour) return Invalid(prefix + "colour");
    // An option is told apart by its size or colour; one with neither says nothing to the buyer.
    if (size->empty() && colour->empty()) return Invalid(prefix + "size");
    if (!seen.emplace(*size, *colour).second) return Invalid(prefix + "size");
    if (variant.id && !ids.insert(*variant.id).second) return Invalid(prefix + "id");
    // One listing, one currency: the listing's price is the lowest of its options'.
    if (variant.price.currency != input.price.currency) return Invalid(prefix + "price");
    if (!PriceInRange(variant.price)) return Invalid(prefix + "price");
    if (variant.stock < 0 || variant.stock > kMaxListingStock) return Invalid(prefix + "stock");
    clean.size = std::move(*size);
    clean.colour = std::move(*colour);
    checked.variants.push_back(std::move(clean));
  }
  return checked;
}

}  // namespace manmulsang::catalog
