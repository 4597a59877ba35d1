// CSV import and export of listings through the real server (issue 5): a seller's file with good
// and bad rows imports the good ones (found by search) and reports each bad one with its row
// number and column, storing nothing of it; the export imports again into another shop as the
// same listings; the no-JS upload form runs the file as a background job whose page reloads
// itself until done and then lists the bad rows; another shop's owner gets 404 for that job, a
// member without a shop 403, a visitor 401 (or the login page); binary garbage, a huge field, a
// wrong content type and an oversized body are clear 4xx answers that create nothing.
#include <algorithm>
#include <optional>
#include <thread>
#include <tuple>

#include "blackbox.hpp"

namespace manmulsang::testing {
namespace {

// A multipart/form-data body as a browser sends the upload form.
std::string UploadForm(const std::string& csrf, std::string_view file_name, std::string_view file) {
  return MultipartBody({{"_csrf", csrf}, {"file", std::string(file), std::string(file_name), "text/csv"}});
}

class CsvImportTest : public BlackBoxTest {
 protected:
  // A member who applies and is approved by the admin: a seller with a shop of its own.
  ShopOwner NewSeller(std::string_view tag) { return ApprovedSeller(tag, "가져오기 상점 " + std::string(tag)); }

  HttpResponse PostCsv(const std::string& token, std::string body, std::string_view type = "text/csv") {
    return Client(token).Send("POST", "/api/v1/seller/products/import", std::move(body), type);
  }

  // The names of the active listings (of the shop, when one is given) that a search for text finds.
  std::vector<std::string> Found(std::optional<std::int64_t> shop, std::string_view text) {
    std::string target = "/api/v1/products?per_page=100&q=" + PercentEncode(text);
    if (shop) target += "&seller=" + std::to_string(*shop);
    HttpResponse response = Client().Get(target);
    if (response.status != 200) throw std::runtime_error("search: " + response.body);
    const boost::json::value json = response.Json();
    std::vector<std::string> names;
    for (const auto& item : json.at("items").as_array()) names.emplace_back(item.at("name").as_string());
    std::ranges::sort(names);
    return names;
  }

  std::int64_t ShopTotal(std::int64_t shop) {
    HttpResponse response = Client().Get("/api/v1/products?per_page=1&seller=" + std::to_string(shop));
    if (response.status != 200) throw std::runtime_error("listing: " + response.body);
    return Int(response.Json().at("total"));
  }
};

// Row 2 and 8 are good; rows 3–7 are each wrong in their own way; rows 9–10 are one listing with
// two options.
const std::string kMixedFile =
    "name,category,price,stock,description,group,size,colour\r\n"
    "가져온솜동복,clothing-winter,\"40,000\",7,따뜻한 겨울옷,,,\r\n"
    ",clothing-winter,1000,1,이름 없음,,,\r\n"
    "가져온유령,no-such-category,1000,1,,,,\r\n"
    "가져온모자,clothing-winter,12abc,1,,,,\r\n"
    "가져온음수,clothing-winter,1000,-3,,,,\r\n"
    "\xB0\xA1\xC1\xAE\xBF\xC2,clothing-winter,1000,1,,,,\r\n"
    "가져온털장갑,clothing-winter,9000,,\"손뜨개\r\n두 겹\",,,\r\n"
    "가져온목도리,clothing-winter,5000,2,,scarf,,빨강\r\n"
    "가져온목도리,clothing-winter,5500,1,,scarf,,파랑\r\n";

TEST_F(CsvImportTest, BadRowsAreReportedWithTheirRowAndGoodRowsAreSearchable) {
  const ShopOwner seller = NewSeller("csv-mixed");
  HttpResponse response = PostCsv(seller.token, kMixedFile);
  ASSERT_EQ(response.status, 200) << response.body;
  const boost::json::value json = response.Json();
  EXPECT_EQ(Int(json.at("created")), 3);
  std::vector<std::tuple<std::int64_t, std::string, std::string>> errors;
  for (const auto& error : json.at("errors").as_array()) {
    EXPECT_FALSE(error.at("message").as_string().empty());
    const auto& field = error.at("field");
    errors.emplace_back(Int(error.at("row")), std::string(error.at("code").as_string()),
                        field.is_string() ? std::string(field.as_string()) : "");
  }
  EXPECT_EQ(errors,
            (std::vector<std::tuple<std::int64_t, std::string, std::string>>{{3, "invalid_name", "name"},
                                                                             {4, "invalid_category", "category"},
                                                                             {5, "invalid_price", "price"},
                                                                             {6, "invalid_stock", "stock"},
                                                                             {7, "csv_invalid_utf8", ""}}));

  EXPECT_EQ(Found(seller.shop, "가져온솜동복"), std::vector<std::string>{"가져온솜동복"});
  EXPECT_EQ(Found(seller.shop, "가져온털장갑"), std::vector<std::string>{"가져온털장갑"});
  EXPECT_EQ(Found(seller.shop, "가져온목도리"), std::vector<std::string>{"가져온목도리"});
  EXPECT_TRUE(Found(seller.shop, "가져온유령").empty());
  EXPECT_TRUE(Found(seller.shop, "가져온모자").empty());
  EXPECT_TRUE(Found(seller.shop, "가져온음수").empty());
  EXPECT_EQ(ShopTotal(seller.shop), 3);

  // The listing made of two rows has both options, and its stock is theirs together.
  HttpResponse listings =
      Client(seller.token)
          .Get("/api/v1/products?q=" + PercentEncode("가져온목도리") + "&seller=" + std::to_string(seller.shop));
  ASSERT_EQ(listings.status, 200);
  ASSERT_EQ(listings.Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(Int(listings.Json().at("items").as_array()[0].at("stock")), 3);
}

TEST_F(CsvImportTest, ExportImportsAgainIntoAnotherShopAsTheSameListings) {
  const ShopOwner first = NewSeller("csv-export");
  ASSERT_EQ(PostCsv(first.token, kMixedFile).status, 200);
  HttpResponse exported = Client(first.token).Get("/api/v1/seller/products/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(exported.Header("Content-Type").value_or(""), "text/csv; charset=utf-8");
  EXPECT_NE(exported.Header("Content-Disposition").value_or("").find("attachment"), std::string::npos);
  EXPECT_TRUE(exported.body.starts_with("\xEF\xBB\xBF")) << "no byte order mark: spreadsheets would misread Korean";
  // The file's CRLF inside the quoted description was kept as one line end (\n), as typed text is.
  EXPECT_NE(exported.body.find("\"손뜨개\n두 겹\""), std::string::npos);

  const ShopOwner second = NewSeller("csv-reimport");
  HttpResponse reimported = PostCsv(second.token, exported.body);
  ASSERT_EQ(reimported.status, 200) << reimported.body;
  EXPECT_EQ(Int(reimported.Json().at("created")), 3);
  EXPECT_TRUE(reimported.Json().at("errors").as_array().empty()) << reimported.body;

  // Both exports hold the same rows but for the group column (the listings' ids differ).
  HttpResponse again = Client(second.token).Get("/api/v1/seller/products/export");
  ASSERT_EQ(again.status, 200);
  const auto rows_without_group = [](const std::string& csv) {
    // Records end at a CRLF outside quotes; the group is the first field.
    std::vector<std::string> rows;
    std::string row;
    bool quoted = false;
    for (std::size_t index = 0; index < csv.size(); ++index) {
      if (csv[index] == '"') quoted = !quoted;
      if (!quoted && csv.compare(index, 2, "\r\n") == 0) {
        rows.push_back(row.substr(row.find(',')));
        row.clear();
        ++index;
      } else {
        row.push_back(csv[index]);
      }
    }
    std::ranges::sort(rows);
    return rows;
  };
  EXPECT_EQ(rows_without_group(again.body), rows_without_group(exported.body));
}

TEST_F(CsvImportTest, OnlyASellerImportsOrExports) {
  const std::string buyer = RegisterViaApi(UniqueEmail("csv-buyer"), kPassword);
  const std::string file = "name,category,price\n가져온몰래,clothing-winter,1000\n";
  HttpResponse refused = PostCsv(buyer, file);
  EXPECT_TRUE(IsJsonError(refused, 403));
  EXPECT_EQ(ErrorCode(refused), "not_a_seller");
  EXPECT_TRUE(IsJsonError(Client(buyer).Get("/api/v1/seller/products/export"), 403));
  EXPECT_TRUE(IsJsonError(PostCsv("", file), 401));
  EXPECT_TRUE(IsJsonError(Client().Get("/api/v1/seller/products/export"), 401));

  const std::string buyer_email = UniqueEmail("csv-buyer-page");
  RegisterViaApi(buyer_email, kPassword);
  HttpClient browser = SignInThroughLoginForm(buyer_email, kPassword);
  EXPECT_EQ(browser.Get("/seller/products/import").status, 403);
  EXPECT_EQ(browser.Get("/seller/products/export").status, 403);
  HttpResponse visitor = Client().Get("/seller/products/import");
  EXPECT_EQ(visitor.status, 303);
  EXPECT_TRUE(visitor.Header("Location").value_or("").starts_with("/login"));
  EXPECT_TRUE(Found(std::nullopt, "가져온몰래").empty());
}

TEST_F(CsvImportTest, HostileFilesAreClearRefusalsThatCreateNothing) {
  const ShopOwner seller = NewSeller("csv-hostile");
  std::string garbage = "\x89PNG\r\n\x1a\n";
  garbage += std::string("\0\0\0\rIHDR\0\0\x01\0", 12);
  for (int index = 0; index < 4000; ++index) garbage.push_back(static_cast<char>((index * 7919) % 256));
  HttpResponse binary = PostCsv(seller.token, garbage);
  EXPECT_TRUE(IsJsonError(binary, 400));
  EXPECT_EQ(ErrorCode(binary), "csv_not_text");

  HttpResponse huge =
      PostCsv(seller.token, "name,category,price\n" + std::string(70'000, 'x') + ",clothing-winter,1\n");
  EXPECT_TRUE(IsJsonError(huge, 400));
  EXPECT_EQ(ErrorCode(huge), "csv_field_too_long");

  HttpResponse unterminated = PostCsv(seller.token, "name,category,price\n\"가져온따옴표,clothing-winter,1\n");
  EXPECT_TRUE(IsJsonError(unterminated, 400));
  EXPECT_EQ(ErrorCode(unterminated), "csv_unterminated_quote");

  HttpResponse missing = PostCsv(seller.token, "name,price\n가져온분류없음,1000\n");
  EXPECT_TRUE(IsJsonError(missing, 400));
  EXPECT_EQ(ErrorCode(missing), "csv_missing_column");
  EXPECT_EQ(missing.Json().at("error").at("field").as_string(), "category");

  HttpResponse json = PostCsv(seller.token, "{\"name\":\"x\"}", "application/json");
  EXPECT_TRUE(IsJsonError(json, 415));

  // Past 10 MiB the server answers 413 as soon as it sees the length, before reading the body.
  RawConnection connection(server_->host(), server_->port());
  ASSERT_TRUE(connection.Send(
      "POST /api/v1/seller/products/import HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server_->port()) +
      "\r\nAuthorization: Bearer " + seller.token +
      "\r\nContent-Type: text/csv\r\nContent-Length: " + std::to_string(10 * 1024 * 1024 + 1) + "\r\n\r\n"));
  const std::string chunk(64 * 1024, 'a');
  for (std::size_t sent = 0; sent < 10 * 1024 * 1024 + 1; sent += chunk.size()) {
    if (connection.WaitReadable(std::chrono::milliseconds(0))) break;
    if (!connection.Send(chunk)) break;
  }
  const std::string head = connection.ReadResponseHead(std::chrono::seconds(10));
  EXPECT_TRUE(head.starts_with("HTTP/1.1 413")) << head.substr(0, 200);

  EXPECT_TRUE(IsJsonError(PostCsv(seller.token, ""), 400));
  EXPECT_EQ(ShopTotal(seller.shop), 0);
}

TEST_F(CsvImportTest, TheUploadPageRunsAJobOnlyItsShopSees) {
  const ShopOwner seller = NewSeller("csv-page");
  const ShopOwner other = NewSeller("csv-page-other");
  HttpClient browser = SignInThroughLoginForm(seller.email, kPassword);
  HttpResponse form = browser.Get("/seller/products/import");
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 300);
  EXPECT_NE(form.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  const std::optional<std::string> csrf = FindInputValue(form.body, "_csrf");
  ASSERT_TRUE(csrf.has_value());

  const std::string content_type = MultipartType();
  HttpResponse uploaded =
      browser.Send("POST", "/seller/products/import", UploadForm(*csrf, "목록.csv", kMixedFile), content_type);
  ASSERT_EQ(uploaded.status, 303) << uploaded.body.substr(0, 500);
  const std::string job = uploaded.Header("Location").value_or("");
  ASSERT_TRUE(job.starts_with("/seller/products/import/")) << job;

  // The page reloads itself until the job is done; a few seconds at most for nine rows.
  HttpResponse page;
  for (int attempt = 0; attempt < 100; ++attempt) {
    page = browser.Get(job);
    ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
    if (page.body.find("import-done") != std::string::npos) break;
    EXPECT_NE(page.body.find("http-equiv=\"refresh\""), std::string::npos);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_NE(page.body.find("import-done"), std::string::npos) << "the job never finished";
  EXPECT_EQ(page.body.find("http-equiv=\"refresh\""), std::string::npos) << "a finished job's page still reloads";
  EXPECT_NE(page.body.find("<strong class=\"rows-done\">9</strong>"), std::string::npos);
  EXPECT_NE(page.body.find("<strong class=\"created-count\">3</strong>"), std::string::npos);
  EXPECT_NE(page.body.find("<strong class=\"error-count\">5</strong>"), std::string::npos);
  for (const std::string row : {"3", "4", "5", "6", "7"}) {
    EXPECT_NE(page.body.find("<td class=\"number\">" + row + "</td>"), std::string::npos) << "row " << row;
  }
  EXPECT_EQ(page.Header("Cache-Control").value_or(""), "no-store");
  EXPECT_EQ(ShopTotal(seller.shop), 3);

  // Another shop's owner, and someone who guesses an id, find no such job.
  HttpClient other_browser = SignInThroughLoginForm(other.email, kPassword);
  EXPECT_EQ(other_browser.Get(job).status, 404);
  EXPECT_EQ(browser.Get("/seller/products/import/0123456789abcdef0123456789abcdef").status, 404);

  // A file that cannot be read comes back to the form with the reason, and no job starts.
  HttpResponse bad =
      browser.Send("POST", "/seller/products/import", UploadForm(*csrf, "bad.csv", "name,price\nx,1\n"), content_type);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("form-error"), std::string::npos);
  HttpResponse empty = browser.Send("POST", "/seller/products/import", UploadForm(*csrf, "", ""), content_type);
  EXPECT_EQ(empty.status, 400);

  // The same form posted without the token from another site is refused.
  HttpClient stranger = SignInThroughLoginForm(seller.email, kPassword);
  HttpResponse forged = stranger.Send("POST", "/seller/products/import", UploadForm("forged", "x.csv", kMixedFile),
                                      content_type, {{"Origin", "https://evil.example"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(ShopTotal(seller.shop), 3);
  EXPECT_EQ(ShopTotal(other.shop), 0);
}

}  // namespace
}  // namespace manmulsang::testing
