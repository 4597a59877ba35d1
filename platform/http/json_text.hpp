#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace manmulsang::http {

// The JSON text of value, as boost::json::serialize writes it except for numbers with a
// fraction: those are written in their shortest round-trip form (4.5, 0.1, 4.0, 1e+21) instead of
// Boost.JSON 1.81's scientific form for every double (4.5E0, 0E0), which API clients parse but
// people reading the API stumble over. A non-finite double, which JSON cannot hold, is null.
std::string JsonText(const boost::json::value& value);

}  // namespace manmulsang::http
