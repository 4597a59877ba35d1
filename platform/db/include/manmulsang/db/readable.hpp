#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/db/database.hpp"

namespace manmulsang::db {

// A value read from a row that the code cannot interpret (a status, method or currency it does not
// know) means a broken store, never a default: the request ends with a 500 and a log line naming
// the table's column and the value.
template <typename Value>
Value Readable(std::optional<Value> value, std::string_view column, std::string_view text) {
  if (!value) throw DatabaseError("unreadable " + std::string(column) + " '" + std::string(text) + "'");
  return *value;
}

}  // namespace manmulsang::db
