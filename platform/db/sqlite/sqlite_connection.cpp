#include "sqlite/sqlite_connection.hpp"

#include <charconv>
#include <string>

namespace manmulsang::db {

namespace {

// Resets a statement when the call that used it ends, whatever way it ends.
class StatementReset {
 public:
  explicit StatementReset(sqlite3_stmt* statement) : statement_(statement) {}
  ~StatementReset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }

 private:
  sqlite3_stmt* statement_;
};

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, Mode mode) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr);
  if (code != SQLITE_OK) {
    const std::string message = handle_ ? sqlite3_errmsg(handle_) : sqlite3_errstr(code);
    sqlite3_close(handle_);
    handle_ = nullptr;
    throw DatabaseError("cannot open SQLite database " + path + ": " + message);
  }
  sqlite3_extended_result_codes(handle_, 1);
  // Readers and the writer may meet on a checkpoint or on another process (backup, migrate).
  sqlite3_busy_timeout(handle_, 5000);
  // A file that is not a database fails on the first pragma; the destructor does not run for a
  // constructor that throws, so the handle is closed here.
  try {
    ExecuteScript("PRAGMA foreign_keys = ON");
    if (mode == Mode::writer) {
      // WAL lets readers run beside the writer; synchronous FULL syncs every commit, so a
      // committed order survives a power cut, not just a crash of the process.
      ExecuteScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY");
    } else {
      ExecuteScript("PRAGMA query_only = ON; PRAGMA temp_store = MEMORY");
    }
  } catch (...) {
    sqlite3_close_v2(handle_);
    handle_ = nullptr;
    throw;
  }
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, prepared] : statements_) sqlite3_finalize(prepared.statement);
  sqlite3_close_v2(handle_);
}

void SqliteConnection::Fail(int code, std::string_view what) {
  std::string message = std::string(what) + ": " + sqlite3_errmsg(handle_);
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    throw UniqueViolation(message);
  }
  throw DatabaseError(message);
}

SqliteConnection::Prepared& SqliteConnection::Prepare(std::string_view sql) {
  auto found = statements_.find(std::string(sql));
  if (found != statements_.end()) return found->second;

  Prepared prepared;
  const int code = sqlite3_prepare_v3(handle_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &prepared.statement, nullptr);
  if (code != SQLITE_OK) Fail(code, "cannot prepare \"" + std::string(sql) + "\"");
  const int slots = sqlite3_bind_parameter_count(prepared.statement);
  for (int slot = 1; slot <= slots; ++slot) {
    const char* name = sqlite3_bind_parameter_name(prepared.statement, slot);
    int number = 0;
    if (name == nullptr || name[0] != '$' ||
        std::from_chars(name + 1, name + std::char_traits<char>::length(name), number).ec != std::errc() ||
        number < 1) {
      sqlite3_finalize(prepared.statement);
      throw DatabaseError("placeholders must be $1, $2, ...: " + std::string(sql));
    }
    prepared.parameter_for_slot.push_back(number - 1);
  }
  return statements_.emplace(std::string(sql), std::move(prepared)).first->second;
}

void SqliteConnection::Bind(Prepared& prepared, std::span<const Parameter> parameters) {
  sqlite3_stmt* statement = prepared.statement;
  for (std::size_t slot = 0; slot < prepared.parameter_for_slot.size(); ++slot) {
    const auto index = static_cast<std::size_t>(prepared.parameter_for_slot[slot]);
    if (index >= parameters.size()) {
      throw DatabaseError("missing parameter $" + std::to_string(index + 1) + " for " + sqlite3_sql(statement));
    }
    const int position = static_cast<int>(slot) + 1;
    const Parameter& parameter = parameters[index];
    int code = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(parameter)) {
      code = sqlite3_bind_null(statement, position);
    } else if (const auto* integer = std::get_if<std::int64_t>(&parameter)) {
      code = sqlite3_bind_int64(statement, position, *integer);
    } else if (const auto* real = std::get_if<double>(&parameter)) {
      code = sqlite3_bind_double(statement, position, *real);
    } else {
      const std::string_view text = std::get<std::string_view>(parameter);
      // An empty view may have no storage at all; SQLite would read a null pointer as NULL.
      const char* data = text.data() != nullptr ? text.data() : "";
      code = sqlite3_bind_text64(statement, position, data, text.size(), SQLITE_STATIC, SQLITE_UTF8);
    }
    if (code != SQLITE_OK) Fail(code, "cannot bind a parameter");
  }
}

Rows SqliteConnection::Query(std::string_view sql, std::span<const Parameter> parameters) {
  Prepared& prepared = Prepare(sql);
  StatementReset reset(prepared.statement);
  Bind(prepared, parameters);
  Rows rows;
  const int columns = sqlite3_column_count(prepared.statement);
  while (true) {
    const int code = sqlite3_step(prepared.statement);
    if (code == SQLITE_DONE) break;
    if (code != SQLITE_ROW) Fail(code, "query failed");
    std::vector<Row::Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column) {
      switch (sqlite3_column_type(prepared.statement, column)) {
        case SQLITE_INTEGER:
          values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(prepared.statement, column)));
          break;
        case SQLITE_FLOAT:
          values.emplace_back(sqlite3_column_double(prepared.statement, column));
          break;
        case SQLITE_NULL:
          values.emplace_back(nullptr);
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(prepared.statement, column));
          const int size = sqlite3_column_bytes(prepared.statement, column);
          values.emplace_back(std::string(text ? text : "", static_cast<std::size_t>(size)));
        }
      }
    }
    rows.emplace_back(std::move(values));
  }
  return rows;
}

std::int64_t SqliteConnection::Execute(std::string_view sql, std::span<const Parameter> parameters) {
  Prepared& prepared = Prepare(sql);
  StatementReset reset(prepared.statement);
  Bind(prepared, parameters);
  int code = SQLITE_ROW;
  while (code == SQLITE_ROW) code = sqlite3_step(prepared.statement);
  if (code != SQLITE_DONE) Fail(code, "statement failed");
  return sqlite3_changes64(handle_);
}

void SqliteConnection::ExecuteScript(std::string_view sql) {
  const std::string script(sql);
  char* error = nullptr;
  const int code = sqlite3_exec(handle_, script.c_str(), nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    const std::string message = error ? error : sqlite3_errstr(code);
    sqlite3_free(error);
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) throw UniqueViolation(message);
    throw DatabaseError("script failed: " + message);
  }
}

}  // namespace manmulsang::db
