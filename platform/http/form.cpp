#include "manmulsang/http/form.hpp"

#include <algorithm>

namespace manmulsang::http {
namespace {

int HexValue(char character) {
  if (character >= '0' && character <= '9') return character - '0';
  if (character >= 'a' && character <= 'f') return character - 'a' + 10;
  if (character >= 'A' && character <= 'F') return character - 'A' + 10;
  return -1;
}

}  // namespace

std::string PercentDecode(std::string_view text, bool plus_is_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t index = 0; index < text.size(); ++index) {
    const char character = text[index];
    if (character == '%' && index + 2 < text.size()) {
      const int high = HexValue(text[index + 1]);
      const int low = HexValue(text[index + 2]);
      if (high >= 0 && low >= 0) {
        decoded.push_back(static_cast<char>(high * 16 + low));
        index += 2;
        continue;
      }
    }
    decoded.push_back(plus_is_space && character == '+' ? ' ' : character);
  }
  return decoded;
}

std::optional<std::string> DecodePath(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t index = 0; index < text.size(); ++index) {
    char character = text[index];
    if (character == '%') {
      if (index + 2 >= text.size()) return std::nullopt;
      const int high = HexValue(text[index + 1]);
      const int low = HexValue(text[index + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      character = static_cast<char>(high * 16 + low);
      index += 2;
    }
    if (character == '\0') return std::nullopt;
    decoded.push_back(character);
  }
  return decoded;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(text.size());
  for (const char character : text) {
    const auto byte = static_cast<unsigned char>(character);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' || byte == '~';
    if (unreserved) {
      encoded.push_back(character);
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[byte >> 4]);
      encoded.push_back(kHex[byte & 0x0f]);
    }
  }
  return encoded;
}

Form Form::Parse(std::string_view encoded) {
  Form form;
  while (!encoded.empty() && form.fields_.size() < kMaxFields) {
    const std::size_t end = encoded.find('&');
    const std::string_view pair = encoded.substr(0, end);
    encoded = end == std::string_view::npos ? std::string_view{} : encoded.substr(end + 1);
    if (pair.empty()) continue;
    const std::size_t equals = pair.find('=');
    const std::string_view name = pair.substr(0, equals);
    const std::string_view value = equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1);
    form.fields_.emplace_back(PercentDecode(name, true), PercentDecode(value, true));
  }
  return form;
}

std::optional<std::string_view> Form::Get(std::string_view name) const {
  const auto found =
      std::find_if(fields_.begin(), fields_.end(), [&](const auto& field) { return field.first == name; });
  if (found == fields_.end()) return std::nullopt;
  return std::string_view(found->second);
}

std::string_view Form::GetOr(std::string_view name, std::string_view fallback) const {
  return Get(name).value_or(fallback);
}

std::vector<std::string_view> Form::GetAll(std::string_view name) const {
  std::vector<std::string_view> values;
  for (const auto& [field_name, value] : fields_) {
    if (field_name == name) values.emplace_back(value);
  }
  return values;
}

void Form::Add(std::string name, std::string value) {
  if (fields_.size() < kMaxFields) fields_.emplace_back(std::move(name), std::move(value));
}

}  // namespace manmulsang::http
