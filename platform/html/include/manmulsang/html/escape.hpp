#pragma once

#include <string>
#include <string_view>

namespace manmulsang::html {

// Escapes & < > " ' so that text is safe between tags and inside quoted attribute values. The
// same set the templates' {{value}} escapes; for the rare code that builds HTML by hand.
std::string EscapeHtml(std::string_view text);
void AppendEscapedHtml(std::string& out, std::string_view text);

}  // namespace manmulsang::html
