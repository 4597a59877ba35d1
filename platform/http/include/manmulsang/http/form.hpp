#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace manmulsang::http {

// Decoded name/value pairs of a query string or an application/x-www-form-urlencoded body.
// Malformed percent escapes are kept literally rather than rejected: a form is only text.
class Form {
 public:
  static Form Parse(std::string_view encoded);

  std::optional<std::string_view> Get(std::string_view name) const;
  std::string_view GetOr(std::string_view name, std::string_view fallback = {}) const;
  std::vector<std::string_view> GetAll(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

std::string PercentDecode(std::string_view text, bool plus_is_space);
std::string PercentEncode(std::string_view text);  // for query values

}  // namespace manmulsang::http
