#include "json_text.hpp"

#include <boost/json/serialize.hpp>

#include <charconv>
#include <cmath>

namespace manmulsang::http {
namespace {

void AppendDouble(double number, std::string& out) {
  if (!std::isfinite(number)) {
    out += "null";
    return;
  }
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
  if (error != std::errc()) {
    out += boost::json::serialize(boost::json::value(number));
    return;
  }
  const std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
  out += text;
  // 4.0 stays a fraction (4.0, not 4), so that a reader keeps it a floating-point number.
  if (text.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void Append(const boost::json::value& value, std::string& out) {
  switch (value.kind()) {
    case boost::json::kind::double_:
      AppendDouble(value.get_double(), out);
      return;
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& entry : value.get_object()) {
        if (!first) out += ',';
        first = false;
        out += boost::json::serialize(boost::json::string_view(entry.key()));
        out += ':';
        Append(entry.value(), out);
      }
      out += '}';
      return;
    }
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const boost::json::value& element : value.get_array()) {
        if (!first) out += ',';
        first = false;
        Append(element, out);
      }
      out += ']';
      return;
    }
    default:
      out += boost::json::serialize(value);
      return;  // strings, integers, booleans, null
  }
}

}  // namespace

std::string JsonText(const boost::json::value& value) {
  std::string out;
  Append(value, out);
  return out;
}

}  // namespace manmulsang::http
