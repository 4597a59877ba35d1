#pragma once

#include <chrono>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::app {

// With read replicas, a member who has just written must read what they wrote, though a
// replica may lag a moment behind the primary. A request that may write (any method but GET
// and HEAD) reads from the primary, and its answer carries a cookie that sends the same
// browser's reads to the primary for kWindow more; other requests read from the replicas.
// The cookie names only a time: a forged one merely reads from the primary.
class ReadYourWrites {
 public:
  static constexpr std::chrono::seconds kWindow{10};
  static constexpr std::string_view kCookie = "mms_primary_until";

  static http::Middleware Middleware(const core::Clock& clock);
};

}  // namespace manmulsang::app
