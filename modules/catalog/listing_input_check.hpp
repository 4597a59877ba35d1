#pragma once

#include <expected>
#include <string>
#include <vector>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/catalog/listings.hpp"

// The checks of a listing as a seller writes it, apart from the service that stores it.
// Private to catalog.
namespace manmulsang::catalog {

inline constexpr std::size_t kMaxListingName = 200;          // code points
inline constexpr std::size_t kMaxListingDescription = 5000;  // code points
inline constexpr std::size_t kMaxOptionText = 40;            // code points, size and colour
inline constexpr std::int64_t kMaxListingStock = 1'000'000;

// A listing input once checked: texts in NFC and trimmed, the category resolved.
struct CheckedListing {
  Category category;
  std::string name;
  std::string description;
  core::Money price;
  std::int64_t stock = 0;
  std::vector<VariantInput> variants;  // sizes and colours cleaned like the name
};

// The first problem of input, naming its field ("variants[2].size"), or the cleaned listing.
// The category may be any category of the tree (a top one too: goods that fit no subcategory).
std::expected<CheckedListing, ListingProblem> CheckListingInput(const ListingInput& input, CatalogService& catalog);

// The highest price a listing may ask, in minor units of currency: 1,000,000,000 won, or
// 1,000,000.00 dollars or yuan. Larger figures are typing mistakes.
std::int64_t MaxListingPrice(core::Currency currency);

// "노트북 가방 (L / 검정)": what an option is called on order lines.
std::string OptionName(std::string_view listing_name, std::string_view size, std::string_view colour);

}  // namespace manmulsang::catalog
