#include "postgres/postgres_connection.hpp"

#include <charconv>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace manmulsang::db {

namespace {

// Type OIDs from PostgreSQL's catalog (pg_type.dat); they are fixed for built-in types.
constexpr Oid kBoolean = 16;
constexpr Oid kBigint = 20;
constexpr Oid kSmallint = 21;
constexpr Oid kInteger = 23;
constexpr Oid kObjectId = 26;
constexpr Oid kTransactionId = 28;
constexpr Oid kReal = 700;
constexpr Oid kDoublePrecision = 701;
constexpr Oid kNumeric = 1700;
constexpr Oid kFullTransactionId = 5069;
// Left for the server to infer from where the placeholder stands.
constexpr Oid kUnknown = 0;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultDeleter>;

std::string SqlState(const PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return state ? state : "";
}

Row::Value Decode(const PGresult* result, int row, int column) {
  if (PQgetisnull(result, row, column)) return nullptr;
  const char* text = PQgetvalue(result, row, column);
  const auto size = static_cast<std::size_t>(PQgetlength(result, row, column));
  const std::string_view value(text, size);
  switch (PQftype(result, column)) {
    case kBoolean:
      return std::int64_t{value == "t" ? 1 : 0};
    case kBigint:
    case kSmallint:
    case kInteger:
    case kObjectId:
    case kTransactionId:
    case kFullTransactionId:
    case kNumeric: {
      std::int64_t integer = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), integer);
      if (error == std::errc() && end == value.data() + value.size()) return integer;
      // A fractional or huge NUMERIC (an average, a ratio): as a double.
      return std::strtod(std::string(value).c_str(), nullptr);
    }
    case kReal:
    case kDoublePrecision:
      return std::strtod(std::string(value).c_str(), nullptr);
    default:
      return std::string(value);
  }
}

std::string ParameterText(const Parameter& parameter) {
  if (const auto* integer = std::get_if<std::int64_t>(&parameter)) return std::to_string(*integer);
  if (const auto* real = std::get_if<double>(&parameter)) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *real);
    return std::string(buffer, end);
  }
  return std::string(std::get<std::string_view>(parameter));
}

Oid ParameterType(const Parameter& parameter) {
  if (std::holds_alternative<std::int64_t>(parameter)) return kBigint;
  if (std::holds_alternative<double>(parameter)) return kDoublePrecision;
  return kUnknown;
}

}  // namespace

PostgresConnection::PostgresConnection(const std::string& url) {
  handle_ = PQconnectdb(url.c_str());
  if (handle_ == nullptr || PQstatus(handle_) != CONNECTION_OK) {
    const std::string message = handle_ ? PQerrorMessage(handle_) : "out of memory";
    PQfinish(handle_);
    handle_ = nullptr;
    throw ConnectionLost("cannot connect to PostgreSQL: " + message);
  }
  // Notices (e.g. "relation already exists, skipping") are not errors; keep them out of stderr.
  PQsetNoticeProcessor(
      handle_, [](void*, const char*) {}, nullptr);
}

PostgresConnection::~PostgresConnection() { PQfinish(handle_); }

bool PostgresConnection::IsUsable() const {
  return !broken_ && handle_ != nullptr && PQstatus(handle_) == CONNECTION_OK;
}

void PostgresConnection::Fail(PGresult* result, std::string_view what) {
  const std::string state = SqlState(result);
  const char* detail = result != nullptr ? PQresultErrorMessage(result) : "";
  if (detail == nullptr || *detail == '\0') detail = PQerrorMessage(handle_);
  std::string message = std::string(what) + ": " + detail;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  PQclear(result);
  // Class 08 (connection exception), 57P0x (the server is shutting down or restarting), and
  // errors without a SQLSTATE, which libpq raises itself ("server closed the connection
  // unexpectedly"), sometimes with the connection still marked as good.
  if (PQstatus(handle_) != CONNECTION_OK || state.empty() || state.starts_with("08") || state == "57P01" ||
      state == "57P02" || state == "57P03") {
    broken_ = true;
    throw ConnectionLost(message);
  }
  if (state == "23505") throw UniqueViolation(message);
  if (state == "40001" || state == "40P01") throw SerializationFailure(message);
  throw DatabaseError(message + (state.empty() ? "" : " [" + state + "]"));
}

const std::string& PostgresConnection::Prepare(std::string_view sql, std::span<const Parameter> parameters) {
  auto found = statement_names_.find(std::string(sql));
  if (found != statement_names_.end()) return found->second;
  std::string name = "s" + std::to_string(statement_names_.size() + 1);
  // Types come from the first call; a later NULL or text for the same placeholder still fits.
  std::vector<Oid> types;
  types.reserve(parameters.size());
  for (const Parameter& parameter : parameters) types.push_back(ParameterType(parameter));
  const std::string text(sql);
  PGresult* result = PQprepare(handle_, name.c_str(), text.c_str(), static_cast<int>(types.size()),
                               types.empty() ? nullptr : types.data());
  if (PQresultStatus(result) != PGRES_COMMAND_OK) Fail(result, "cannot prepare \"" + text + "\"");
  PQclear(result);
  return statement_names_.emplace(text, std::move(name)).first->second;
}

PGresult* PostgresConnection::Run(std::string_view sql, std::span<const Parameter> parameters) {
  const std::string& name = Prepare(sql, parameters);
  std::vector<std::string> texts;
  texts.reserve(parameters.size());
  std::vector<const char*> values;
  values.reserve(parameters.size());
  for (const Parameter& parameter : parameters) {
    if (std::holds_alternative<std::nullptr_t>(parameter)) {
      texts.emplace_back();
      values.push_back(nullptr);
    } else {
      texts.push_back(ParameterText(parameter));
      values.push_back(texts.back().c_str());
    }
  }
  // texts never reallocates after reserve, so the pointers into it stay valid.
  PGresult* result = PQexecPrepared(handle_, name.c_str(), static_cast<int>(values.size()),
                                    values.empty() ? nullptr : values.data(), nullptr, nullptr, 0);
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) Fail(result, "statement failed");
  return result;
}

Rows PostgresConnection::Query(std::string_view sql, std::span<const Parameter> parameters) {
  ResultHandle result(Run(sql, parameters));
  const int row_count = PQntuples(result.get());
  const int column_count = PQnfields(result.get());
  Rows rows;
  rows.reserve(static_cast<std::size_t>(row_count));
  for (int row = 0; row < row_count; ++row) {
    std::vector<Row::Value> values;
    values.reserve(static_cast<std::size_t>(column_count));
    for (int column = 0; column < column_count; ++column) values.push_back(Decode(result.get(), row, column));
    rows.emplace_back(std::move(values));
  }
  return rows;
}

std::int64_t PostgresConnection::Execute(std::string_view sql, std::span<const Parameter> parameters) {
  ResultHandle result(Run(sql, parameters));
  const char* changed = PQcmdTuples(result.get());
  return changed && *changed ? std::strtoll(changed, nullptr, 10) : 0;
}

void PostgresConnection::ExecuteScript(std::string_view sql) {
  const std::string script(sql);
  PGresult* result = PQexec(handle_, script.c_str());
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    Fail(result, "script failed");
  }
  PQclear(result);
}

void PostgresConnection::Notify(std::string_view channel, std::string_view payload) {
  Query("SELECT pg_notify($1, $2)", {channel, payload});
}

bool PostgresConnection::TryTransactionLock(std::int64_t key) {
  return QueryOne("SELECT pg_try_advisory_xact_lock($1)", {key})->Int(0) == 1;
}

}  // namespace manmulsang::db
