#pragma once

#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/router.hpp"
#include "manmulsang/media/media_library.hpp"
#include "manmulsang/messages/messages.hpp"

namespace manmulsang::messages {

struct MessageServices {
  MessageService& messages;
  // Message photos: checked, resized and stored before the rows that name them.
  const media::MediaLibrary& media;
};

// JSON (errors {"error": {code, message, field}}, lists {items, total, page, per_page}); every
// route needs a signed-in member (401), and a conversation of others answers 404:
//   GET  /api/v1/messages?page=&per_page=          the actor's conversations as a buyer, with unread counts
//   POST /api/v1/messages {order_id | product_id, body}   → 201 {conversation, message}; the same
//        conversation again for the same order, or product and buyer
//   GET  /api/v1/messages/:id                      the thread (marks it read for the viewer)
//   POST /api/v1/messages/:id {body}               → 201 the reply, from the buyer or the shop
//   POST /api/v1/messages/:id/report {reason}      → 201; once per party (409 already_reported)
//   GET  /api/v1/seller/messages?shop_id=&page=&per_page=   the shop's inbox
//   GET  /api/v1/admin/messages/reports?page=&per_page=, GET /api/v1/admin/messages/reports/:id
//        (audited), POST /api/v1/admin/messages/reports/:id/dismiss {reason?}   admins only
// HTML (no JavaScript; forms carry _csrf; multipart with up to 5 files `photos`):
//   GET /messages, GET /messages/new?order_id=|product_id= (or the existing conversation),
//   POST /messages (start), GET|POST /messages/:id, POST /messages/:id/report,
//   GET /seller/messages, GET|POST /seller/messages/:id (the shop's side),
//   GET /admin/messages/reports, GET /admin/messages/reports/:id, POST .../:id/dismiss (admins).
// Also registers the templates ("messages/*") and messages (t.messages.*) with renderer.
void AddMessageRoutes(http::Router& router, html::Renderer& renderer, const MessageServices& services);

}  // namespace manmulsang::messages
