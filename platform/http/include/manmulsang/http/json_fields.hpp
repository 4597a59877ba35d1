#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "manmulsang/http/api_problem.hpp"

namespace manmulsang::http {

// How a field that is absent or of the wrong type is refused: 400 with `code`, naming `field`
// (the name read, when left empty; a nested reader names the path, "variants[2].stock").
struct FieldProblem {
  std::string_view code = "invalid_input";
  std::string_view field = {};
};

// Typed readers of a JSON object's fields. A required field that is absent, null or of another
// type is the problem; an optional one is nullopt when absent and the problem when present with
// another type (null included: a client that sends null meant something, and it is not a value).
// Integers are whole JSON numbers that fit int64: "3", 1.5, 1e300 and 2^63 are all refused.
std::expected<std::int64_t, ApiProblem> Int64Field(const boost::json::object& body, std::string_view name,
                                                   FieldProblem problem = {});
std::expected<std::string_view, ApiProblem> StringField(const boost::json::object& body, std::string_view name,
                                                        FieldProblem problem = {});
std::expected<bool, ApiProblem> BoolField(const boost::json::object& body, std::string_view name,
                                          FieldProblem problem = {});

std::expected<std::optional<std::int64_t>, ApiProblem> OptionalInt64Field(const boost::json::object& body,
                                                                          std::string_view name,
                                                                          FieldProblem problem = {});
std::expected<std::optional<std::string_view>, ApiProblem> OptionalStringField(const boost::json::object& body,
                                                                               std::string_view name,
                                                                               FieldProblem problem = {});
std::expected<std::optional<bool>, ApiProblem> OptionalBoolField(const boost::json::object& body, std::string_view name,
                                                                 FieldProblem problem = {});

// A PATCH's fields, read over what the resource holds: target takes the field's value when it is
// present and keeps its own when the field is absent. A field of another type (null included) is
// the problem, as for the optional readers, and leaves target as it was.
std::expected<void, ApiProblem> PatchInt64Field(const boost::json::object& body, std::string_view name,
                                                std::int64_t& target, FieldProblem problem = {});
std::expected<void, ApiProblem> PatchStringField(const boost::json::object& body, std::string_view name,
                                                 std::string& target, FieldProblem problem = {});

}  // namespace manmulsang::http
