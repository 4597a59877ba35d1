#pragma once

#include <cstdint>

#include "manmulsang/db/database.hpp"
#include "manmulsang/settings/settings.hpp"

namespace manmulsang::settings {

// All of this module's SQL. Functions take the connection of the caller's Read/Write so that the
// service decides the transaction boundaries.
class SettingsRepository {
 public:
  // The stored settings, or the defaults at version 0 while no admin has saved any.
  static StoredSettings Load(db::Connection& connection);
  static Masthead LoadMasthead(db::Connection& connection);
  // Writes values as version `version + 1` on the condition that the stored version is still
  // `version` (0: no row yet); false, and nothing written, when another change came first.
  static bool Save(db::Connection& connection, std::int64_t version, const Settings& values, core::UserId admin,
                   std::int64_t updated_at);
};

}  // namespace manmulsang::settings
