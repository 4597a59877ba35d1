#include <gtest/gtest.h>

#include <latch>
#include <thread>

#include "messages_test_store.hpp"

namespace manmulsang::messages {
namespace {

TEST_F(MessagesTest, BuyerWritesAboutAnOrderAndTheShopAnswers) {
  const Posted started = OrderConversation();
  EXPECT_EQ(started.conversation.buyer, kBuyer);
  EXPECT_EQ(started.conversation.shop, shop_);
  EXPECT_FALSE(started.message.from_shop);
  EXPECT_EQ(started.message.body, "배송은 언제 되나요?");

  auto answered = messages_.Reply(Seller(kOwner), started.conversation.id, Text("  내일 보냅니다.  "));
  ASSERT_TRUE(answered.has_value());
  EXPECT_TRUE(answered->message.from_shop);
  EXPECT_EQ(answered->message.body, "내일 보냅니다.");

  auto thread = messages_.Open(Buyer(kBuyer), started.conversation.id);
  ASSERT_TRUE(thread.has_value());
  EXPECT_EQ(thread->side, Side::buyer);
  ASSERT_EQ(thread->messages.size(), 2u);
  EXPECT_EQ(thread->messages[0].body, "배송은 언제 되나요?");
  EXPECT_EQ(thread->messages[1].body, "내일 보냅니다.");
  EXPECT_EQ(thread->conversation.shop_name, "상점");

  auto inbox = messages_.ShopConversations(Seller(kOwner), std::nullopt);
  ASSERT_TRUE(inbox.has_value());
  ASSERT_EQ(inbox->items.size(), 1u);
  EXPECT_EQ(inbox->items[0].last_body, "내일 보냅니다.");
  EXPECT_TRUE(inbox->items[0].last_from_shop);
}

TEST_F(MessagesTest, OnlyThePartiesSeeOrWriteAndOthersChangeNothing) {
  const Posted started = OrderConversation();
  const ConversationId id = started.conversation.id;
  const std::int64_t before = Messages();
  for (const core::Actor& stranger : {Buyer(kOtherBuyer), Seller(kOtherOwner), Admin(), core::Actor{}}) {
    EXPECT_EQ(messages_.Open(stranger, id).error(), MessageError::conversation_not_found);
    EXPECT_EQ(messages_.Reply(stranger, id, Text("끼어들기")).error(), MessageError::conversation_not_found);
    EXPECT_EQ(messages_.Report(stranger, id, "이유").error(), MessageError::conversation_not_found);
  }
  EXPECT_EQ(Messages(), before);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_reports"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_read_markers WHERE user_id <> 100"), 0);
  // Another member cannot start on someone else's order either.
  const core::OrderId order = *started.conversation.order;
  EXPECT_EQ(messages_.Start(Buyer(kOtherBuyer), {.order = order}, Text("안녕")).error(), MessageError::order_not_found);
  // The shop sees the order but writes only where the buyer opened a conversation.
  EXPECT_EQ(messages_.Start(Seller(kOwner), {.order = order}, Text("안녕")).error(), MessageError::order_not_found);
  EXPECT_EQ(Messages(), before);
  EXPECT_TRUE(messages_.BuyerConversations(Buyer(kOtherBuyer))->items.empty());
  EXPECT_TRUE(messages_.ShopConversations(Seller(kOtherOwner), std::nullopt)->items.empty());
  EXPECT_EQ(messages_.ShopConversations(Seller(kOtherOwner), shop_).error(), MessageError::shop_not_found);
}

TEST_F(MessagesTest, ProductConversationsAreOnePerBuyerAndNeverWithOnesOwnShop) {
  auto first = messages_.Start(Buyer(kBuyer), {.product = product_}, Text("재고 있나요?"));
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->conversation.subject, "상품 1");
  auto second = messages_.Start(Buyer(kBuyer), {.product = product_}, Text("한 번 더"));
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->conversation.id, first->conversation.id);
  auto other = messages_.Start(Buyer(kOtherBuyer), {.product = product_}, Text("저도요"));
  ASSERT_TRUE(other.has_value());
  EXPECT_NE(other->conversation.id, first->conversation.id);
  EXPECT_EQ(messages_.Start(Seller(kOwner), {.product = product_}, Text("나")).error(), MessageError::own_shop);
  EXPECT_EQ(messages_.Start(Buyer(kBuyer), {.product = core::ProductId{9999}}, Text("?")).error(),
            MessageError::product_not_found);
  EXPECT_EQ(messages_.Start(Buyer(kBuyer), {}, Text("?")).error(), MessageError::invalid_target);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conversations"), 2);
}

TEST_F(MessagesTest, ConcurrentStartsMakeOneConversation) {
  const core::OrderId order = store_.PlaceOrder(kBuyer, product_);
  constexpr int kWriters = 6;
  std::latch ready(kWriters);
  std::vector<std::jthread> writers;
  std::array<std::optional<ConversationId>, kWriters> ids;
  for (int index = 0; index < kWriters; ++index) {
    writers.emplace_back([&, index] {
      ready.arrive_and_wait();
      const StartTarget target = index % 2 ? StartTarget{.order = order} : StartTarget{.product = product_};
      auto posted = messages_.Start(Buyer(kBuyer), target, Text("동시에 " + std::to_string(index)));
      if (posted) ids[index] = posted->conversation.id;
    });
  }
  writers.clear();
  for (int index = 0; index < kWriters; ++index) {
    ASSERT_TRUE(ids[index].has_value()) << index;
    EXPECT_EQ(*ids[index], *ids[index % 2]);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM conversations"), 2);
  EXPECT_EQ(Messages(), kWriters);
}

TEST_F(MessagesTest, BodyAndPhotoLimits) {
  const Posted started = OrderConversation();
  const std::int64_t before = Messages();
  const ConversationId id = started.conversation.id;
  EXPECT_EQ(messages_.Reply(Buyer(kBuyer), id, Text("   ")).error(), MessageError::invalid_body);
  EXPECT_EQ(messages_.Reply(Buyer(kBuyer), id, Text(std::string(2001, 'a'))).error(), MessageError::invalid_body);
  EXPECT_EQ(messages_.Reply(Buyer(kBuyer), id, Text("bad\x01")).error(), MessageError::invalid_body);
  EXPECT_TRUE(messages_.Reply(Buyer(kBuyer), id, Text(std::string(2000, 'a') + "\n ")).has_value());

  NewMessage six{"사진", std::vector<MessagePhoto>(6, MessagePhoto{"/media/a.jpg", "/media/b.jpg"})};
  EXPECT_EQ(messages_.Reply(Buyer(kBuyer), id, six).error(), MessageError::too_many_photos);
  EXPECT_EQ(Messages(), before + 1);
  NewMessage five{"사진", std::vector<MessagePhoto>(5, MessagePhoto{"/media/a.jpg", "/media/b.jpg"})};
  ASSERT_TRUE(messages_.Reply(Seller(kOwner), id, five).has_value());
  auto thread = messages_.Open(Buyer(kBuyer), id);
  ASSERT_TRUE(thread.has_value());
  EXPECT_EQ(thread->messages.back().photos.size(), 5u);
  EXPECT_EQ(thread->messages.back().photos[0].thumbnail_url, "/media/b.jpg");
  EXPECT_TRUE(thread->messages.front().photos.empty());
}

TEST_F(MessagesTest, UnreadCountsFollowTheReadMarkers) {
  const Posted started = OrderConversation();
  const ConversationId id = started.conversation.id;
  EXPECT_EQ(messages_.UnreadCount(kOwner), 1);
  EXPECT_EQ(messages_.UnreadCount(kBuyer), 0);
  ASSERT_TRUE(messages_.Reply(Seller(kOwner), id, Text("네")).has_value());
  ASSERT_TRUE(messages_.Reply(Seller(kOwner), id, Text("내일요")).has_value());
  // The shop wrote after the buyer's message: it has read what it answered.
  EXPECT_EQ(messages_.UnreadCount(kOwner), 0);
  EXPECT_EQ(messages_.UnreadCount(kBuyer), 2);
  EXPECT_EQ(messages_.BuyerConversations(Buyer(kBuyer))->items[0].unread, 2);

  // A second buyer writes about the product: the owner's unread counts every conversation.
  ASSERT_TRUE(messages_.Start(Buyer(kOtherBuyer), {.product = product_}, Text("문의")).has_value());
  EXPECT_EQ(messages_.UnreadCount(kOwner), 1);
  ASSERT_TRUE(messages_.Open(Buyer(kBuyer), id).has_value());
  EXPECT_EQ(messages_.UnreadCount(kBuyer), 0);
  EXPECT_EQ(messages_.BuyerConversations(Buyer(kBuyer))->items[0].unread, 0);
  EXPECT_EQ(messages_.UnreadCount(kOtherOwner), 0);
  EXPECT_EQ(messages_.ShopUnreadCount(kOwner), 1);
  EXPECT_EQ(messages_.ShopUnreadCount(kOtherOwner), 0);
  EXPECT_FALSE(messages_.ShopUnreadCount(kBuyer).has_value());
}

TEST_F(MessagesTest, AdminsReadOnlyReportedConversationsAndEachLookIsAudited) {
  const Posted started = OrderConversation();
  const ConversationId id = started.conversation.id;
  EXPECT_EQ(messages_.ReportedThread(Admin(), id).error(), MessageError::no_open_report);
  EXPECT_EQ(messages_.ReportedThread(Admin(), ConversationId{999}).error(), MessageError::no_open_report);
  EXPECT_EQ(messages_.ReportedThread(Buyer(kBuyer), id).error(), MessageError::forbidden);
  EXPECT_TRUE(messages_.ReportQueue(Admin())->items.empty());

  EXPECT_EQ(messages_.Report(Seller(kOwner), id, "  ").error(), MessageError::invalid_reason);
  ASSERT_TRUE(messages_.Report(Seller(kOwner), id, "욕설").has_value());
  EXPECT_EQ(messages_.Report(Seller(kOwner), id, "또").error(), MessageError::already_reported);
  EXPECT_EQ(messages_.CountOpenReports(), 1);
  auto queue = messages_.ReportQueue(Admin());
  ASSERT_TRUE(queue.has_value());
  ASSERT_EQ(queue->items.size(), 1u);
  EXPECT_EQ(queue->items[0].first_reason, "욕설");

  const std::int64_t audited = Count("SELECT COUNT(*) FROM audit_entries");
  auto thread = messages_.ReportedThread(Admin(), id);
  ASSERT_TRUE(thread.has_value());
  EXPECT_EQ(thread->side, Side::admin);
  ASSERT_EQ(thread->open_reports.size(), 1u);
  EXPECT_TRUE(thread->open_reports[0].by_shop);
  EXPECT_EQ(thread->messages.size(), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entries WHERE action = 'message.view'"), 1);
  // The admin's look marks nothing read for the parties.
  EXPECT_EQ(messages_.UnreadCount(kOwner), 1);

  EXPECT_EQ(messages_.DismissReports(Buyer(kBuyer), id, "").error(), MessageError::forbidden);
  ASSERT_TRUE(messages_.DismissReports(Admin(), id, "문제 없음").has_value());
  EXPECT_EQ(messages_.DismissReports(Admin(), id, "").error(), MessageError::no_open_report);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entries"), audited + 2);
  // Dismissed: private again.
  EXPECT_EQ(messages_.ReportedThread(Admin(), id).error(), MessageError::no_open_report);
  EXPECT_EQ(messages_.CountOpenReports(), 0);
}

TEST_F(MessagesTest, TheOtherPartyIsNotified) {
  const Posted started = OrderConversation();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE recipient_id = 2 AND kind = 'message_received'"), 1);
  ASSERT_TRUE(messages_.Reply(Seller(kOwner), started.conversation.id, Text("네")).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM notifications WHERE recipient_id = 100 AND kind = 'message_received' AND "
                  "link = '/messages/" +
                  std::to_string(started.conversation.id.value) + "'"),
            1);
}

}  // namespace
}  // namespace manmulsang::messages
