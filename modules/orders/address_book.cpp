#include "manmulsang/orders/address_book.hpp"

#include <algorithm>

#include "address_repository.hpp"
#include "manmulsang/text/characters.hpp"

namespace manmulsang::orders {
namespace {

std::optional<AddressError> Check(const NewAddress& address) {
  if (address.recipient.empty() || address.recipient.size() > 60 || text::HasControlCharacter(address.recipient)) {
    return AddressError::invalid_recipient;
  }
  const bool phone_characters = std::ranges::all_of(address.phone, [](char character) {
    return (character >= '0' && character <= '9') || character == ' ' || character == '-' || character == '+';
  });
  const auto digits =
      std::ranges::count_if(address.phone, [](char character) { return character >= '0' && character <= '9'; });
  if (address.phone.size() > 30 || !phone_characters || digits < 3) return AddressError::invalid_phone;
  return std::nullopt;
}

}  // namespace

std::string_view ErrorCode(AddressError error) {
  switch (error) {
    case AddressError::invalid_recipient:
      return "invalid_recipient";
    case AddressError::invalid_phone:
      return "invalid_phone";
    case AddressError::invalid_address:
      return "invalid_address";
    case AddressError::address_not_found:
      return "address_not_found";
    case AddressError::too_many_addresses:
      return "too_many_addresses";
  }
  return "address_error";
}

std::expected<std::string, AddressError> CleanAddressLine(std::string_view typed) {
  std::string line(text::TrimAscii(typed));
  if (line.empty() || line.size() > kMaxAddressLine || text::HasControlCharacter(line, U"\n")) {
    return std::unexpected(AddressError::invalid_address);
  }
  return line;
}

std::string FormatAddress(const Address& address) {
  return address.recipient + " (" + address.phone + ")\n" + address.line;
}

struct AddressBook::Impl {
  db::Database& database;
  const core::Clock& clock;
};

AddressBook::AddressBook(db::Database& database, const core::Clock& clock)
    : impl_(std::make_unique<Impl>(database, clock)) {}

AddressBook::~AddressBook() = default;

std::vector<Address> AddressBook::List(core::UserId user) {
  return impl_->database.Read([&](db::Connection& connection) { return AddressRepository::List(connection, user); });
}

std::expected<Address, AddressError> AddressBook::Add(core::UserId user, const NewAddress& typed) {
  NewAddress address{std::string(text::TrimAscii(typed.recipient)), std::string(text::TrimAscii(typed.phone)), "",
                     typed.make_default};
  if (auto problem = Check(address)) return std::unexpected(*problem);
  auto line = CleanAddressLine(typed.line);
  if (!line) return std::unexpected(line.error());
  address.line = std::move(*line);
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Address, AddressError> {
    const std::int64_t count = AddressRepository::Count(connection, user);
    if (count >= static_cast<std::int64_t>(kMaxAddresses)) return std::unexpected(AddressError::too_many_addresses);
    const bool is_default = address.make_default || count == 0;
    const AddressId id =
        AddressRepository::Insert(connection, user, address, false, core::ToUnixSeconds(impl_->clock.Now()));
    if (is_default) AddressRepository::SetDefault(connection, user, id);
    return *AddressRepository::Find(connection, user, id);
  });
}

std::expected<void, AddressError> AddressBook::Remove(core::UserId user, AddressId id) {
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, AddressError> {
    if (!AddressRepository::Delete(connection, user, id)) return std::unexpected(AddressError::address_not_found);
    AddressRepository::DefaultToNewest(connection, user);
    return {};
  });
}

std::expected<void, AddressError> AddressBook::MakeDefault(core::UserId user, AddressId id) {
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, AddressError> {
    if (!AddressRepository::Find(connection, user, id)) return std::unexpected(AddressError::address_not_found);
    AddressRepository::SetDefault(connection, user, id);
    return {};
  });
}

}  // namespace manmulsang::orders
