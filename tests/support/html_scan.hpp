#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manmulsang::testing {

// Small, forgiving scans of server-rendered HTML: enough for black-box tests to find a form's
// hidden fields and the URLs a page points at, without a full HTML parser.

// The value of the first <input> whose name attribute is `name` (entities decoded).
std::optional<std::string> FindInputValue(std::string_view html, std::string_view name);

// Every value of a src, href, action, srcset, formaction or poster attribute, in order.
std::vector<std::string> FindUrlAttributes(std::string_view html);

// Every href that starts with `prefix` ("/p/", "/c/"), in order, duplicates removed.
std::vector<std::string> FindLinks(std::string_view html, std::string_view prefix);

// True if a URL leaves this server: a scheme (http:, https:, ftp:, ...) or a protocol-relative
// "//host". Fragments, relative and root-relative paths, data: and mailto: stay.
bool PointsToAnotherHost(std::string_view url);

std::string DecodeEntities(std::string_view text);

}  // namespace manmulsang::testing
