// The messages API: the member's conversations, starting one about an order or a product, the
// thread, replies and reports; the shop's inbox; the admin's reported conversations.

#include "manmulsang/http/json_fields.hpp"
#include "messages_http.hpp"

namespace manmulsang::messages {
namespace {

constexpr http::RouteOptions kTextBody{.body_limit = 32 * 1024, .json_body = true, .no_store = true};
constexpr http::RouteOptions kPrivate{.no_store = true};
constexpr http::RouteOptions kAdminRead{.role = core::Role::admin, .no_store = true};
constexpr http::RouteOptions kAdminBody{
    .body_limit = 16 * 1024, .role = core::Role::admin, .json_body = true, .no_store = true};

http::Response PageJson(const ConversationPage& page) {
  boost::json::array items;
  for (const ConversationSummary& summary : page.items) {
    boost::json::object item = ConversationJson(summary.conversation);
    item["unread"] = summary.unread;
    item["last_message"] =
        boost::json::object{{"body", summary.last_body}, {"from", summary.last_from_shop ? "shop" : "buyer"}};
    items.push_back(std::move(item));
  }
  return http::Response::Json(boost::json::object{
      {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"per_page", page.per_page}});
}

http::Response PostedJson(const Posted& posted) {
  return http::Response::Json(boost::json::object{{"conversation", ConversationJson(posted.conversation)},
                                                  {"message", MessageJson(posted.message)}},
                              http::Status::created);
}

std::optional<ConversationId> IdOf(const http::Request& request) {
  auto id = http::ParsePositiveId(request.PathParam("id"));
  if (!id) return std::nullopt;
  return ConversationId{*id};
}

http::Response List(const MessagesHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return std::move(*refused);
  auto page = http::ParseListPage(request);
  if (!page) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
  auto conversations = http.services.messages.BuyerConversations(request.context().actor, page->page, page->per_page);
  if (!conversations) return http.Error(request, conversations.error());
  return PageJson(*conversations);
}

http::Response ShopInbox(const MessagesHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return std::move(*refused);
  std::optional<core::SellerId> shop;
  if (auto text = request.Query("shop_id")) {
    auto id = http::ParsePositiveId(*text);
    if (!id) return http.Error(request, MessageError::shop_not_found);
    shop = core::SellerId{*id};
  }
  auto page = http::ParseListPage(request);
  if (!page) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
  auto conversations =
      http.services.messages.ShopConversations(request.context().actor, shop, page->page, page->per_page);
  if (!conversations) return http.Error(request, conversations.error());
  return PageJson(*conversations);
}

http::Response Start(const MessagesHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return std::move(*refused);
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto order = http::OptionalInt64Field(*body, "order_id", {"invalid_target"});
  if (!order) return http.Error(request, order.error());
  auto product = http::OptionalInt64Field(*body, "product_id", {"invalid_target"});
  if (!product) return http.Error(request, product.error());
  auto text = http::StringField(*body, "body", {"invalid_body"});
  if (!text) return http.Error(request, text.error());
  StartTarget target;
  if (*order) target.order = core::OrderId{**order};
  if (*product) target.product = core::ProductId{**product};
  auto posted = http.services.messages.Start(request.context().actor, target, NewMessage{std::string(*text), {}});
  if (!posted) return http.Error(request, posted.error());
  return PostedJson(*posted);
}

http::Response Show(const MessagesHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return std::move(*refused);
  auto id = IdOf(request);
  if (!id) return http.Error(request, MessageError::conversation_not_found);
  auto thread = http.services.messages.Open(request.context().actor, *id);
  if (!thread) return http.Error(request, thread.error());
  return http::Response::Json(ThreadJson(*thread));
}

http::Response Reply(const MessagesHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return std::move(*refused);
  auto id = IdOf(request);
  if (!id) return http.Error(request, MessageError::conversation_not_found);
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto text = http::StringField(*body, "body", {"invalid_body"});
  if (!text) return http.Error(request, text.error());
  auto posted = http.services.messages.Reply(request.context().actor, *id, NewMessage{std::string(*text), {}});
  if (!posted) return http.Error(request, posted.error());
  return PostedJson(*posted);
}

http::Response Report(const MessagesHttp& http, http::Request& request) {
  if (auto refused = http.RefuseAnonymous(request)) return std::move(*refused);
  auto id = IdOf(request);
  if (!id) return http.Error(request, MessageError::conversation_not_found);
  auto body = http::ParseJsonObject(request);
  if (!body) return http.Error(request, body.error());
  auto reason = http::StringField(*body, "reason", {"invalid_reason"});
  if (!reason) return http.Error(request, reason.error());
  auto reported = http.services.messages.Report(request.context().actor, *id, *reason);
  if (!reported) return http.Error(request, reported.error());
  return http::Response::Json(boost::json::object{{"conversation_id", id->value}, {"reported", true}},
                              http::Status::created);
}

http::Response ReportQueue(const MessagesHttp& http, http::Request& request) {
  auto page = http::ParseListPage(request);
  if (!page) return http.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
  auto queue = http.services.messages.ReportQueue(request.context().actor, page->page, page->per_page);
  if (!queue) return http.Error(request, queue.error());
  boost::json::array items;
  for (const ReportedConversation& item : queue->items) {
    boost::json::object json = ConversationJson(item.conversation);
    json["open_reports"] = item.open_reports;
    json["reason"] = item.first_reason;
    json["reported_at"] = core::FormatIso8601(item.reported_at);
    items.push_back(std::move(json));
  }
  return http::Response::Json(boost::json::object{
      {"items", std::move(items)}, {"total", queue->total}, {"page", queue->page}, {"per_page", queue->per_page}});
}

http::Response ReportedThread(const MessagesHttp& http, http::Request& request) {
  auto id = IdOf(request);
  if (!id) return http.Error(request, MessageError::conversation_not_found);
  auto thread = http.services.messages.ReportedThread(request.context().actor, *id);
  // Nothing of a conversation no party reported, not even whether it exists.
  if (!thread && thread.error() == MessageError::no_open_report) {
    return http::Response::Json(boost::json::object{{"conversation_id", id->value}, {"reported", false}});
  }
  if (!thread) return http.Error(request, thread.error());
  return http::Response::Json(ThreadJson(*thread));
}

http::Response Dismiss(const MessagesHttp& http, http::Request& request) {
  auto id = IdOf(request);
  if (!id) return http.Error(request, MessageError::conversation_not_found);
  std::string reason;
  if (!request.body().empty()) {
    auto body = http::ParseJsonObject(request);
    if (!body) return http.Error(request, body.error());
    auto text = http::OptionalStringField(*body, "reason", {"invalid_reason"});
    if (!text) return http.Error(request, text.error());
    reason = std::string(text->value_or(""));
  }
  auto dismissed = http.services.messages.DismissReports(request.context().actor, *id, reason);
  if (!dismissed) return http.Error(request, dismissed.error());
  return http::Response::Json(boost::json::object{{"conversation_id", id->value}, {"dismissed", true}});
}

}  // namespace

void AddMessageApi(http::Router& router, const MessagesHttp& http) {
  router.Get(
      "/api/v1/messages", [http](http::Request& request) { return List(http, request); }, kPrivate);
  router.Post(
      "/api/v1/messages", [http](http::Request& request) { return Start(http, request); }, kTextBody);
  router.Get(
      "/api/v1/messages/:id", [http](http::Request& request) { return Show(http, request); }, kPrivate);
  router.Post(
      "/api/v1/messages/:id", [http](http::Request& request) { return Reply(http, request); }, kTextBody);
  router.Post(
      "/api/v1/messages/:id/report", [http](http::Request& request) { return Report(http, request); }, kTextBody);
  router.Get(
      "/api/v1/seller/messages", [http](http::Request& request) { return ShopInbox(http, request); }, kPrivate);
  router.Get(
      "/api/v1/admin/messages/reports", [http](http::Request& request) { return ReportQueue(http, request); },
      kAdminRead);
  router.Get(
      "/api/v1/admin/messages/reports/:id", [http](http::Request& request) { return ReportedThread(http, request); },
      kAdminRead);
  router.Post(
      "/api/v1/admin/messages/reports/:id/dismiss", [http](http::Request& request) { return Dismiss(http, request); },
      kAdminBody);
}

}  // namespace manmulsang::messages
