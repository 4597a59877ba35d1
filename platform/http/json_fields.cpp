#include "manmulsang/http/json_fields.hpp"

#include <string>

namespace manmulsang::http {
namespace {

std::unexpected<ApiProblem> Refuse(std::string_view name, FieldProblem problem) {
  return std::unexpected(ApiProblem{Status::bad_request, std::string(problem.code),
                                    std::string(problem.field.empty() ? name : problem.field)});
}

// Reads one present value; nullopt when it is not of the type.
std::optional<std::int64_t> AsInt64(const boost::json::value& value) {
  if (value.is_int64()) return value.as_int64();
  return std::nullopt;  // uint64 is past int64; doubles are not whole counts of anything we take
}
std::optional<std::string_view> AsString(const boost::json::value& value) {
  if (!value.is_string()) return std::nullopt;
  const boost::json::string& text = value.as_string();
  return std::string_view(text.data(), text.size());
}
std::optional<bool> AsBool(const boost::json::value& value) {
  if (value.is_bool()) return value.as_bool();
  return std::nullopt;
}

template <typename Read>
auto Optional(const boost::json::object& body, std::string_view name, FieldProblem problem, Read read)
    -> std::expected<decltype(read(std::declval<const boost::json::value&>())), ApiProblem> {
  const boost::json::value* value = body.if_contains(name);
  if (value == nullptr) return std::nullopt;
  auto typed = read(*value);
  if (!typed) return Refuse(name, problem);
  return typed;
}

template <typename Read>
auto Required(const boost::json::object& body, std::string_view name, FieldProblem problem, Read read)
    -> std::expected<typename decltype(read(std::declval<const boost::json::value&>()))::value_type, ApiProblem> {
  auto present = Optional(body, name, problem, read);
  if (!present) return std::unexpected(present.error());
  if (!*present) return Refuse(name, problem);
  return **present;
}

}  // namespace

std::expected<std::int64_t, ApiProblem> Int64Field(const boost::json::object& body, std::string_view name,
                                                   FieldProblem problem) {
  return Required(body, name, problem, AsInt64);
}
std::expected<std::string_view, ApiProblem> StringField(const boost::json::object& body, std::string_view name,
                                                        FieldProblem problem) {
  return Required(body, name, problem, AsString);
}
std::expected<bool, ApiProblem> BoolField(const boost::json::object& body, std::string_view name,
                                          FieldProblem problem) {
  return Required(body, name, problem, AsBool);
}
std::expected<std::optional<std::int64_t>, ApiProblem> OptionalInt64Field(const boost::json::object& body,
                                                                          std::string_view name, FieldProblem problem) {
  return Optional(body, name, problem, AsInt64);
}
std::expected<std::optional<std::string_view>, ApiProblem> OptionalStringField(const boost::json::object& body,
                                                                               std::string_view name,
                                                                               FieldProblem problem) {
  return Optional(body, name, problem, AsString);
}
std::expected<std::optional<bool>, ApiProblem> OptionalBoolField(const boost::json::object& body, std::string_view name,
                                                                 FieldProblem problem) {
  return Optional(body, name, problem, AsBool);
}

std::expected<void, ApiProblem> PatchInt64Field(const boost::json::object& body, std::string_view name,
                                                std::int64_t& target, FieldProblem problem) {
  auto read = Optional(body, name, problem, AsInt64);
  if (!read) return std::unexpected(read.error());
  if (*read) target = **read;
  return {};
}
std::expected<void, ApiProblem> PatchStringField(const boost::json::object& body, std::string_view name,
                                                 std::string& target, FieldProblem problem) {
  auto read = Optional(body, name, problem, AsString);
  if (!read) return std::unexpected(read.error());
  if (*read) target.assign(**read);
  return {};
}

}  // namespace manmulsang::http
