#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/db/database.hpp"

namespace manmulsang::catalog {

// A page of a composed listing statement.
inline constexpr std::string_view kLimit = " LIMIT $?";
inline constexpr std::string_view kOffset = " OFFSET $?";

// A statement under construction from the repositories' named fragments: SQL text plus the
// parameters its placeholders refer to. Listings filter and sort in many combinations, and ids
// come in lists of any length, so their statements are composed rather than written out.
class Statement {
 public:
  explicit Statement(std::string_view start) : sql_(start) {}

  Statement& Append(std::string_view fragment) {
    sql_ += fragment;
    return *this;
  }
  // Appends fragment, whose "$?" is replaced by the placeholder bound to value.
  Statement& Append(std::string_view fragment, db::Parameter value) {
    std::size_t marker = fragment.find("$?");
    sql_ += fragment.substr(0, marker);
    AppendPlaceholder(value);
    sql_ += fragment.substr(marker + 2);
    return *this;
  }
  Statement& AppendPlaceholder(db::Parameter value) {
    parameters_.push_back(value);
    sql_ += "$" + std::to_string(parameters_.size());
    return *this;
  }
  // "a IN ($n, ...)" for many ids: callers pass the opening fragment and close it.
  template <typename Id>
  Statement& AppendIdList(std::span<const Id> ids) {
    for (std::size_t index = 0; index < ids.size(); ++index) {
      if (index > 0) sql_ += ", ";
      AppendPlaceholder(ids[index].value);
    }
    return *this;
  }

  const std::string& sql() const { return sql_; }
  std::span<const db::Parameter> parameters() const { return parameters_; }

 private:
  std::string sql_;
  std::vector<db::Parameter> parameters_;
};

}  // namespace manmulsang::catalog
