#include <algorithm>

#include "conversation_repository.hpp"
#include "embedded/messages_migrations.hpp"
#include "manmulsang/audit/audit.hpp"
#include "manmulsang/messages/messages.hpp"
#include "manmulsang/notifications/notifications.hpp"
#include "manmulsang/text/typed_text.hpp"

namespace manmulsang::messages {

struct MessageService::Impl {
  db::Database& database;
  const core::Clock& clock;
  sellers::SellerService& sellers;
  catalog::CatalogService& catalog;
  orders::OrderService& orders;

  bool OwnsShop(const core::Actor& actor, core::SellerId shop) { return sellers.OwnShop(actor, shop).has_value(); }

  // The side the actor reads from, or nullopt for anyone who is not a party.
  std::optional<Side> SideOf(const core::Actor& actor, const Conversation& conversation) {
    if (!actor.signed_in()) return std::nullopt;
    if (*actor.user == conversation.buyer) return Side::buyer;
    if (OwnsShop(actor, conversation.shop)) return Side::shop;
    return std::nullopt;
  }

  void FillShopNames(std::span<Conversation*> conversations) {
    std::vector<core::SellerId> ids;
    for (const Conversation* conversation : conversations) ids.push_back(conversation->shop);
    std::sort(ids.begin(), ids.end(), [](core::SellerId a, core::SellerId b) { return a.value < b.value; });
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const std::vector<sellers::Shop> shops = sellers.FindShops(ids);
    for (Conversation* conversation : conversations) {
      for (const sellers::Shop& shop : shops) {
        if (shop.id == conversation->shop) conversation->shop_name = shop.name;
      }
    }
  }

  void FillShopNames(std::vector<ConversationSummary>& items) {
    std::vector<Conversation*> conversations;
    for (ConversationSummary& item : items) conversations.push_back(&item.conversation);
    FillShopNames(conversations);
  }

  std::expected<NewMessage, MessageError> Cleaned(const NewMessage& message) {
    std::optional<std::string> body =
        text::CleanTypedText(message.body, {.minimum = 1, .maximum = kMaxMessageBody, .multiline = true});
    if (!body) return std::unexpected(MessageError::invalid_body);
    if (message.photos.size() > kMaxMessagePhotos) return std::unexpected(MessageError::too_many_photos);
    return NewMessage{std::move(*body), message.photos};
  }

  // Inside the caller's transaction: the message, its photos, and the conversation's last time.
  Message Append(db::Connection& connection, const Conversation& conversation, const core::Actor& author,
                 bool from_shop, const NewMessage& message, std::int64_t now) {
    Message added;
    added.id =
        ConversationRepository::AddMessage(connection, conversation.id, *author.user, from_shop, message.body, now);
    for (std::size_t position = 0; position < message.photos.size(); ++position) {
      ConversationRepository::AddPhoto(connection, added.id, static_cast<std::int64_t>(position),
                                       message.photos[position]);
    }
    // The writer has read everything up to what they wrote.
    ConversationRepository::MarkRead(connection, conversation.id, *author.user, added.id);
    added.author = *author.user;
    added.from_shop = from_shop;
    added.body = message.body;
    added.created_at = core::FromUnixSeconds(now);
    added.photos = message.photos;
    return added;
  }

  // The other party hears of the message in the same transaction (notifications::RecordIn skips
  // it when they turned message notices off). recipient: the buyer, or the shop's owner.
  static void Notify(db::Connection& connection, const Conversation& conversation, core::UserId recipient, bool to_shop,
                     std::int64_t now) {
    const std::string subject = conversation.order ? std::to_string(conversation.order->value) : conversation.subject;
    const std::string link = (to_shop ? "/seller/messages/" : "/messages/") + std::to_string(conversation.id.value);
    notifications::RecordIn(connection, core::FromUnixSeconds(now),
                            notifications::Notice{recipient, notifications::Kind::message_received, subject, link});
  }

  // Whom a message from that side goes to.
  std::optional<core::UserId> RecipientOf(const Conversation& conversation, bool from_shop) {
    if (from_shop) return conversation.buyer;
    auto shop = sellers.GetShop(conversation.shop);
    if (!shop) return std::nullopt;
    return shop->owner;
  }
};

MessageService::MessageService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                               catalog::CatalogService& catalog, orders::OrderService& orders)
    : impl_(std::make_unique<Impl>(Impl{database, clock, sellers, catalog, orders})) {}

MessageService::~MessageService() = default;

std::expected<StartPreview, MessageError> MessageService::PreviewStart(const core::Actor& actor,
                                                                       const StartTarget& target) {
  if (target.order.has_value() == target.product.has_value()) return std::unexpected(MessageError::invalid_target);
  if (!actor.signed_in()) {
    return std::unexpected(target.order ? MessageError::order_not_found : MessageError::product_not_found);
  }
  StartPreview preview;
  if (target.order) {
    auto order = impl_->orders.GetOrder(actor, *target.order);
    // Only the order's buyer starts its conversation; the shop (or an admin) sees the order but
    // writes only in a conversation the buyer opened.
    if (!order || order->buyer != *actor.user) return std::unexpected(MessageError::order_not_found);
    preview.shop = order->seller;
    preview.subject = order->lines.empty() ? std::string() : order->lines.front().name;
  } else {
    auto product = impl_->catalog.GetProduct(*target.product);
    if (!product) return std::unexpected(MessageError::product_not_found);
    if (impl_->OwnsShop(actor, product->seller)) return std::unexpected(MessageError::own_shop);
    preview.shop = product->seller;
    preview.subject = product->name;
  }
  auto shop = impl_->sellers.GetShop(preview.shop);
  if (shop) preview.shop_name = shop->name;
  auto existing = impl_->database.Read([&](db::Connection& connection) {
    return target.order ? ConversationRepository::FindByOrder(connection, *target.order)
                        : ConversationRepository::FindByProduct(connection, *target.product, *actor.user);
  });
  if (existing) preview.existing = existing->id;
  return preview;
}

std::expected<Posted, MessageError> MessageService::Start(const core::Actor& actor, const StartTarget& target,
                                                          const NewMessage& message) {
  auto preview = PreviewStart(actor, target);
  if (!preview) return std::unexpected(preview.error());
  auto cleaned = impl_->Cleaned(message);
  if (!cleaned) return std::unexpected(cleaned.error());
  Conversation wanted;
  wanted.buyer = *actor.user;
  wanted.buyer_name = actor.display_name;
  wanted.shop = preview->shop;
  wanted.shop_name = preview->shop_name;
  wanted.order = target.order;
  wanted.product = target.product;
  wanted.subject = preview->subject;
  const std::optional<core::UserId> shop_owner = impl_->RecipientOf(wanted, false);
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Posted, MessageError> {
    Posted posted;
    // Insert first: of two starts at once, one makes the row and both write into it (nullopt:
    // it was there already).
    ConversationRepository::Insert(connection, wanted, now);
    auto stored = target.order ? ConversationRepository::FindByOrder(connection, *target.order)
                               : ConversationRepository::FindByProduct(connection, *target.product, *actor.user);
    if (!stored) throw db::DatabaseError("conversation neither inserted nor found");
    // The order's conversation belongs to its buyer; anyone else finding it is refused.
    if (stored->buyer != *actor.user) return std::unexpected(MessageError::order_not_found);
    posted.conversation = std::move(*stored);
    posted.conversation.shop_name = wanted.shop_name;
    posted.message = impl_->Append(connection, posted.conversation, actor, false, *cleaned, now);
    posted.conversation.last_message_at = core::FromUnixSeconds(now);
    if (shop_owner) Impl::Notify(connection, posted.conversation, *shop_owner, true, now);
    return posted;
  });
}

std::expected<Conversation, MessageError> MessageService::Find(const core::Actor& actor, ConversationId id) {
  auto conversation =
      impl_->database.Read([&](db::Connection& connection) { return ConversationRepository::Find(connection, id); });
  if (!conversation || !impl_->SideOf(actor, *conversation)) {
    return std::unexpected(MessageError::conversation_not_found);
  }
  Conversation* one = &*conversation;
  impl_->FillShopNames(std::span<Conversation*>(&one, 1));
  return std::move(*conversation);
}

std::expected<Posted, MessageError> MessageService::Reply(const core::Actor& actor, ConversationId id,
                                                          const NewMessage& message) {
  auto conversation = Find(actor, id);
  if (!conversation) return std::unexpected(conversation.error());
  auto cleaned = impl_->Cleaned(message);
  if (!cleaned) return std::unexpected(cleaned.error());
  const bool from_shop = *impl_->SideOf(actor, *conversation) == Side::shop;
  const std::optional<core::UserId> recipient = impl_->RecipientOf(*conversation, from_shop);
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<Posted, MessageError> {
    Posted posted;
    posted.conversation = *conversation;
    posted.message = impl_->Append(connection, posted.conversation, actor, from_shop, *cleaned, now);
    posted.conversation.last_message_at = core::FromUnixSeconds(now);
    if (recipient) Impl::Notify(connection, posted.conversation, *recipient, !from_shop, now);
    return posted;
  });
}

std::expected<Thread, MessageError> MessageService::Open(const core::Actor& actor, ConversationId id) {
  auto conversation = Find(actor, id);
  if (!conversation) return std::unexpected(conversation.error());
  Thread thread;
  thread.side = *impl_->SideOf(actor, *conversation);
  thread.conversation = std::move(*conversation);
  std::int64_t last_read = 0;
  impl_->database.Read([&](db::Connection& connection) {
    thread.messages = ConversationRepository::Messages(connection, id, kThreadMessages);
    thread.reported_by_viewer = ConversationRepository::HasReportBy(connection, id, *actor.user);
    last_read = ConversationRepository::LastRead(connection, id, *actor.user);
  });
  // Opening the thread reads it: the marker moves only when there is something new, so reading
  // an unchanged thread again writes nothing.
  if (!thread.messages.empty() && thread.messages.back().id.value > last_read) {
    const MessageId newest = thread.messages.back().id;
    impl_->database.Write(
        [&](db::Connection& connection) { ConversationRepository::MarkRead(connection, id, *actor.user, newest); });
  }
  return thread;
}

std::expected<ConversationPage, MessageError> MessageService::BuyerConversations(const core::Actor& actor, int page,
                                                                                 int per_page) {
  if (!actor.signed_in()) return std::unexpected(MessageError::conversation_not_found);
  ConversationPage result;
  result.page = std::max(page, 1);
  result.per_page = std::clamp(per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    const std::int64_t offset = static_cast<std::int64_t>(result.page - 1) * result.per_page;
    result.items = ConversationRepository::ForBuyer(connection, *actor.user, result.per_page, offset);
    result.total = ConversationRepository::CountForBuyer(connection, *actor.user);
  });
  impl_->FillShopNames(result.items);
  return result;
}

std::expected<ConversationPage, MessageError> MessageService::ShopConversations(const core::Actor& actor,
                                                                                std::optional<core::SellerId> shop,
                                                                                int page, int per_page) {
  auto own = impl_->sellers.OwnShop(actor, shop);
  if (!own) return std::unexpected(MessageError::shop_not_found);
  ConversationPage result;
  result.page = std::max(page, 1);
  result.per_page = std::clamp(per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    const std::int64_t offset = static_cast<std::int64_t>(result.page - 1) * result.per_page;
    result.items = ConversationRepository::ForShop(connection, own->id, *actor.user, result.per_page, offset);
    result.total = ConversationRepository::CountForShop(connection, own->id);
  });
  for (ConversationSummary& item : result.items) item.conversation.shop_name = own->name;
  return result;
}

std::int64_t MessageService::UnreadCount(core::UserId user) {
  const std::vector<sellers::Shop> shops = impl_->sellers.ShopsOwnedBy(user);
  return impl_->database.Read([&](db::Connection& connection) {
    std::int64_t unread = ConversationRepository::UnreadAsBuyer(connection, user);
    for (const sellers::Shop& shop : shops) unread += ConversationRepository::UnreadInShop(connection, shop.id, user);
    return unread;
  });
}

std::optional<std::int64_t> MessageService::ShopUnreadCount(core::UserId user) {
  const std::vector<sellers::Shop> shops = impl_->sellers.ShopsOwnedBy(user);
  if (shops.empty()) return std::nullopt;
  return impl_->database.Read([&](db::Connection& connection) {
    std::int64_t unread = 0;
    for (const sellers::Shop& shop : shops) unread += ConversationRepository::UnreadInShop(connection, shop.id, user);
    return unread;
  });
}

std::expected<void, MessageError> MessageService::Report(const core::Actor& actor, ConversationId id,
                                                         std::string_view reason) {
  auto conversation = Find(actor, id);
  if (!conversation) return std::unexpected(conversation.error());
  std::optional<std::string> cleaned =
      text::CleanTypedText(reason, {.minimum = 1, .maximum = kMaxReportReason, .multiline = true});
  if (!cleaned) return std::unexpected(MessageError::invalid_reason);
  const std::int64_t now = core::ToUnixSeconds(impl_->clock.Now());
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, MessageError> {
    if (!ConversationRepository::AddReport(connection, id, *actor.user, *cleaned, now)) {
      return std::unexpected(MessageError::already_reported);
    }
    return {};
  });
}

std::expected<ReportedPage, MessageError> MessageService::ReportQueue(const core::Actor& actor, int page,
                                                                      int per_page) {
  if (!actor.is(core::Role::admin)) return std::unexpected(MessageError::forbidden);
  ReportedPage result;
  result.page = std::max(page, 1);
  result.per_page = std::clamp(per_page, 1, kMaxPerPage);
  impl_->database.Read([&](db::Connection& connection) {
    const std::int64_t offset = static_cast<std::int64_t>(result.page - 1) * result.per_page;
    result.items = ConversationRepository::Reported(connection, result.per_page, offset);
    result.total = ConversationRepository::CountReported(connection);
  });
  std::vector<Conversation*> conversations;
  for (ReportedConversation& item : result.items) conversations.push_back(&item.conversation);
  impl_->FillShopNames(conversations);
  return result;
}

std::expected<Thread, MessageError> MessageService::ReportedThread(const core::Actor& actor, ConversationId id) {
  if (!actor.is(core::Role::admin)) return std::unexpected(MessageError::forbidden);
  const core::TimePoint now = impl_->clock.Now();
  auto thread = impl_->database.Write([&](db::Connection& connection) -> std::expected<Thread, MessageError> {
    auto conversation = ConversationRepository::Find(connection, id);
    // An unknown conversation answers as an unreported one: an admin learns nothing of a
    // conversation no party reported, not even that it exists.
    if (!conversation) return std::unexpected(MessageError::no_open_report);
    Thread read;
    read.side = Side::admin;
    read.open_reports = ConversationRepository::OpenReports(connection, *conversation);
    // A conversation no party reported stays private, to admins too.
    if (read.open_reports.empty()) return std::unexpected(MessageError::no_open_report);
    read.messages = ConversationRepository::Messages(connection, id, kThreadMessages);
    read.conversation = std::move(*conversation);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{*actor.user, "message.view", "conversation", std::to_string(id.value),
                                      std::to_string(read.open_reports.size()) + " open reports", "", ""});
    return read;
  });
  if (!thread) return thread;
  Conversation* one = &thread->conversation;
  impl_->FillShopNames(std::span<Conversation*>(&one, 1));
  return thread;
}

std::expected<void, MessageError> MessageService::DismissReports(const core::Actor& actor, ConversationId id,
                                                                 std::string_view reason) {
  if (!actor.is(core::Role::admin)) return std::unexpected(MessageError::forbidden);
  std::optional<std::string> cleaned =
      text::CleanTypedText(reason, {.minimum = 0, .maximum = kMaxReportReason, .multiline = true});
  if (!cleaned) return std::unexpected(MessageError::invalid_reason);
  const core::TimePoint now = impl_->clock.Now();
  return impl_->database.Write([&](db::Connection& connection) -> std::expected<void, MessageError> {
    if (!ConversationRepository::Find(connection, id)) return std::unexpected(MessageError::conversation_not_found);
    // Conditional: of two admins at once, the second closes nothing and records nothing.
    const std::int64_t closed = ConversationRepository::DismissReports(connection, id);
    if (closed == 0) return std::unexpected(MessageError::no_open_report);
    audit::RecordIn(connection, now,
                    audit::AuditEntry{*actor.user, "message.dismiss", "conversation", std::to_string(id.value),
                                      std::to_string(closed) + " open reports", "dismissed", *cleaned});
    return {};
  });
}

std::int64_t MessageService::CountOpenReports() {
  return impl_->database.Read(
      [](db::Connection& connection) { return ConversationRepository::CountReported(connection); });
}

void MessageService::ForgetBuyerName(db::Connection& connection, core::UserId buyer, std::string_view name) {
  ConversationRepository::RenameBuyer(connection, buyer, name);
}

std::span<const core::EmbeddedFile> Migrations() { return embedded::messages_migrations(); }

}  // namespace manmulsang::messages
