#include "manmulsang/html/locale.hpp"

#include <cctype>
#include <charconv>
#include <string>

#include "manmulsang/text/characters.hpp"

namespace manmulsang::html {
namespace {

constexpr long kOneYearSeconds = 365L * 24 * 60 * 60;

bool EqualsIgnoringCase(std::string_view left, std::string_view right) {
  if (left.size() != right.size()) return false;
  for (std::size_t i = 0; i < left.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(left[i])) != std::tolower(static_cast<unsigned char>(right[i]))) {
      return false;
    }
  }
  return true;
}

std::optional<core::Locale> LocaleOfTag(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
  if (EqualsIgnoringCase(primary, "ko")) return core::Locale::ko;
  if (EqualsIgnoringCase(primary, "en")) return core::Locale::en;
  return std::nullopt;
}

// "q=0.8" → 800; a malformed weight counts as 1 (RFC 9110 default) rather than failing the header.
int Weight(std::string_view parameters) {
  int weight = 1000;
  while (!parameters.empty()) {
    const std::size_t separator = parameters.find(';');
    const std::string_view parameter = text::TrimAscii(parameters.substr(0, separator));
    parameters = separator == std::string_view::npos ? std::string_view{} : parameters.substr(separator + 1);
    if (parameter.size() < 2 || (parameter[0] != 'q' && parameter[0] != 'Q') || parameter[1] != '=') continue;
    const std::string_view value = parameter.substr(2);
    double q = 1.0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), q);
    if (error == std::errc{} && end == value.data() + value.size() && q >= 0.0 && q <= 1.0) {
      weight = static_cast<int>(q * 1000.0 + 0.5);
    }
  }
  return weight;
}

}  // namespace

std::optional<core::Locale> PreferredLocale(std::string_view accept_language) {
  std::optional<core::Locale> best;
  int best_weight = 0;
  while (!accept_language.empty()) {
    const std::size_t comma = accept_language.find(',');
    const std::string_view item = accept_language.substr(0, comma);
    accept_language = comma == std::string_view::npos ? std::string_view{} : accept_language.substr(comma + 1);

    const std::size_t semicolon = item.find(';');
    const std::string_view tag = text::TrimAscii(item.substr(0, semicolon));
    const int weight = semicolon == std::string_view::npos ? 1000 : Weight(item.substr(semicolon + 1));
    const std::optional<core::Locale> locale = LocaleOfTag(tag);
    // q=0 means "not acceptable"; strictly greater keeps the earlier of equal weights.
    if (locale && weight > best_weight) {
      best = locale;
      best_weight = weight;
    }
  }
  return best;
}

http::Middleware LocaleSelection() {
  return [](http::Request& request, const http::Handler& next) {
    std::optional<core::Locale> locale;
    bool chosen_now = false;
    if (const auto lang = request.Query("lang")) {
      locale = core::ParseLocale(*lang);
      chosen_now = locale.has_value();
    }
    const std::optional<std::string_view> cookie = request.Cookie(kLocaleCookie);
    if (!locale && cookie) locale = core::ParseLocale(*cookie);
    if (!locale) locale = PreferredLocale(request.Header("Accept-Language"));
    request.context().locale = locale.value_or(core::Locale::ko);

    http::Response response = next(request);
    const std::string_view code = core::LocaleCode(request.context().locale);
    if (chosen_now && cookie != code) {
      http::CookieOptions options;
      options.max_age_seconds = kOneYearSeconds;
      response.SetCookie(kLocaleCookie, code, options);
      // A page cache must not hand this Set-Cookie to other visitors.
      response.cacheable = false;
    }
    return response;
  };
}

}  // namespace manmulsang::html
