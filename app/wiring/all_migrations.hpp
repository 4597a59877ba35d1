#pragma once

#include <span>

#include "manmulsang/db/database.hpp"

namespace manmulsang::app {

// Every module's migrations, in dependency order: a module's tables may refer only to those of
// the modules before it. Each module embeds its files for both dialects ("sqlite/…",
// "postgres/…") and Database::Migrate applies those of the store's own dialect, so this one list
// serves every store. The server, `migrate`, the demo, the tests and the benches all migrate
// with it; a new module adds its line here and nowhere else.
std::span<const db::Database::ModuleMigrations> AllMigrations();

}  // namespace manmulsang::app
