#include "manmulsang/core/context.hpp"

namespace manmulsang::core {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::buyer:
      return "buyer";
    case Role::seller:
      return "seller";
    case Role::admin:
      return "admin";
  }
  return "buyer";
}

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "buyer") return Role::buyer;
  if (name == "seller") return Role::seller;
  if (name == "admin") return Role::admin;
  return std::nullopt;
}

std::string_view LocaleCode(Locale locale) { return locale == Locale::en ? "en" : "ko"; }

std::optional<Locale> ParseLocale(std::string_view code) {
  if (code == "ko") return Locale::ko;
  if (code == "en") return Locale::en;
  return std::nullopt;
}

}  // namespace manmulsang::core
