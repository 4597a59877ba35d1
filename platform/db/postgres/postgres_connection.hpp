#pragma once

#include <libpq-fe.h>

#include <string>
#include <string_view>
#include <unordered_map>

#include "manmulsang/db/database.hpp"

namespace manmulsang::db {

// PostgreSQL said the transaction cannot be serialized with the others (40001) or chose it as
// a deadlock victim (40P01): nothing of it was kept, and running the whole unit of work again
// is the documented answer. PostgresDatabase::Submit does that.
class SerializationFailure : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// One libpq connection. Statements are prepared on first use and kept by their SQL text;
// parameters go as text with their types (bigint, double precision, or left for the server
// to infer from the statement), results come back as text and are decoded by column type:
// integers, booleans (0/1) and integral NUMERIC (SUM over BIGINT) as integers, floats and
// fractional NUMERIC as doubles, everything else as text.
class PostgresConnection final : public Connection {
 public:
  // Throws ConnectionLost when the server cannot be reached.
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::postgres; }
  Rows Query(std::string_view sql, std::span<const Parameter> parameters) override;
  std::int64_t Execute(std::string_view sql, std::span<const Parameter> parameters) override;
  void ExecuteScript(std::string_view sql) override;
  void Notify(std::string_view channel, std::string_view payload) override;
  bool TryTransactionLock(std::int64_t key) override;
  using Connection::Execute;
  using Connection::Query;

  // False once the connection to the server is gone; the pool then discards it.
  bool IsUsable() const;
  PGconn* handle() { return handle_; }

 private:
  PGresult* Run(std::string_view sql, std::span<const Parameter> parameters);
  const std::string& Prepare(std::string_view sql, std::span<const Parameter> parameters);
  // Throws the exception that fits result's SQLSTATE (or the broken connection), freeing it.
  [[noreturn]] void Fail(PGresult* result, std::string_view what);

  PGconn* handle_ = nullptr;
  bool broken_ = false;  // a failure showed the connection is gone, whatever libpq's status says
  std::unordered_map<std::string, std::string> statement_names_;
};

}  // namespace manmulsang::db
