// The helpers black-box tests rely on: a scan that misses a URL would let a page reference another
// host unnoticed, so the scans themselves are tested.
#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>

#include "html_scan.hpp"
#include "http_client.hpp"
#include "raw_connection.hpp"
#include "temp_directory.hpp"
#include "test_database.hpp"

namespace manmulsang::testing {
namespace {

TEST(HtmlScanTest, FindsHiddenInputsInAnyAttributeOrder) {
  const std::string html =
      R"(<form><input type="hidden" name="_csrf" value="abc&amp;123"><input value='v2' name='other'></form>)";
  EXPECT_EQ(FindInputValue(html, "_csrf"), "abc&123");
  EXPECT_EQ(FindInputValue(html, "other"), "v2");
  EXPECT_FALSE(FindInputValue(html, "missing").has_value());
}

TEST(HtmlScanTest, FindsEveryUrlAttribute) {
  const std::string html = R"(<link href="/static/site.css"><script src='/static/site.js'></script>
    <img src=/img/1.webp srcset="/img/1.webp 1x, //cdn.example/2.webp 2x"><form action="/search"></form>
    <a HREF="https://example.com/">x</a>)";
  std::vector<std::string> urls = FindUrlAttributes(html);
  ASSERT_EQ(urls.size(), 6u);
  int remote = 0;
  for (const std::string& url : urls) remote += PointsToAnotherHost(url) ? 1 : 0;
  EXPECT_EQ(remote, 2);
}

TEST(HtmlScanTest, TellsLocalFromRemoteUrls) {
  for (const char* local : {"/", "/p/12", "?page=2", "#top", "p/12", "data:image/png;base64,AAAA", "mailto:a@b.c"}) {
    EXPECT_FALSE(PointsToAnotherHost(local)) << local;
  }
  for (const char* remote :
       {"http://a", "https://a/b", "//cdn.example/x.js", " //x", "HTTPS://A", "ftp://x", "/\\evil.example"}) {
    EXPECT_TRUE(PointsToAnotherHost(remote)) << remote;
  }
}

TEST(HtmlScanTest, FindsLinksOnce) {
  const std::string html = R"(<a href="/p/1">a</a><a href="/p/2">b</a><a href="/p/1">c</a><a href="/c/x">d</a>)";
  EXPECT_EQ(FindLinks(html, "/p/"), (std::vector<std::string>{"/p/1", "/p/2"}));
}

TEST(HttpClientTest, FormEncodingMatchesBrowsers) {
  EXPECT_EQ(FormEncode({{"q", "노트 북"}, {"a&b", "c=d"}}), "q=%EB%85%B8%ED%8A%B8+%EB%B6%81&a%26b=c%3Dd");
}

TEST(HttpClientTest, GunzipReadsWhatZlibWrote) {
  const std::string text(5000, 'x');
  z_stream stream{};
  ASSERT_EQ(deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string compressed(deflateBound(&stream, text.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_out = static_cast<uInt>(compressed.size());
  ASSERT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  compressed.resize(stream.total_out);
  deflateEnd(&stream);
  EXPECT_EQ(Gunzip(compressed), text);
  EXPECT_THROW(Gunzip("not gzip"), std::runtime_error);
  EXPECT_THROW(BrotliDecode("\xff\xff\xff"), std::runtime_error);
}

TEST(RawConnectionTest, ReadsTheStatusLine) {
  EXPECT_EQ(StatusOf("HTTP/1.1 413 Payload Too Large\r\n\r\n"), 413);
  EXPECT_EQ(StatusOf(""), 0);
  EXPECT_EQ(StatusOf("garbage and more garbage"), 0);
}

TEST(TempDirectoryTest, IsRemovedWithItsContent) {
  std::filesystem::path path;
  {
    TempDirectory directory;
    path = directory.path();
    std::ofstream(directory / "file.txt") << "content";
    ASSERT_TRUE(std::filesystem::exists(path / "file.txt"));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(TestDatabaseTest, IsARealSqliteFile) {
  if (TestDatabase::OnPostgres()) GTEST_SKIP() << "SQLite only: the store's file on disk";
  TestDatabase database;
  database->Write([](db::Connection& connection) {
    connection.ExecuteScript("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    connection.Execute("INSERT INTO notes (body) VALUES ($1)", {std::string_view("안녕")});
  });
  database.Reopen();
  auto row = database->Read([](db::Connection& connection) { return connection.QueryOne("SELECT body FROM notes"); });
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->Text(0), "안녕");
  EXPECT_TRUE(std::filesystem::exists(database.file()));
}

// Whichever store the tests run on, each TestDatabase is a store of its own, and Reopen finds
// what was written before.
TEST(TestDatabaseTest, EachIsAStoreOfItsOwnThatReopenKeeps) {
  TestDatabase first;
  TestDatabase second;
  EXPECT_NE(first.url(), second.url());
  EXPECT_EQ(first.IsPostgres(), TestDatabase::OnPostgres());
  for (TestDatabase* database : {&first, &second}) {
    (*database)->Write([](db::Connection& connection) {
      connection.ExecuteScript("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL)");
    });
  }
  first->Write([](db::Connection& connection) {
    connection.Execute("INSERT INTO notes (id, body) VALUES (1, $1)", {std::string_view("안녕")});
  });
  first.Reopen();
  const auto count = [](TestDatabase& database) {
    return database->Read(
        [](db::Connection& connection) { return connection.QueryOne("SELECT COUNT(*) FROM notes")->Int(0); });
  };
  EXPECT_EQ(count(first), 1);
  EXPECT_EQ(count(second), 0);
}

}  // namespace
}  // namespace manmulsang::testing
