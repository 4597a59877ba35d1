#pragma once

#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/notifications/notifications.hpp"

namespace manmulsang::notifications {

// The member's notification centre over HTTP (every route signed in; pages send a visitor to the
// sign-in page, the API answers 401):
//   GET  /notifications?page=            the list, newest first, unread ones marked, 20 a page
//   POST /notifications/:id/read         marks it read and goes to its link (303)
//   POST /notifications/read-all         marks every one read, back to the list
//   GET|POST /account/notifications      which kinds the member gets (checkboxes, one form)
//   GET  /api/v1/notifications?page=&per_page=   {items: [{id, kind, subject, text, link, created_at,
//        read}], total, unread, page, per_page}; 400 invalid_paging naming the parameter
//   POST /api/v1/notifications/{id}/read → the notification; 404 not_found (another member's too)
//   POST /api/v1/notifications/read-all  → {marked, unread: 0}
//   GET|PUT /api/v1/notifications/preferences  {preferences: {<kind>: bool, ...}}; PUT sets the
//        kinds it names (400 invalid_preference naming an unknown kind or a non-boolean)
// The text is rendered here from kind and subject in the reader's language. Also registers the
// templates ("notifications/*") and messages (t.notifications.*).
void AddNotificationRoutes(http::Router& router, html::Renderer& renderer, NotificationService& notifications);

}  // namespace manmulsang::notifications
