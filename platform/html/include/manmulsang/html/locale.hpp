#pragma once

#include <optional>
#include <string_view>

#include "manmulsang/core/context.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::html {

// The cookie that remembers a visitor's explicit language choice.
inline constexpr std::string_view kLocaleCookie = "mm_lang";

// Chooses request.context().locale, first match wins:
//   1. ?lang=ko|en — an explicit choice, remembered in the mm_lang cookie for a year;
//   2. the mm_lang cookie;
//   3. Accept-Language: whichever of ko / en has the higher q (the earlier one on a tie);
//   4. ko.
// A response that sets the cookie is marked not cacheable.
http::Middleware LocaleSelection();

// The preferred of our locales in an Accept-Language header ("en-US,en;q=0.9,ko;q=0.8" → en);
// nullopt when it names neither.
std::optional<core::Locale> PreferredLocale(std::string_view accept_language);

}  // namespace manmulsang::html
