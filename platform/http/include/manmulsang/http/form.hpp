#pragma once

// Deliberately free of <expected> and of anything that includes it: the fuzzers compile this
// file with clang 14, whose concepts support is too old for libstdc++'s std::expected.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace manmulsang::http {

// Decoded name/value pairs of a query string or an application/x-www-form-urlencoded body.
// Malformed percent escapes are kept literally rather than rejected: a form is only text, and a
// stray '%' typed by a person must not turn a whole form into an error. Values are raw decoded
// bytes (possibly invalid UTF-8); the code that turns them into a typed command validates them.
class Form {
 public:
  // More fields than this are dropped: no real form comes close, and lookups are linear.
  static constexpr std::size_t kMaxFields = 10000;

  static Form Parse(std::string_view encoded);

  std::optional<std::string_view> Get(std::string_view name) const;
  std::string_view GetOr(std::string_view name, std::string_view fallback = {}) const;
  std::vector<std::string_view> GetAll(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
  bool empty() const { return fields_.empty(); }

  // For parsers of other encodings (multipart text fields) that present themselves as a Form.
  void Add(std::string name, std::string value);

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Percent-coding is written here rather than taken from Boost.URL: the form decoder must be
// lenient (a library decoder rejects what a person types), the path decoder must refuse NUL, and
// the three functions are small, tested and fuzzed (fuzz/form_fuzzer.cpp).
//
// Lenient decoding for form and query text: "%zz" and a lone "%" stay as they are.
std::string PercentDecode(std::string_view text, bool plus_is_space);
// Strict decoding for request paths: nullopt for a malformed escape or a NUL byte (raw or
// encoded), which the server answers with 400 rather than guessing what was meant.
std::optional<std::string> DecodePath(std::string_view text);
// Escapes everything except RFC 3986 unreserved characters; for building query values.
std::string PercentEncode(std::string_view text);

}  // namespace manmulsang::http
