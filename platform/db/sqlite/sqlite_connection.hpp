#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "manmulsang/db/database.hpp"

namespace manmulsang::db {

class SqliteConnection final : public Connection {
 public:
  enum class Mode { writer, reader };

  SqliteConnection(const std::string& path, Mode mode);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::sqlite; }
  Rows Query(std::string_view sql, std::span<const Parameter> parameters) override;
  std::int64_t Execute(std::string_view sql, std::span<const Parameter> parameters) override;
  void ExecuteScript(std::string_view sql) override;
  // False once SQLite has ended the transaction (COMMIT, ROLLBACK, or its own rollback after
  // an I/O error or a full disk).
  bool InTransaction() const { return sqlite3_get_autocommit(handle_) == 0; }
  using Connection::Execute;
  using Connection::Query;

 private:
  struct Prepared {
    sqlite3_stmt* statement = nullptr;
    // For each SQLite parameter slot (1-based position - 1): which $N it is (0-based index).
    std::vector<int> parameter_for_slot;
  };

  Prepared& Prepare(std::string_view sql);
  void Bind(Prepared& prepared, std::span<const Parameter> parameters);
  [[noreturn]] void Fail(int code, std::string_view what);

  sqlite3* handle_ = nullptr;
  std::unordered_map<std::string, Prepared> statements_;
};

}  // namespace manmulsang::db
