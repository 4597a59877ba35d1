#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/core/clock.hpp"
#include "manmulsang/core/context.hpp"
#include "manmulsang/core/embedded_file.hpp"
#include "manmulsang/core/ids.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/messages/errors.hpp"
#include "manmulsang/orders/orders.hpp"
#include "manmulsang/sellers/sellers.hpp"

namespace manmulsang::messages {

using ConversationId = core::Id<struct ConversationTag>;
using MessageId = core::Id<struct MessageTag>;

// Limits, in code points after trimming.
inline constexpr std::size_t kMaxMessageBody = 2000;
inline constexpr std::size_t kMaxMessagePhotos = 5;
inline constexpr std::size_t kMaxReportReason = 500;
inline constexpr int kMaxPerPage = 100;
// A thread shows its newest messages, oldest first.
inline constexpr std::int64_t kThreadMessages = 200;

// A photo of a message, stored by the image pipeline (media::StoreUploadedImages) before the row
// that names it: "/media/<name>" of the detail size and of the list size.
struct MessagePhoto {
  std::string url;
  std::string thumbnail_url;
};

struct Message {
  MessageId id;
  core::UserId author;
  bool from_shop = false;  // written by the shop's owner; else by the buyer
  std::string body;
  core::TimePoint created_at;
  std::vector<MessagePhoto> photos;  // in the order sent, at most kMaxMessagePhotos
};

// Between one buyer and one shop, about one order (the order's buyer and its shop) or about one
// product (a buyer and the product's shop). Only the two parties see it.
struct Conversation {
  ConversationId id;
  core::UserId buyer;
  std::string buyer_name;  // as it was when the buyer started it
  core::SellerId shop;
  std::string shop_name;  // filled by the reads that show it
  std::optional<core::OrderId> order;
  std::optional<core::ProductId> product;
  std::string subject;  // the product's name, or the order's first line
  core::TimePoint created_at;
  core::TimePoint last_message_at;
};

// Which side of a conversation the viewer reads it from.
enum class Side { buyer, shop, admin };

struct ConversationSummary {
  Conversation conversation;
  std::int64_t unread = 0;  // the other side's messages after the viewer's read marker
  std::string last_body;    // the newest message, as written
  bool last_from_shop = false;
};

struct ConversationPage {
  std::vector<ConversationSummary> items;  // the newest message first
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

struct Thread {
  Conversation conversation;
  Side side = Side::buyer;
  std::vector<Message> messages;  // the newest kThreadMessages, oldest first
  bool reported_by_viewer = false;
  // For the admin's read-only view: the parties' reports.
  struct Report {
    core::UserId reporter;
    bool by_shop = false;
    std::string reason;
    core::TimePoint created_at;
  };
  std::vector<Report> open_reports;
};

// Where a conversation starts: exactly one of an order and a product.
struct StartTarget {
  std::optional<core::OrderId> order;
  std::optional<core::ProductId> product;
};

// What a start would open: the shop, the subject, and the conversation when one exists already.
struct StartPreview {
  core::SellerId shop;
  std::string shop_name;
  std::string subject;
  std::optional<ConversationId> existing;
};

struct NewMessage {
  std::string body;
  std::vector<MessagePhoto> photos;  // already stored; at most kMaxMessagePhotos
};

struct Posted {
  Conversation conversation;
  Message message;
};

// One reported conversation in the admin's queue.
struct ReportedConversation {
  Conversation conversation;
  std::int64_t open_reports = 0;
  std::string first_reason;
  core::TimePoint reported_at;  // the oldest open report
};

struct ReportedPage {
  std::vector<ReportedConversation> items;  // oldest report first
  std::int64_t total = 0;
  int page = 1;
  int per_page = 20;
};

// Messages between a buyer and a shop. Every read and write checks that the actor is one of the
// two parties (the buyer, or the owner of the shop); anyone else gets conversation_not_found and
// nothing changes. An admin reads a conversation only while one of its parties' reports is open,
// through ReportedThread, and each look is audited.
class MessageService {
 public:
  MessageService(db::Database& database, const core::Clock& clock, sellers::SellerService& sellers,
                 catalog::CatalogService& catalog, orders::OrderService& orders);
  ~MessageService();

  // Checks a start before any photo is stored: the order must be the actor's, the product on sale
  // and not of the actor's own shop (own_shop).
  std::expected<StartPreview, MessageError> PreviewStart(const core::Actor& actor, const StartTarget& target);
  // The buyer writes to the shop: the conversation of that order, or of that product and buyer,
  // made by the first start (two starts at once make one) and reused by the next.
  std::expected<Posted, MessageError> Start(const core::Actor& actor, const StartTarget& target,
                                            const NewMessage& message);
  // Either party writes in the conversation.
  std::expected<Posted, MessageError> Reply(const core::Actor& actor, ConversationId id, const NewMessage& message);
  // The conversation as a party sees it (a check before photos are stored; marks nothing read).
  std::expected<Conversation, MessageError> Find(const core::Actor& actor, ConversationId id);
  // A party opens the thread: its messages, and everything in it is marked read for the viewer.
  std::expected<Thread, MessageError> Open(const core::Actor& actor, ConversationId id);

  // The actor's conversations as a buyer, the newest message first.
  std::expected<ConversationPage, MessageError> BuyerConversations(const core::Actor& actor, int page = 1,
                                                                   int per_page = 20);
  // The inbox of the actor's shop (the one named, else their first): shop_not_found otherwise.
  std::expected<ConversationPage, MessageError> ShopConversations(const core::Actor& actor,
                                                                  std::optional<core::SellerId> shop, int page = 1,
                                                                  int per_page = 20);
  // The other side's messages the user has not read: as a buyer and in every shop they own.
  std::int64_t UnreadCount(core::UserId user);
  // The buyers' messages unread in the shops the user owns; nullopt for a member with no shop
  // (the header's count leads to /messages, which links the shop's inbox with this).
  std::optional<std::int64_t> ShopUnreadCount(core::UserId user);

  // A party reports the conversation with a reason, once (already_reported).
  std::expected<void, MessageError> Report(const core::Actor& actor, ConversationId id, std::string_view reason);
  // Admins: the conversations with an open report, oldest report first.
  std::expected<ReportedPage, MessageError> ReportQueue(const core::Actor& actor, int page = 1, int per_page = 20);
  // An admin reads a reported conversation (no_open_report otherwise, and for an unknown one, so
  // nothing tells an admin that an unreported conversation exists); recorded in the audit log
  // ("message.view") in the same transaction as the read. Marks nothing read.
  std::expected<Thread, MessageError> ReportedThread(const core::Actor& actor, ConversationId id);
  // An admin closes the open reports ("message.dismiss", reason optional): the conversation is
  // private again.
  std::expected<void, MessageError> DismissReports(const core::Actor& actor, ConversationId id,
                                                   std::string_view reason);
  std::int64_t CountOpenReports();
  // A closed account: the member's conversations as a buyer keep their messages but show name
  // instead of the member's own. Runs in the caller's transaction (the account's close) and sets
  // the same name when run again.
  void ForgetBuyerName(db::Connection& connection, core::UserId buyer, std::string_view name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::span<const core::EmbeddedFile> Migrations();

}  // namespace manmulsang::messages
