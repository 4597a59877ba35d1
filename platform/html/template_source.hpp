#pragma once

#include <map>
#include <string>
#include <string_view>

namespace manmulsang::html {

// source with every {{> name}} replaced by the source of the template called name (itself with
// its partials inlined), so that a page is parsed once at start-up instead of parsing each
// partial every time it is rendered, as kainjow does. A partial not in sources becomes nothing;
// partials nested deeper than a few levels (a recursive partial) throw std::runtime_error.
// Custom delimiters ({{=<% %>=}}) are not understood here: our templates do not use them.
std::string InlinePartials(std::string_view name, std::string_view source,
                           const std::map<std::string, std::string, std::less<>>& sources);

}  // namespace manmulsang::html
