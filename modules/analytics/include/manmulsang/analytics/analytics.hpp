#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/db/database.hpp"

namespace manmulsang::analytics {

struct VisitStats {
  std::int64_t visits_total = 0;
  std::int64_t visits_today = 0;
  std::int64_t page_views_today = 0;
};

// Visits counted like web analytics sessions: a visitor cookie, and 30 idle minutes start a new
// visit. Counts gather in memory and are added to the per-day table every few seconds, so
// counting never puts a write on the request path.
class AnalyticsService {
 public:
  AnalyticsService(db::Database& database, const core::Clock& clock);
  ~AnalyticsService();  // flushes

  void RecordPageView(bool starts_visit);
  VisitStats Stats();
  void Flush();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::analytics
