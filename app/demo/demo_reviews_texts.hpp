#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "demo/demo_random.hpp"

namespace manmulsang::demo {

// Korean texts for the demo's reviews and questions, by the product's top category slug
// ("clothing") and the rating; an unknown category gets general texts. Pure: draws only.
std::string ReviewText(Random& random, std::string_view top_category, int rating);  // may be empty
std::string ReplyText(Random& random, int rating);
// A buyer's question and the shop's answer to it.
std::pair<std::string, std::string> QuestionAndAnswerText(Random& random, std::string_view top_category);

}  // namespace manmulsang::demo
