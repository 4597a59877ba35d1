#pragma once

#include <optional>
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
  std::string phone;  // digits only ("01012345678"); empty when the member gave none
  // Set while an admin has suspended the member: no sign-in, no session, no token.
  std::optional<core::TimePoint> suspended_at;
  std::string suspension_reason;  // the admin's words; empty when not suspended

  bool suspended() const { return suspended_at.has_value(); }
};

}  // namespace manmulsang::accounts
