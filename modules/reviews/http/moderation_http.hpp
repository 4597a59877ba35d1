#pragma once

#include <expected>
#include <optional>
#include <string_view>

#include "reviews_http.hpp"

// The admin's report queues of reviews and questions, shared by their API and pages; private to
// reviews/http.
namespace manmulsang::reviews {

enum class Subject { review, question };
enum class ModerationAction { hide, restore, dismiss };

// "hide", "restore", "dismiss": the last part of the action's path.
std::string_view ModerationActionName(ModerationAction action);

// ?status=open|all, ?page=, ?per_page=; nullopt for a bad value.
std::optional<ReportQueueFilter> ParseReportQueueFilter(const http::Request& request);

// Runs the action through the service and, when it changed what shows, forgets the product's
// cached page.
std::expected<void, ReviewError> RunModeration(const ReviewsHttp& http, const core::Actor& actor, Subject subject,
                                               std::int64_t id, ModerationAction action, std::string_view reason);

// JSON: GET /api/v1/admin/reports/reviews and /questions (?status=open|all&page=&per_page=),
// POST /api/v1/admin/reports/{reviews,questions}/:id/{hide,restore,dismiss} {"reason"}.
void AddModerationApi(http::Router& router, const ReviewsHttp& http);
// HTML: GET /admin/reports/reviews and /admin/reports/questions, and their POST forms
// /admin/reports/{reviews,questions}/:id/{hide,restore,dismiss}.
void AddModerationPages(http::Router& router, const ReviewsHttp& http);

}  // namespace manmulsang::reviews
