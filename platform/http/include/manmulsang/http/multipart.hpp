#pragma once

// Free of <expected> on purpose: the fuzzers compile this with clang 14 (see form.hpp).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manmulsang::http {

// One part of a multipart/form-data body. data points into the request body, so an uploaded
// image is never copied before the code that stores it decides to keep it.
struct MultipartPart {
  std::string name;
  std::string file_name;     // as the browser sent it; never use it as a path
  std::string content_type;  // of the part; empty when not given
  std::string_view data;
  bool is_file = false;  // the part had a filename parameter (even an empty one)
};

// More parts than this make the body malformed: no real form has them, and each costs memory.
inline constexpr std::size_t kMaxMultipartParts = 1000;

// The boundary parameter of a "multipart/form-data; boundary=..." content type; nullopt for any
// other type or an unusable boundary (empty, longer than 70 characters as RFC 2046 allows).
std::optional<std::string> MultipartBoundary(std::string_view content_type);
// Splits a body into its parts; nullopt when the body is not well-formed multipart (missing
// final delimiter, part without headers, too many parts), which handlers answer with 400.
std::optional<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary);

}  // namespace manmulsang::http
