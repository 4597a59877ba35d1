#include <string>
#include <string_view>

#include "manmulsang/text/csv.hpp"

namespace manmulsang::text {

std::string DefuseFormula(std::string_view field) {
  if (field.empty()) return {};
  switch (field.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\'':  // so that RestoreDefusedField gives it back whole
      return "'" + std::string(field);
    default:
      return std::string(field);
  }
}

std::string_view RestoreDefusedField(std::string_view field) {
  if (!field.empty() && field.front() == '\'') field.remove_prefix(1);
  return field;
}

void AppendCsvRecord(std::string& out, std::span<const std::string> fields) {
  bool first = true;
  for (const std::string& field : fields) {
    if (!first) out.push_back(',');
    first = false;
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      out.append(field);
      continue;
    }
    out.push_back('"');
    for (const char character : field) {
      if (character == '"') out.push_back('"');
      out.push_back(character);
    }
    out.push_back('"');
  }
  out.append("\r\n");
}

}  // namespace manmulsang::text
