#include "manmulsang/http/multipart.hpp"

#include <algorithm>
#include <cctype>

#include "header_values.hpp"

namespace manmulsang::http {
namespace {

constexpr std::string_view kLineEnd = "\r\n";

// Reads the parameters of a Content-Disposition value: form-data; name="a"; filename="b.png".
void ReadDisposition(std::string_view value, MultipartPart& part) {
  ForEachParameter(value, [&](std::string_view name, std::string value_text) {
    if (EqualsIgnoringCase(name, "name")) {
      part.name = std::move(value_text);
    } else if (EqualsIgnoringCase(name, "filename")) {
      part.file_name = std::move(value_text);
      part.is_file = true;
    }
  });
}

}  // namespace

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  if (!EqualsIgnoringCase(MediaType(content_type), "multipart/form-data")) return std::nullopt;
  std::optional<std::string> boundary;
  ForEachParameter(content_type, [&](std::string_view name, std::string value) {
    if (EqualsIgnoringCase(name, "boundary")) boundary = std::move(value);
  });
  if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  return boundary;
}

std::optional<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary) {
  if (boundary.empty()) return std::nullopt;
  const std::string delimiter = "--" + std::string(boundary);
  const std::string next_delimiter = "\r\n" + delimiter;

  // The first delimiter opens the body or follows a preamble line.
  std::size_t position;
  if (body.substr(0, delimiter.size()) == delimiter) {
    position = delimiter.size();
  } else {
    const std::size_t found = body.find(next_delimiter);
    if (found == std::string_view::npos) return std::nullopt;
    position = found + next_delimiter.size();
  }

  std::vector<MultipartPart> parts;
  while (true) {
    std::string_view rest = body.substr(position);
    if (rest.substr(0, 2) == "--") return parts;  // the closing delimiter; an epilogue is ignored
    // Transport padding after a delimiter is allowed before its line end.
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    if (rest.substr(0, 2) != kLineEnd) return std::nullopt;
    rest.remove_prefix(2);
    if (parts.size() >= kMaxMultipartParts) return std::nullopt;

    MultipartPart part;
    // Header lines until the empty line.
    while (true) {
      const std::size_t line_end = rest.find(kLineEnd);
      if (line_end == std::string_view::npos) return std::nullopt;
      const std::string_view line = rest.substr(0, line_end);
      rest.remove_prefix(line_end + 2);
      if (line.empty()) break;
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      const std::string_view name = Trim(line.substr(0, colon));
      const std::string_view value = Trim(line.substr(colon + 1));
      if (EqualsIgnoringCase(name, "content-disposition")) {
        ReadDisposition(value, part);
      } else if (EqualsIgnoringCase(name, "content-type")) {
        part.content_type = std::string(value);
      }
    }

    const std::size_t data_end = rest.find(next_delimiter);
    if (data_end == std::string_view::npos) return std::nullopt;
    part.data = rest.substr(0, data_end);
    position = static_cast<std::size_t>(rest.data() - body.data()) + data_end + next_delimiter.size();
    parts.push_back(std::move(part));
  }
}

}  // namespace manmulsang::http
