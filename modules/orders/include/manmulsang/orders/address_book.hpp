#pragma once

#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::orders {

using AddressId = core::Id<struct AddressTag>;

struct Address {
  AddressId id;
  core::UserId user;
  std::string recipient;  // 1..60 bytes
  std::string phone;      // digits, spaces, '-', '+', 3..30 bytes
  std::string line;       // the address itself: CleanAddressLine
  bool is_default = false;
};

struct NewAddress {
  std::string recipient;
  std::string phone;
  std::string line;
  bool make_default = false;
};

enum class AddressError {
  invalid_recipient,   // 400 (field "recipient")
  invalid_phone,       // 400 (field "phone")
  invalid_address,     // 400 (field "line")
  address_not_found,   // 404: also another member's address
  too_many_addresses,  // 400: kMaxAddresses
};

std::string_view ErrorCode(AddressError error);

inline constexpr std::size_t kMaxAddresses = 20;
inline constexpr std::size_t kMaxAddressLine = 400;  // bytes

// The one rule for an address as typed, in the address book and at checkout: trimmed, then
// 1..kMaxAddressLine bytes without control characters other than line breaks. invalid_address
// otherwise.
std::expected<std::string, AddressError> CleanAddressLine(std::string_view typed);

// What an order records as its delivery address: "recipient (phone)\nline". The order keeps this
// text, so editing the address book later changes no order.
std::string FormatAddress(const Address& address);

// A member's saved delivery addresses; checkout takes one by id (CheckoutCommand::address_id).
class AddressBook {
 public:
  AddressBook(db::Database& database, const core::Clock& clock);
  ~AddressBook();

  std::vector<Address> List(core::UserId user);  // the default first, then newest
  // The first address becomes the default whatever make_default says.
  std::expected<Address, AddressError> Add(core::UserId user, const NewAddress& address);
  std::expected<void, AddressError> Remove(core::UserId user, AddressId id);
  std::expected<void, AddressError> MakeDefault(core::UserId user, AddressId id);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manmulsang::orders
