#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "manmulsang/db/database.hpp"
#include "manmulsang/messages/messages.hpp"

namespace manmulsang::messages {

// All the SQL of conversations, their messages and photos, read markers and reports.
class ConversationRepository {
 public:
  // Insert-first: nullopt when the order's (or the product and buyer's) conversation exists.
  static std::optional<ConversationId> Insert(db::Connection& connection, const Conversation& conversation,
                                              std::int64_t now);
  static std::optional<Conversation> Find(db::Connection& connection, ConversationId id);
  static std::optional<Conversation> FindByOrder(db::Connection& connection, core::OrderId order);
  static std::optional<Conversation> FindByProduct(db::Connection& connection, core::ProductId product,
                                                   core::UserId buyer);

  // Appends a message and moves the conversation's last_message_at.
  static MessageId AddMessage(db::Connection& connection, ConversationId conversation, core::UserId author,
                              bool from_shop, std::string_view body, std::int64_t now);
  static void AddPhoto(db::Connection& connection, MessageId message, std::int64_t position, const MessagePhoto& photo);
  // The newest limit messages with their photos, oldest first.
  static std::vector<Message> Messages(db::Connection& connection, ConversationId conversation, std::int64_t limit);
  // The newest message the user has read (0: none).
  static std::int64_t LastRead(db::Connection& connection, ConversationId conversation, core::UserId user);
  // Moves the user's read marker forward to message (never back).
  static void MarkRead(db::Connection& connection, ConversationId conversation, core::UserId user, MessageId message);

  // The buyer's conversations, or a shop's (read by its owner), the newest message first, with
  // the reader's unread count and the newest message.
  static std::vector<ConversationSummary> ForBuyer(db::Connection& connection, core::UserId buyer, std::int64_t limit,
                                                   std::int64_t offset);
  static std::int64_t CountForBuyer(db::Connection& connection, core::UserId buyer);
  static std::vector<ConversationSummary> ForShop(db::Connection& connection, core::SellerId shop, core::UserId owner,
                                                  std::int64_t limit, std::int64_t offset);
  static std::int64_t CountForShop(db::Connection& connection, core::SellerId shop);
  static std::int64_t UnreadAsBuyer(db::Connection& connection, core::UserId buyer);
  static std::int64_t UnreadInShop(db::Connection& connection, core::SellerId shop, core::UserId owner);

  // false when this reporter reported the conversation before.
  static bool AddReport(db::Connection& connection, ConversationId conversation, core::UserId reporter,
                        std::string_view reason, std::int64_t now);
  static bool HasReportBy(db::Connection& connection, ConversationId conversation, core::UserId reporter);
  static std::vector<Thread::Report> OpenReports(db::Connection& connection, const Conversation& conversation);
  static std::vector<ReportedConversation> Reported(db::Connection& connection, std::int64_t limit,
                                                    std::int64_t offset);
  static std::int64_t CountReported(db::Connection& connection);
  // Closes the open reports; how many were open.
  static std::int64_t DismissReports(db::Connection& connection, ConversationId conversation);
  // The buyer's name in every conversation they started.
  static void RenameBuyer(db::Connection& connection, core::UserId buyer, std::string_view name);
};

}  // namespace manmulsang::messages
