#pragma once

// Small helpers for reading header values (media types, parameters, token lists), shared by the
// request, multipart, compression and CSRF code. Private to platform/http; free of <expected>
// because the fuzzers compile it with clang 14.

#include <cstddef>
#include <string>
#include <string_view>

namespace manmulsang::http {

inline char LowerAscii(char character) {
  return character >= 'A' && character <= 'Z' ? static_cast<char>(character - 'A' + 'a') : character;
}

inline bool EqualsIgnoringCase(std::string_view left, std::string_view right) {
  if (left.size() != right.size()) return false;
  for (std::size_t index = 0; index < left.size(); ++index) {
    if (LowerAscii(left[index]) != LowerAscii(right[index])) return false;
  }
  return true;
}

inline bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoringCase(text.substr(0, prefix.size()), prefix);
}

inline std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// "text/html; charset=utf-8" → "text/html"
inline std::string_view MediaType(std::string_view content_type) {
  return Trim(content_type.substr(0, content_type.find(';')));
}

// Calls visit(name, value) for each "; name=value" parameter after the first ';' of a header
// value; quoted values are unquoted (backslash escapes honoured).
template <typename Visitor>
void ForEachParameter(std::string_view header_value, Visitor&& visit) {
  std::size_t position = header_value.find(';');
  while (position != std::string_view::npos && position < header_value.size()) {
    ++position;  // past ';'
    while (position < header_value.size() && (header_value[position] == ' ' || header_value[position] == '\t')) {
      ++position;
    }
    const std::size_t name_start = position;
    while (position < header_value.size() && header_value[position] != '=' && header_value[position] != ';') {
      ++position;
    }
    const std::string_view name = Trim(header_value.substr(name_start, position - name_start));
    std::string value;
    if (position < header_value.size() && header_value[position] == '=') {
      ++position;
      if (position < header_value.size() && header_value[position] == '"') {
        ++position;
        while (position < header_value.size() && header_value[position] != '"') {
          if (header_value[position] == '\\' && position + 1 < header_value.size()) ++position;
          value.push_back(header_value[position]);
          ++position;
        }
        if (position < header_value.size()) ++position;  // closing quote
        position = header_value.find(';', position);
      } else {
        const std::size_t end = header_value.find(';', position);
        value = std::string(Trim(
            header_value.substr(position, end == std::string_view::npos ? std::string_view::npos : end - position)));
        position = end;
      }
    } else if (position >= header_value.size()) {
      position = std::string_view::npos;
    }
    if (!name.empty()) visit(name, std::move(value));
  }
}

}  // namespace manmulsang::http
