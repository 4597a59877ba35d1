#include "messages_http.hpp"

#include "embedded/messages_i18n.hpp"
#include "embedded/messages_templates.hpp"
#include "manmulsang/media/upload_messages.hpp"

namespace manmulsang::messages {

using Status = http::Status;

http::ApiProblem ProblemOf(MessageError error) {
  const std::string code(ErrorCode(error));
  switch (error) {
    case MessageError::invalid_body:
      return {Status::bad_request, code, "body"};
    case MessageError::too_many_photos:
      return {Status::bad_request, code, "photos"};
    case MessageError::invalid_reason:
      return {Status::bad_request, code, "reason"};
    case MessageError::invalid_target:
      return {Status::bad_request, code, "order_id"};
    case MessageError::own_shop:
    case MessageError::already_reported:
      return {Status::conflict, code, ""};
    case MessageError::forbidden:
      return {Status::forbidden, code, ""};
    case MessageError::shop_not_found:
      return {Status::not_found, code, "shop_id"};
    case MessageError::conversation_not_found:
    case MessageError::order_not_found:
    case MessageError::product_not_found:
    case MessageError::no_open_report:
      return {Status::not_found, code, ""};
  }
  return {Status::bad_request, code, ""};
}

http::Response MessagesHttp::Error(const http::Request& request, const http::ApiProblem& problem) const {
  return html::ApiError(renderer, request, problem, "messages.error." + problem.code);
}

std::optional<http::Response> MessagesHttp::RefuseAnonymous(const http::Request& request) const {
  if (request.context().actor.signed_in()) return std::nullopt;
  return Error(request, http::ApiProblem{Status::unauthorized, "unauthenticated", ""});
}

boost::json::object ConversationJson(const Conversation& conversation) {
  boost::json::object json{
      {"id", conversation.id.value},
      {"buyer", boost::json::object{{"id", conversation.buyer.value}, {"name", conversation.buyer_name}}},
      {"shop", boost::json::object{{"id", conversation.shop.value}, {"name", conversation.shop_name}}},
      {"order_id", nullptr},
      {"product_id", nullptr},
      {"subject", conversation.subject},
      {"created_at", core::FormatIso8601(conversation.created_at)},
      {"last_message_at", core::FormatIso8601(conversation.last_message_at)}};
  if (conversation.order) json["order_id"] = conversation.order->value;
  if (conversation.product) json["product_id"] = conversation.product->value;
  return json;
}

boost::json::object MessageJson(const Message& message) {
  boost::json::array photos;
  for (const MessagePhoto& photo : message.photos) {
    photos.push_back(boost::json::object{{"url", photo.url}, {"thumbnail_url", photo.thumbnail_url}});
  }
  return boost::json::object{{"id", message.id.value},
                             {"author_id", message.author.value},
                             {"from", message.from_shop ? "shop" : "buyer"},
                             {"body", message.body},
                             {"photos", std::move(photos)},
                             {"created_at", core::FormatIso8601(message.created_at)}};
}

boost::json::object ThreadJson(const Thread& thread) {
  boost::json::array messages;
  for (const Message& message : thread.messages) messages.push_back(MessageJson(message));
  std::string_view side = thread.side == Side::buyer ? "buyer" : thread.side == Side::shop ? "shop" : "admin";
  boost::json::object json{{"conversation", ConversationJson(thread.conversation)},
                           {"side", side},
                           {"messages", std::move(messages)},
                           {"reported", thread.side == Side::admin || thread.reported_by_viewer}};
  if (thread.side == Side::admin) {
    boost::json::array reports;
    for (const Thread::Report& report : thread.open_reports) {
      reports.push_back(boost::json::object{{"reporter_id", report.reporter.value},
                                            {"by", report.by_shop ? "shop" : "buyer"},
                                            {"reason", report.reason},
                                            {"created_at", core::FormatIso8601(report.created_at)}});
    }
    json["open_reports"] = std::move(reports);
  }
  return json;
}

void AddMessageRoutes(http::Router& router, html::Renderer& renderer, const MessageServices& services) {
  renderer.AddMessages(media::UploadMessages());
  renderer.AddMessages(embedded::messages_i18n());
  renderer.AddTemplates("messages", embedded::messages_templates());
  // The header's "쪽지 N" beside the bell: one indexed count per signed-in page.
  renderer.AddHeaderCounts(
      [&messages = services.messages](const core::Actor& actor, html::Renderer::HeaderCounts& counts) {
        if (!actor.signed_in()) return;
        counts.messages_linked = true;
        counts.unread_messages = messages.UnreadCount(*actor.user);
      });
  const MessagesHttp http{renderer, services};
  AddMessageApi(router, http);
  AddMessagePages(router, http);
  AddMessageAdminPages(router, http);
}

}  // namespace manmulsang::messages
