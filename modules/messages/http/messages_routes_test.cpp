// The messages API and pages through the real router, renderer and upload pipeline: who may
// see and write, what the forms post, photos, and the admin's reported conversations.

#include "manmulsang/messages/http/messages_routes.hpp"
#include "messages_test_store.hpp"
#include "route_test_fixture.hpp"
#include "temp_directory.hpp"
#include "test_images.hpp"
#include "test_uploads.hpp"
#include "upload_test_fixture.hpp"

namespace manmulsang::messages {
namespace {

using media::testing::FilePart;
using media::testing::TextPart;
namespace images = image::testing;

class MessagesRoutesBase : public MessagesTest, public testing::RouteTestFixture {
 protected:
  MessagesRoutesBase() { AddMessageRoutes(router_, renderer_, {messages_, media_}); }

  manmulsang::testing::TempDirectory media_directory_{"messages-media"};
  media::MediaLibrary media_{media_directory_ / "media"};
};

class MessagesRoutesTest : public testing::UploadTestFixture<MessagesRoutesBase> {
 protected:
  // The buyer's order and the conversation the API starts about it.
  std::int64_t Started() {
    const core::OrderId order = store_.PlaceOrder(kBuyer, product_);
    auto started = Post("/api/v1/messages",
                        R"({"order_id":)" + std::to_string(order.value) + R"(,"body":"언제 와요?"})", Who(kBuyer));
    EXPECT_EQ(started.status, http::Status::created) << started.body;
    return Json(started).at("conversation").at("id").as_int64();
  }

  std::string_view Location(const http::Response& response) { return response.Header("Location"); }

  const std::string png_ = images::Png(images::RedLeftBlueRight(200, 100));
};

TEST_F(MessagesRoutesTest, TheApiCarriesAConversationBetweenTheTwoPartiesOnly) {
  const std::int64_t id = Started();
  const std::string path = "/api/v1/messages/" + std::to_string(id);
  auto answered = Post(path, R"({"body":"내일 보냅니다"})", Who(kOwner, "seller"));
  ASSERT_EQ(answered.status, http::Status::created) << answered.body;
  EXPECT_EQ(Json(answered).at("message").at("from").as_string(), "shop");

  auto listed = Get("/api/v1/messages", Who(kBuyer));
  ASSERT_EQ(listed.status, http::Status::ok);
  EXPECT_EQ(Json(listed).at("total").as_int64(), 1);
  EXPECT_EQ(Json(listed).at("items").at(0).at("unread").as_int64(), 1);
  auto thread = Get(path, Who(kBuyer));
  ASSERT_EQ(thread.status, http::Status::ok);
  EXPECT_EQ(Json(thread).at("messages").as_array().size(), 2u);
  EXPECT_EQ(Json(Get("/api/v1/messages", Who(kBuyer))).at("items").at(0).at("unread").as_int64(), 0);
  auto inbox = Get("/api/v1/seller/messages", Who(kOwner, "seller"));
  EXPECT_EQ(Json(inbox).at("items").at(0).at("buyer").at("id").as_int64(), kBuyer.value);

  const std::int64_t before = Messages();
  EXPECT_EQ(Get(path, Who(kOtherBuyer)).status, http::Status::not_found);
  EXPECT_EQ(Code(Post(path, R"({"body":"끼어들기"})", Who(kOtherBuyer))), "conversation_not_found");
  EXPECT_EQ(Post(path + "/report", R"({"reason":"?"})", Who(kOtherOwner, "seller")).status, http::Status::not_found);
  EXPECT_EQ(Get(path, Who(kAdmin, "admin")).status, http::Status::not_found);
  EXPECT_EQ(Get(path).status, http::Status::unauthorized);
  EXPECT_EQ(Messages(), before);
}

TEST_F(MessagesRoutesTest, BadInputIsAClearErrorAndChangesNothing) {
  const std::int64_t id = Started();
  const std::string path = "/api/v1/messages/" + std::to_string(id);
  const std::int64_t before = Messages();
  auto blank = Post(path, R"({"body":"   "})", Who(kBuyer));
  EXPECT_EQ(blank.status, http::Status::bad_request);
  EXPECT_EQ(Json(blank).at("error").at("field").as_string(), "body");
  EXPECT_EQ(Code(Post(path, R"({"body":7})", Who(kBuyer))), "invalid_body");
  EXPECT_EQ(Code(Post(path, "{", Who(kBuyer))), "malformed_json");
  EXPECT_EQ(Send(http::Method::post, path, "body=x", Who(kBuyer), "text/plain").status,
            http::Status::unsupported_media_type);
  EXPECT_EQ(Code(Post("/api/v1/messages", R"({"body":"x"})", Who(kBuyer))), "invalid_target");
  EXPECT_EQ(Code(Post("/api/v1/messages", R"({"product_id":1,"order_id":1,"body":"x"})", Who(kBuyer))),
            "invalid_target");
  EXPECT_EQ(Code(Post("/api/v1/messages", R"({"product_id":9999,"body":"x"})", Who(kBuyer))), "product_not_found");
  EXPECT_EQ(Get("/api/v1/messages?per_page=0", Who(kBuyer)).status, http::Status::bad_request);
  EXPECT_EQ(Code(Post(path + "/report", R"({"reason":""})", Who(kBuyer))), "invalid_reason");
  EXPECT_EQ(Messages(), before);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_reports"), 0);
}

TEST_F(MessagesRoutesTest, TheBuyerWritesFromTheFormWithAPhotoAndTheShopAnswersFromItsInbox) {
  const core::OrderId order = store_.PlaceOrder(kBuyer, product_);
  const std::string order_id = std::to_string(order.value);
  auto form = Get("/messages/new?order_id=" + order_id, Who(kBuyer));
  ASSERT_EQ(form.status, http::Status::ok);
  EXPECT_NE(form.body.find("name=\"order_id\" value=\"" + order_id + "\""), std::string::npos);
  EXPECT_EQ(Get("/messages/new?order_id=" + order_id, Who(kOtherBuyer)).status, http::Status::not_found);

  auto sent =
      Upload("/messages", {TextPart("order_id", order_id), TextPart("body", "사진 보냅니다"), FilePart("photos", png_)},
             Who(kBuyer));
  ASSERT_EQ(sent.status, http::Status::see_other) << sent.body;
  const std::string thread_path(Location(sent).substr(0, Location(sent).find('#')));
  ASSERT_TRUE(thread_path.starts_with("/messages/")) << thread_path;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_photos"), 1);
  // The form again goes to the conversation that exists.
  EXPECT_EQ(Location(Get("/messages/new?order_id=" + order_id, Who(kBuyer))), thread_path);

  const std::string shop_path = "/seller" + thread_path;
  // The owner's header counts the shop's unread message, and /messages links the shop's inbox.
  auto owner_messages = Get("/messages", Who(kOwner, "seller"));
  EXPECT_NE(owner_messages.body.find("href=\"/seller/messages\""), std::string::npos) << owner_messages.body;
  const std::size_t header_link = owner_messages.body.find("class=\"messages-link\" href=\"/messages\">");
  ASSERT_NE(header_link, std::string::npos);
  EXPECT_NE(owner_messages.body.substr(header_link, 200).find("class=\"badge\">1<"), std::string::npos)
      << owner_messages.body.substr(header_link, 200);
  EXPECT_EQ(Get("/messages", Who(kBuyer)).body.find("href=\"/seller/messages\""), std::string::npos);
  auto inbox = Get("/seller/messages", Who(kOwner, "seller"));
  ASSERT_EQ(inbox.status, http::Status::ok);
  EXPECT_NE(inbox.body.find("href=\"" + shop_path + "\""), std::string::npos) << inbox.body;
  auto answered = Upload(shop_path, {TextPart("body", "내일 발송합니다")}, Who(kOwner, "seller"));
  ASSERT_EQ(answered.status, http::Status::see_other) << answered.body;
  EXPECT_TRUE(Location(answered).starts_with(shop_path)) << Location(answered);

  auto read = Get(thread_path, Who(kBuyer));
  ASSERT_EQ(read.status, http::Status::ok);
  EXPECT_NE(read.body.find("내일 발송합니다"), std::string::npos);
  EXPECT_NE(read.body.find("<img src=\"/media/"), std::string::npos);
  EXPECT_EQ(Get(thread_path, Who(kOtherBuyer)).status, http::Status::not_found);
  EXPECT_EQ(Get(shop_path, Who(kOtherOwner, "seller")).status, http::Status::not_found);
  EXPECT_EQ(Upload(thread_path, {TextPart("body", "끼어들기")}, Who(kOtherBuyer)).status, http::Status::not_found);
  EXPECT_EQ(Messages(), 2);
}

TEST_F(MessagesRoutesTest, SixPhotosOrABlankBodyAreRefusedOnThePageWithNothingStored) {
  const std::int64_t id = Started();
  const std::string path = "/messages/" + std::to_string(id);
  auto six =
      Upload(path,
             {TextPart("body", "많이"), FilePart("photos", png_), FilePart("photos", png_), FilePart("photos", png_),
              FilePart("photos", png_), FilePart("photos", png_), FilePart("photos", png_)},
             Who(kBuyer));
  EXPECT_EQ(six.status, http::Status::bad_request);
  EXPECT_NE(six.body.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(six.body.find("많이"), std::string::npos);  // what was typed stays in the form
  auto blank = Upload(path, {TextPart("body", " ")}, Who(kBuyer));
  EXPECT_EQ(blank.status, http::Status::bad_request);
  EXPECT_EQ(Messages(), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM message_photos"), 0);
}

TEST_F(MessagesRoutesTest, AdminsOpenOnlyReportedConversationsAndDismissThem) {
  const std::int64_t id = Started();
  const std::string admin_path = "/admin/messages/reports/" + std::to_string(id);
  // Not reported: the admin's page and API say only that, for an unknown conversation too.
  for (const std::string& path : {admin_path, std::string("/admin/messages/reports/999")}) {
    auto unreported = Get(path, Who(kAdmin, "admin"));
    EXPECT_EQ(unreported.status, http::Status::ok);
    EXPECT_EQ(unreported.body.find("언제 와요?"), std::string::npos);
  }
  auto unreported_api = Get("/api/v1/admin/messages/reports/" + std::to_string(id), Who(kAdmin, "admin"));
  EXPECT_EQ(Json(unreported_api).at("reported").as_bool(), false);
  EXPECT_FALSE(Json(unreported_api).contains("messages"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entries WHERE action = 'message.view'"), 0);
  EXPECT_EQ(Get("/admin/messages/reports", Who(kBuyer)).status, http::Status::forbidden);

  auto reported = PostForm("/messages/" + std::to_string(id) + "/report", {{"reason", "욕설"}}, Who(kBuyer));
  ASSERT_EQ(reported.status, http::Status::see_other) << reported.body;
  auto queue = Get("/admin/messages/reports", Who(kAdmin, "admin"));
  ASSERT_EQ(queue.status, http::Status::ok);
  EXPECT_NE(queue.body.find("href=\"" + admin_path + "\""), std::string::npos);
  auto opened = Get(admin_path, Who(kAdmin, "admin"));
  ASSERT_EQ(opened.status, http::Status::ok);
  EXPECT_NE(opened.body.find("언제 와요?"), std::string::npos);
  EXPECT_EQ(opened.body.find("name=\"body\""), std::string::npos);  // read-only: no reply form
  EXPECT_EQ(Get("/api/v1/admin/messages/reports/" + std::to_string(id), Who(kAdmin, "admin")).status, http::Status::ok);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entries WHERE action = 'message.view'"), 2);

  auto dismissed = PostForm(admin_path + "/dismiss", {{"reason", "문제 없음"}}, Who(kAdmin, "admin"));
  ASSERT_EQ(dismissed.status, http::Status::see_other);
  EXPECT_EQ(Get(admin_path, Who(kAdmin, "admin")).body.find("언제 와요?"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entries WHERE action = 'message.dismiss'"), 1);
}

}  // namespace
}  // namespace manmulsang::messages
