#include "conversation_repository.hpp"

namespace manmulsang::messages {
namespace {

#define MESSAGES_CONVERSATION_COLUMNS \
  "c.id, c.buyer_id, c.buyer_name, c.seller_id, c.order_id, c.product_id, c.subject, c.created_at, c.last_message_at"

constexpr std::string_view kInsert =
    "INSERT INTO conversations (buyer_id, buyer_name, seller_id, order_id, product_id, subject, created_at, "
    "last_message_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT DO NOTHING RETURNING id";
constexpr std::string_view kFind = "SELECT " MESSAGES_CONVERSATION_COLUMNS " FROM conversations c WHERE c.id = $1";
constexpr std::string_view kFindByOrder =
    "SELECT " MESSAGES_CONVERSATION_COLUMNS " FROM conversations c WHERE c.order_id = $1";
constexpr std::string_view kFindByProduct =
    "SELECT " MESSAGES_CONVERSATION_COLUMNS " FROM conversations c WHERE c.product_id = $1 AND c.buyer_id = $2";

constexpr std::string_view kAddMessage =
    "INSERT INTO messages (conversation_id, author_id, from_shop, body, created_at) VALUES ($1, $2, $3, $4, $5) "
    "RETURNING id";
constexpr std::string_view kTouch = "UPDATE conversations SET last_message_at = $1 WHERE id = $2";
constexpr std::string_view kAddPhoto =
    "INSERT INTO message_photos (message_id, position, url, thumbnail_url) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kNewestMessages =
    "SELECT id, author_id, from_shop, body, created_at FROM messages WHERE conversation_id = $1 "
    "ORDER BY id DESC LIMIT $2";
constexpr std::string_view kPhotosFrom =
    "SELECT p.message_id, p.url, p.thumbnail_url FROM message_photos p JOIN messages m ON m.id = p.message_id "
    "WHERE m.conversation_id = $1 AND m.id >= $2 ORDER BY p.message_id, p.position";
constexpr std::string_view kLastRead =
    "SELECT last_read_message_id FROM message_read_markers WHERE conversation_id = $1 AND user_id = $2";
constexpr std::string_view kMarkRead =
    "INSERT INTO message_read_markers (conversation_id, user_id, last_read_message_id) VALUES ($1, $2, $3) "
    "ON CONFLICT (conversation_id, user_id) DO UPDATE SET last_read_message_id = excluded.last_read_message_id "
    "WHERE message_read_markers.last_read_message_id < excluded.last_read_message_id";

// $1 the buyer or the shop, $2 the reader (whose marker counts), $3 the other side's from_shop.
#define MESSAGES_SUMMARY_COLUMNS                                                                        \
  MESSAGES_CONVERSATION_COLUMNS                                                                         \
  ", (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.from_shop = $3 AND m.id > "  \
  "COALESCE((SELECT r.last_read_message_id FROM message_read_markers r WHERE r.conversation_id = c.id " \
  "AND r.user_id = $2), 0)), "                                                                          \
  "(SELECT m.body FROM messages m WHERE m.conversation_id = c.id ORDER BY m.id DESC LIMIT 1), "         \
  "(SELECT m.from_shop FROM messages m WHERE m.conversation_id = c.id ORDER BY m.id DESC LIMIT 1)"

constexpr std::string_view kForBuyer = "SELECT " MESSAGES_SUMMARY_COLUMNS
                                       " FROM conversations c WHERE c.buyer_id = $1 "
                                       "ORDER BY c.last_message_at DESC, c.id DESC LIMIT $4 OFFSET $5";
constexpr std::string_view kForShop = "SELECT " MESSAGES_SUMMARY_COLUMNS
                                      " FROM conversations c WHERE c.seller_id = $1 "
                                      "ORDER BY c.last_message_at DESC, c.id DESC LIMIT $4 OFFSET $5";
constexpr std::string_view kCountForBuyer = "SELECT COUNT(*) FROM conversations WHERE buyer_id = $1";
constexpr std::string_view kCountForShop = "SELECT COUNT(*) FROM conversations WHERE seller_id = $1";
constexpr std::string_view kUnreadAsBuyer =
    "SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
    "LEFT JOIN message_read_markers r ON r.conversation_id = c.id AND r.user_id = $1 "
    "WHERE c.buyer_id = $1 AND m.from_shop = 1 AND m.id > COALESCE(r.last_read_message_id, 0)";
constexpr std::string_view kUnreadInShop =
    "SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
    "LEFT JOIN message_read_markers r ON r.conversation_id = c.id AND r.user_id = $2 "
    "WHERE c.seller_id = $1 AND m.from_shop = 0 AND m.id > COALESCE(r.last_read_message_id, 0)";

constexpr std::string_view kAddReport =
    "INSERT INTO message_reports (conversation_id, reporter_id, reason, created_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (conversation_id, reporter_id) DO NOTHING RETURNING reporter_id";
constexpr std::string_view kHasReportBy =
    "SELECT COUNT(*) FROM message_reports WHERE conversation_id = $1 AND reporter_id = $2";
constexpr std::string_view kOpenReports =
    "SELECT reporter_id, reason, created_at FROM message_reports WHERE conversation_id = $1 AND status = 'open' "
    "ORDER BY created_at, reporter_id";
constexpr std::string_view kReported =
    "SELECT " MESSAGES_CONVERSATION_COLUMNS
    ", COUNT(*), MIN(r.created_at), MIN(r.reason) FROM conversations c JOIN message_reports r ON "
    "r.conversation_id = c.id WHERE r.status = 'open' GROUP BY " MESSAGES_CONVERSATION_COLUMNS
    " ORDER BY MIN(r.created_at), c.id LIMIT $1 OFFSET $2";
constexpr std::string_view kCountReported =
    "SELECT COUNT(DISTINCT conversation_id) FROM message_reports WHERE status = 'open'";
constexpr std::string_view kDismiss =
    "UPDATE message_reports SET status = 'dismissed' WHERE conversation_id = $1 AND status = 'open'";
constexpr std::string_view kRenameBuyer = "UPDATE conversations SET buyer_name = $2 WHERE buyer_id = $1";

#undef MESSAGES_SUMMARY_COLUMNS
#undef MESSAGES_CONVERSATION_COLUMNS

Conversation FromRow(const db::Row& row) {
  Conversation conversation;
  conversation.id = ConversationId{row.Int(0)};
  conversation.buyer = core::UserId{row.Int(1)};
  conversation.buyer_name = row.Text(2);
  conversation.shop = core::SellerId{row.Int(3)};
  if (auto order = row.OptionalInt(4)) conversation.order = core::OrderId{*order};
  if (auto product = row.OptionalInt(5)) conversation.product = core::ProductId{*product};
  conversation.subject = row.Text(6);
  conversation.created_at = core::FromUnixSeconds(row.Int(7));
  conversation.last_message_at = core::FromUnixSeconds(row.Int(8));
  return conversation;
}

std::optional<Conversation> OneConversation(std::optional<db::Row> row) {
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::vector<ConversationSummary> Summaries(const db::Rows& rows) {
  std::vector<ConversationSummary> summaries;
  summaries.reserve(rows.size());
  for (const db::Row& row : rows) {
    ConversationSummary summary;
    summary.conversation = FromRow(row);
    summary.unread = row.Int(9);
    summary.last_body = row.Text(10);
    summary.last_from_shop = row.Int(11) != 0;
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

std::int64_t CountOf(std::optional<db::Row> row) { return row ? row->Int(0) : 0; }

}  // namespace

std::optional<ConversationId> ConversationRepository::Insert(db::Connection& connection,
                                                             const Conversation& conversation, std::int64_t now) {
  const db::Parameter order = conversation.order ? db::Parameter(conversation.order->value) : db::Parameter(nullptr);
  const db::Parameter product =
      conversation.product ? db::Parameter(conversation.product->value) : db::Parameter(nullptr);
  auto row = connection.QueryOne(
      kInsert, {conversation.buyer.value, std::string_view(conversation.buyer_name), conversation.shop.value, order,
                product, std::string_view(conversation.subject), now});
  if (!row) return std::nullopt;
  return ConversationId{row->Int(0)};
}

std::optional<Conversation> ConversationRepository::Find(db::Connection& connection, ConversationId id) {
  return OneConversation(connection.QueryOne(kFind, {id.value}));
}

std::optional<Conversation> ConversationRepository::FindByOrder(db::Connection& connection, core::OrderId order) {
  return OneConversation(connection.QueryOne(kFindByOrder, {order.value}));
}

std::optional<Conversation> ConversationRepository::FindByProduct(db::Connection& connection, core::ProductId product,
                                                                  core::UserId buyer) {
  return OneConversation(connection.QueryOne(kFindByProduct, {product.value, buyer.value}));
}

MessageId ConversationRepository::AddMessage(db::Connection& connection, ConversationId conversation,
                                             core::UserId author, bool from_shop, std::string_view body,
                                             std::int64_t now) {
  auto row = connection.QueryOne(
      kAddMessage, {conversation.value, author.value, static_cast<std::int64_t>(from_shop ? 1 : 0), body, now});
  if (!row) throw db::DatabaseError("insert into messages returned no id");
  connection.Execute(kTouch, {now, conversation.value});
  return MessageId{row->Int(0)};
}

void ConversationRepository::AddPhoto(db::Connection& connection, MessageId message, std::int64_t position,
                                      const MessagePhoto& photo) {
  connection.Execute(kAddPhoto,
                     {message.value, position, std::string_view(photo.url), std::string_view(photo.thumbnail_url)});
}

std::vector<Message> ConversationRepository::Messages(db::Connection& connection, ConversationId conversation,
                                                      std::int64_t limit) {
  const db::Rows rows = connection.Query(kNewestMessages, {conversation.value, limit});
  std::vector<Message> messages(rows.size());
  for (std::size_t index = 0; index < rows.size(); ++index) {
    const db::Row& row = rows[index];
    Message& message = messages[rows.size() - 1 - index];  // oldest first
    message.id = MessageId{row.Int(0)};
    message.author = core::UserId{row.Int(1)};
    message.from_shop = row.Int(2) != 0;
    message.body = row.Text(3);
    message.created_at = core::FromUnixSeconds(row.Int(4));
  }
  if (messages.empty()) return messages;
  std::size_t next = 0;
  for (const db::Row& row : connection.Query(kPhotosFrom, {conversation.value, messages.front().id.value})) {
    const std::int64_t id = row.Int(0);
    while (next < messages.size() && messages[next].id.value < id) ++next;
    if (next == messages.size()) break;
    if (messages[next].id.value == id) messages[next].photos.push_back({row.Text(1), row.Text(2)});
  }
  return messages;
}

std::int64_t ConversationRepository::LastRead(db::Connection& connection, ConversationId conversation,
                                              core::UserId user) {
  return CountOf(connection.QueryOne(kLastRead, {conversation.value, user.value}));
}

void ConversationRepository::MarkRead(db::Connection& connection, ConversationId conversation, core::UserId user,
                                      MessageId message) {
  connection.Execute(kMarkRead, {conversation.value, user.value, message.value});
}

std::vector<ConversationSummary> ConversationRepository::ForBuyer(db::Connection& connection, core::UserId buyer,
                                                                  std::int64_t limit, std::int64_t offset) {
  return Summaries(connection.Query(kForBuyer, {buyer.value, buyer.value, std::int64_t{1}, limit, offset}));
}

std::int64_t ConversationRepository::CountForBuyer(db::Connection& connection, core::UserId buyer) {
  return CountOf(connection.QueryOne(kCountForBuyer, {buyer.value}));
}

std::vector<ConversationSummary> ConversationRepository::ForShop(db::Connection& connection, core::SellerId shop,
                                                                 core::UserId owner, std::int64_t limit,
                                                                 std::int64_t offset) {
  return Summaries(connection.Query(kForShop, {shop.value, owner.value, std::int64_t{0}, limit, offset}));
}

std::int64_t ConversationRepository::CountForShop(db::Connection& connection, core::SellerId shop) {
  return CountOf(connection.QueryOne(kCountForShop, {shop.value}));
}

std::int64_t ConversationRepository::UnreadAsBuyer(db::Connection& connection, core::UserId buyer) {
  return CountOf(connection.QueryOne(kUnreadAsBuyer, {buyer.value}));
}

std::int64_t ConversationRepository::UnreadInShop(db::Connection& connection, core::SellerId shop, core::UserId owner) {
  return CountOf(connection.QueryOne(kUnreadInShop, {shop.value, owner.value}));
}

bool ConversationRepository::AddReport(db::Connection& connection, ConversationId conversation, core::UserId reporter,
                                       std::string_view reason, std::int64_t now) {
  return connection.QueryOne(kAddReport, {conversation.value, reporter.value, reason, now}).has_value();
}

bool ConversationRepository::HasReportBy(db::Connection& connection, ConversationId conversation,
                                         core::UserId reporter) {
  return CountOf(connection.QueryOne(kHasReportBy, {conversation.value, reporter.value})) > 0;
}

std::vector<Thread::Report> ConversationRepository::OpenReports(db::Connection& connection,
                                                                const Conversation& conversation) {
  std::vector<Thread::Report> reports;
  for (const db::Row& row : connection.Query(kOpenReports, {conversation.id.value})) {
    Thread::Report report;
    report.reporter = core::UserId{row.Int(0)};
    report.by_shop = report.reporter != conversation.buyer;
    report.reason = row.Text(1);
    report.created_at = core::FromUnixSeconds(row.Int(2));
    reports.push_back(std::move(report));
  }
  return reports;
}

std::vector<ReportedConversation> ConversationRepository::Reported(db::Connection& connection, std::int64_t limit,
                                                                   std::int64_t offset) {
  std::vector<ReportedConversation> items;
  for (const db::Row& row : connection.Query(kReported, {limit, offset})) {
    ReportedConversation item;
    item.conversation = FromRow(row);
    item.open_reports = row.Int(9);
    item.reported_at = core::FromUnixSeconds(row.Int(10));
    item.first_reason = row.Text(11);
    items.push_back(std::move(item));
  }
  return items;
}

std::int64_t ConversationRepository::CountReported(db::Connection& connection) {
  return CountOf(connection.QueryOne(kCountReported));
}

std::int64_t ConversationRepository::DismissReports(db::Connection& connection, ConversationId conversation) {
  return connection.Execute(kDismiss, {conversation.value});
}

void ConversationRepository::RenameBuyer(db::Connection& connection, core::UserId buyer, std::string_view name) {
  connection.Execute(kRenameBuyer, {buyer.value, name});
}

}  // namespace manmulsang::messages
