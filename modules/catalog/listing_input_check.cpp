#include "listing_input_check.hpp"

#include <set>
#include <utility>

#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::catalog {
namespace {

std::unexpected<ListingProblem> Invalid(std::string field) {
  return std::unexpected(ListingProblem{ListingError::invalid_field, std::move(field)});
}

// The text in NFC and trimmed, or nullopt when it is broken UTF-8, holds a control character or
// is longer than max_code_points (or empty when required).
std::optional<std::string> CleanText(std::string_view raw, std::size_t max_code_points, bool required,
                                     bool allow_line_breaks) {
  if (!text::IsValidUtf8(raw)) return std::nullopt;
  // Long input is refused before the work of normalising it.
  if (raw.size() > max_code_points * 4 + 64) return std::nullopt;
  // A description may hold line breaks and tabs.
  if (text::HasControlCharacter(raw, allow_line_breaks ? U"\n\r\t" : U"")) return std::nullopt;
  std::string clean = text::Trim(text::NormalizeNfc(raw));
  const std::size_t length = text::CodePointCount(clean);
  if (length > max_code_points || (required && length == 0)) return std::nullopt;
  return clean;
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
  auto name = CleanText(input.name, kMaxListingName, true, false);
  if (!name) return Invalid("name");
  checked.name = std::move(*name);
  auto description = CleanText(input.description, kMaxListingDescription, false, true);
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
    auto size = CleanText(variant.size, kMaxOptionText, false, false);
    if (!size) return Invalid(prefix + "size");
    auto colour = CleanText(variant.colour, kMaxOptionText, false, false);
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
