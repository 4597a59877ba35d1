#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/orders/address_book.hpp"

namespace manmulsang::orders {

// The address book's SQL.
class AddressRepository {
 public:
  static std::vector<Address> List(db::Connection& connection, core::UserId user);
  static std::optional<Address> Find(db::Connection& connection, core::UserId user, AddressId id);
  static std::int64_t Count(db::Connection& connection, core::UserId user);
  static AddressId Insert(db::Connection& connection, core::UserId user, const NewAddress& address, bool is_default,
                          std::int64_t now);
  static bool Delete(db::Connection& connection, core::UserId user, AddressId id);
  // Makes id the only default of the user's addresses.
  static void SetDefault(db::Connection& connection, core::UserId user, AddressId id);
  // After the default was deleted: the newest address becomes the default.
  static void DefaultToNewest(db::Connection& connection, core::UserId user);
};

}  // namespace manmulsang::orders
