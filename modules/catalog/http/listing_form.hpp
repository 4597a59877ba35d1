#pragma once

// The listing form of the seller's pages as typed: read from the posted form or filled from a
// listing, and turned into the service's input. Kept as text, so a refused form shows back what
// was typed.

#include <cstddef>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/catalog/listings.hpp"
#include "manmulsang/http/form.hpp"

namespace manmulsang::catalog {

// Empty option rows the form offers below the typed ones (to add options without script).
inline constexpr std::size_t kEmptyVariantRows = 5;

// One option row of the form as typed.
struct VariantRow {
  std::string id, size, colour, price, stock;
  bool Empty() const { return id.empty() && size.empty() && colour.empty() && price.empty() && stock.empty(); }
};

// The form as typed.
struct ListingForm {
  std::string category, name, description, price, currency = "KPW", stock;
  std::vector<VariantRow> variants;  // non-empty rows only
};

// A count typed in a form: digits only (spaces around and thousands commas allowed).
std::optional<std::int64_t> ParseFormCount(std::string_view text);

// The posted form (option rows beyond what the form can hold are dropped).
ListingForm FormOf(const http::Form& form);
// A listing as its edit form shows it first.
ListingForm FormOf(const Product& product, CatalogService& catalog);

// The typed form as the service's input; a number that does not read names its field.
std::expected<ListingInput, ListingProblem> InputOfForm(const ListingForm& typed);

}  // namespace manmulsang::catalog
