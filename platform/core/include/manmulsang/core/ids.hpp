#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace manmulsang::core {

// A database id that knows what it identifies, so a ProductId can never be passed as a UserId.
template <typename Tag>
struct Id {
  std::int64_t value = 0;

  constexpr auto operator<=>(const Id&) const = default;
  constexpr explicit operator bool() const { return value > 0; }
};

using UserId = Id<struct UserTag>;
using SellerId = Id<struct SellerTag>;
using CategoryId = Id<struct CategoryTag>;
using ProductId = Id<struct ProductTag>;
using OrderId = Id<struct OrderTag>;

}  // namespace manmulsang::core

template <typename Tag>
struct std::hash<manmulsang::core::Id<Tag>> {
  std::size_t operator()(const manmulsang::core::Id<Tag>& id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
