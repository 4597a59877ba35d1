// The member's and the shop's message pages: /messages (my conversations), /messages/new (write
// to a shop about an order or a product), /messages/:id (the thread and the reply form), and the
// seller center's inbox /seller/messages. No JavaScript; forms carry _csrf and are multipart for
// photos. Every page is private to its reader: no_store.

#include "manmulsang/core/local_time.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "manmulsang/http/form.hpp"
#include "manmulsang/media/image_upload.hpp"
#include "messages_http.hpp"

namespace manmulsang::messages {
namespace {

constexpr http::RouteOptions kFormBody{.body_limit = 16 * 1024, .no_store = true};
constexpr http::RouteOptions kPrivate{.no_store = true};

html::List PhotoList(const std::vector<MessagePhoto>& photos) {
  html::List list;
  for (const MessagePhoto& photo : photos) {
    html::Data item;
    item.set("url", photo.url);
    item.set("thumbnail_url", photo.thumbnail_url);
    list.push_back(item);
  }
  return list;
}

// The reader's side decides the paths: the shop works from the seller center.
std::string ThreadPath(Side side, ConversationId id) {
  return (side == Side::shop ? "/seller/messages/" : "/messages/") + std::to_string(id.value);
}

class MessagePages {
 public:
  explicit MessagePages(const MessagesHttp& http) : http_(http) {}

  http::Response BuyerInbox(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/messages");
    auto page = http::ParseListPage(request).value_or(http::ListPage{});
    auto conversations = http_.services.messages.BuyerConversations(request.context().actor, page.page, page.per_page);
    if (!conversations) return http_.renderer.NotFound(request);
    // A shop's owner reaches the shop's inbox from here too: the header's count adds both.
    const std::optional<std::int64_t> shop_unread =
        http_.services.messages.ShopUnreadCount(*request.context().actor.user);
    return RenderInbox(request, *conversations, Side::buyer, "/messages", shop_unread);
  }

  http::Response ShopInbox(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/seller/messages");
    std::optional<core::SellerId> shop;
    if (auto text = request.Query("shop_id")) {
      auto id = http::ParsePositiveId(*text);
      if (!id) return http_.renderer.NotFound(request);
      shop = core::SellerId{*id};
    }
    auto page = http::ParseListPage(request).value_or(http::ListPage{});
    auto conversations =
        http_.services.messages.ShopConversations(request.context().actor, shop, page.page, page.per_page);
    if (!conversations) return http_.renderer.NotFound(request);
    return RenderInbox(request, *conversations, Side::shop, "/seller/messages", std::nullopt);
  }

  http::Response NewForm(http::Request& request) const {
    auto target = TargetOf(request.Query("order_id").value_or(""), request.Query("product_id").value_or(""));
    if (!target) return http_.renderer.NotFound(request);
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.target());
    auto preview = http_.services.messages.PreviewStart(request.context().actor, *target);
    if (!preview) return Refused(request, preview.error());
    if (preview->existing) return http::Response::Redirect(ThreadPath(Side::buyer, *preview->existing));
    return RenderNew(request, *target, *preview, "", http::Status::ok);
  }

  http::Response Start(http::Request& request) const {
    if (!request.context().actor.signed_in()) return http::SignInRedirect("/messages");
    const http::Form& form = request.form();
    auto target = TargetOf(form.GetOr("order_id"), form.GetOr("product_id"));
    if (!target) return http_.renderer.NotFound(request);
    // The start is checked first, so a refused one stores no photo; then the photos' files are
    // stored before the message's row names them (a refused picture refuses the message).
    auto preview = http_.services.messages.PreviewStart(request.context().actor, *target);
    if (!preview) return Refused(request, preview.error());
    auto photos = StorePhotos(request);
    if (!photos) {
      return RenderNew(request, *target, *preview, http_.Text(request, media::UploadMessageKey(photos.error().code)),
                       photos.error().status, std::string(form.GetOr("body")));
    }
    auto posted = http_.services.messages.Start(request.context().actor, *target,
                                                NewMessage{std::string(form.GetOr("body")), std::move(*photos)});
    if (!posted) {
      const http::ApiProblem problem = ProblemOf(posted.error());
      if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
      return RenderNew(request, *target, *preview, http_.Text(request, "messages.error." + problem.code),
                       problem.status, std::string(form.GetOr("body")));
    }
    return http::Response::Redirect(ThreadPath(Side::buyer, posted->conversation.id) + "#message-" +
                                    std::to_string(posted->message.id.value));
  }

  http::Response Show(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.target());
    auto thread = http_.services.messages.Open(request.context().actor, ConversationId{*id});
    if (!thread) return http_.renderer.NotFound(request);
    std::string_view notice = request.Query("reported") ? "messages.reported" : "";
    return RenderThread(request, *thread, notice, "", http::Status::ok);
  }

  http::Response Reply(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.target());
    const core::Actor& actor = request.context().actor;
    auto conversation = http_.services.messages.Find(actor, ConversationId{*id});
    if (!conversation) return http_.renderer.NotFound(request);
    auto photos = StorePhotos(request);
    std::expected<Posted, MessageError> posted = std::unexpected(MessageError::conversation_not_found);
    std::string message;
    http::Status status = http::Status::ok;
    if (!photos) {
      message = http_.Text(request, media::UploadMessageKey(photos.error().code));
      status = photos.error().status;
    } else {
      posted = http_.services.messages.Reply(actor, ConversationId{*id},
                                             NewMessage{std::string(request.form().GetOr("body")), std::move(*photos)});
      if (posted) {
        const Side side = posted->message.from_shop ? Side::shop : Side::buyer;
        return http::Response::Redirect(ThreadPath(side, posted->conversation.id) + "#message-" +
                                        std::to_string(posted->message.id.value));
      }
      const http::ApiProblem problem = ProblemOf(posted.error());
      if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
      message = http_.Text(request, "messages.error." + problem.code);
      status = problem.status;
    }
    // Re-rendered with the refusal and what was typed.
    auto thread = http_.services.messages.Open(actor, ConversationId{*id});
    if (!thread) return http_.renderer.NotFound(request);
    return RenderThread(request, *thread, "", message, status, std::string(request.form().GetOr("body")));
  }

  http::Response Report(http::Request& request) const {
    auto id = http::ParsePositiveId(request.PathParam("id"));
    if (!id) return http_.renderer.NotFound(request);
    if (!request.context().actor.signed_in()) return http::SignInRedirect(request.Header("Referer"));
    const core::Actor& actor = request.context().actor;
    auto reported = http_.services.messages.Report(actor, ConversationId{*id}, request.form().GetOr("reason"));
    if (!reported) {
      const http::ApiProblem problem = ProblemOf(reported.error());
      if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
      auto thread = http_.services.messages.Open(actor, ConversationId{*id});
      if (!thread) return http_.renderer.NotFound(request);
      return RenderThread(request, *thread, "", http_.Text(request, "messages.error." + problem.code), problem.status);
    }
    auto conversation = http_.services.messages.Find(actor, ConversationId{*id});
    const Side side = conversation && conversation->buyer == *actor.user ? Side::buyer : Side::shop;
    return http::Response::Redirect(ThreadPath(side, ConversationId{*id}) + "?reported=1");
  }

 private:
  static std::optional<StartTarget> TargetOf(std::string_view order, std::string_view product) {
    StartTarget target;
    if (!order.empty()) {
      auto id = http::ParsePositiveId(order);
      if (!id) return std::nullopt;
      target.order = core::OrderId{*id};
    }
    if (!product.empty()) {
      auto id = http::ParsePositiveId(product);
      if (!id) return std::nullopt;
      target.product = core::ProductId{*id};
    }
    if (target.order.has_value() == target.product.has_value()) return std::nullopt;
    return target;
  }

  std::expected<std::vector<MessagePhoto>, http::ApiProblem> StorePhotos(const http::Request& request) const {
    auto stored = media::StoreOptionalUploadedImages(request, "photos", kMaxMessagePhotos, http_.services.media);
    if (!stored) return std::unexpected(stored.error());
    std::vector<MessagePhoto> photos;
    for (const media::StoredImage& image : *stored) photos.push_back({image.detail_url, image.list_url});
    return photos;
  }

  http::Response Refused(const http::Request& request, MessageError error) const {
    const http::ApiProblem problem = ProblemOf(error);
    if (problem.status == http::Status::not_found) return http_.renderer.NotFound(request);
    return http_.renderer.ErrorPage(request, problem.status, http_.Text(request, "messages.error." + problem.code));
  }

  http::Response RenderInbox(const http::Request& request, const ConversationPage& conversations, Side side,
                             std::string_view base, std::optional<std::int64_t> shop_unread) const {
    html::Data data;
    if (shop_unread) {
      data.set("shop_inbox", html::Data(true));
      data.set("shop_unread", *shop_unread > 0 ? html::Data(std::to_string(*shop_unread)) : html::Data(false));
    }
    const bool shop = side == Side::shop;
    data.set("title", http_.Text(request, shop ? "messages.shop_inbox_title" : "messages.inbox_title"));
    data.set("shop_side", html::Data(shop));
    data.set("base", std::string(base));
    html::List items;
    for (const ConversationSummary& summary : conversations.items) {
      const Conversation& conversation = summary.conversation;
      html::Data row;
      row.set("id", std::to_string(conversation.id.value));
      row.set("subject", conversation.subject);
      row.set("with", shop ? conversation.buyer_name : conversation.shop_name);
      if (conversation.order) row.set("order_id", std::to_string(conversation.order->value));
      row.set("date", core::LocalDateTime(conversation.last_message_at));
      row.set("last_body", summary.last_body);
      row.set("unread", summary.unread > 0 ? html::Data(std::to_string(summary.unread)) : html::Data(false));
      items.push_back(row);
    }
    data.set("conversations", items);
    data.set("empty", html::Data(conversations.items.empty()));
    html::SetPageNumbers(data, conversations.page, conversations.per_page, conversations.total);
    return http_.renderer.Page(request, "messages/inbox", std::move(data));
  }

  http::Response RenderNew(const http::Request& request, const StartTarget& target, const StartPreview& preview,
                           std::string message, http::Status status, std::string typed_body = {}) const {
    html::Data data;
    data.set("title", http_.Text(request, "messages.new_title"));
    data.set("shop_name", preview.shop_name);
    data.set("subject", preview.subject);
    if (target.order) data.set("order_id", std::to_string(target.order->value));
    if (target.product) data.set("product_id", std::to_string(target.product->value));
    if (!message.empty()) data.set("message", std::move(message));
    data.set("typed_body", std::move(typed_body));
    data.set("max_body", std::to_string(kMaxMessageBody));
    return http_.renderer.Page(request, "messages/new", std::move(data), status);
  }

 public:
  // The thread as its reader sees it: the admin's read-only view shares it (admin_pages.cpp).
  static html::Data ThreadData(const MessagesHttp& http, const http::Request& request, const Thread& thread) {
    const Conversation& conversation = thread.conversation;
    html::Data data;
    data.set("title", conversation.subject + " · " + http.Text(request, "messages.thread_title"));
    data.set("id", std::to_string(conversation.id.value));
    data.set("subject", conversation.subject);
    data.set("shop_name", conversation.shop_name);
    data.set("buyer_name", conversation.buyer_name);
    if (conversation.order) data.set("order_id", std::to_string(conversation.order->value));
    if (conversation.product) data.set("product_id", std::to_string(conversation.product->value));
    data.set("shop_side", html::Data(thread.side == Side::shop));
    data.set("buyer_side", html::Data(thread.side == Side::buyer));
    data.set("read_only", html::Data(thread.side == Side::admin));
    data.set("path", thread.side == Side::admin ? "/admin/messages/reports/" + std::to_string(conversation.id.value)
                                                : ThreadPath(thread.side, conversation.id));
    data.set("back", thread.side == Side::shop    ? std::string("/seller/messages")
                     : thread.side == Side::admin ? std::string("/admin/messages/reports")
                                                  : std::string("/messages"));
    html::List items;
    for (const Message& message : thread.messages) {
      html::Data row;
      row.set("id", std::to_string(message.id.value));
      const bool mine = (thread.side == Side::shop) == message.from_shop && thread.side != Side::admin;
      row.set("mine", html::Data(mine));
      row.set("author", message.from_shop ? conversation.shop_name : conversation.buyer_name);
      row.set("from_shop", html::Data(message.from_shop));
      row.set("date", core::LocalDateTime(message.created_at));
      row.set("body", message.body);
      row.set("has_photos", html::Data(!message.photos.empty()));
      row.set("photos", PhotoList(message.photos));
      items.push_back(row);
    }
    data.set("messages", items);
    data.set("empty", html::Data(thread.messages.empty()));
    data.set("can_report", html::Data(thread.side != Side::admin && !thread.reported_by_viewer));
    data.set("reported_by_viewer", html::Data(thread.reported_by_viewer));
    data.set("max_body", std::to_string(kMaxMessageBody));
    data.set("max_reason", std::to_string(kMaxReportReason));
    return data;
  }

 private:
  http::Response RenderThread(const http::Request& request, const Thread& thread, std::string_view notice_key,
                              std::string message, http::Status status, std::string typed_body = {}) const {
    html::Data data = ThreadData(http_, request, thread);
    if (!notice_key.empty()) data.set("notice", http_.Text(request, notice_key));
    if (!message.empty()) data.set("message", std::move(message));
    data.set("typed_body", std::move(typed_body));
    return http_.renderer.Page(request, "messages/thread", std::move(data), status);
  }

  MessagesHttp http_;
};

}  // namespace

html::Data MessageThreadData(const MessagesHttp& http, const http::Request& request, const Thread& thread) {
  return MessagePages::ThreadData(http, request, thread);
}

void AddMessagePages(http::Router& router, const MessagesHttp& http) {
  auto pages = std::make_shared<const MessagePages>(http);
  router.Get(
      "/messages", [pages](http::Request& request) { return pages->BuyerInbox(request); }, kPrivate);
  router.Get(
      "/messages/new", [pages](http::Request& request) { return pages->NewForm(request); }, kPrivate);
  router.Post(
      "/messages", [pages](http::Request& request) { return pages->Start(request); }, kPhotoFormRoute);
  router.Get(
      "/messages/:id", [pages](http::Request& request) { return pages->Show(request); }, kPrivate);
  router.Post(
      "/messages/:id", [pages](http::Request& request) { return pages->Reply(request); }, kPhotoFormRoute);
  router.Post(
      "/messages/:id/report", [pages](http::Request& request) { return pages->Report(request); }, kFormBody);
  router.Get(
      "/seller/messages", [pages](http::Request& request) { return pages->ShopInbox(request); }, kPrivate);
  router.Get(
      "/seller/messages/:id", [pages](http::Request& request) { return pages->Show(request); }, kPrivate);
  router.Post(
      "/seller/messages/:id", [pages](http::Request& request) { return pages->Reply(request); }, kPhotoFormRoute);
}

}  // namespace manmulsang::messages
