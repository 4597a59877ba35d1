#pragma once

#include <string>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/ids.hpp"

namespace manmulsang::accounts {

struct User {
  core::UserId id;
  std::string email;  // normalised: trimmed, NFC, lower-case
  std::string name;
  core::Role role = core::Role::buyer;
  core::TimePoint created_at;
};

}  // namespace manmulsang::accounts
