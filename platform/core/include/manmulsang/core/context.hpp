#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/core/ids.hpp"

namespace manmulsang::core {

enum class Role { buyer, seller, admin };

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

enum class Locale { ko, en };

std::string_view LocaleCode(Locale locale);  // "ko", "en"
std::optional<Locale> ParseLocale(std::string_view code);

// Who is making the request. An anonymous visitor has no user.
struct Actor {
  std::optional<UserId> user;
  Role role = Role::buyer;
  std::string display_name;

  bool signed_in() const { return user.has_value(); }
  bool is(Role wanted) const { return signed_in() && role == wanted; }
};

// What every service call knows about the request it serves.
struct Context {
  Actor actor;
  Locale locale = Locale::ko;
  std::string request_id;
};

}  // namespace manmulsang::core
