#include "manmulsang/http/compression.hpp"

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include "wire_response.hpp"

namespace manmulsang::http {
namespace {

std::string Gunzip(std::string_view data) {
  z_stream stream{};
  inflateInit2(&stream, 15 + 16);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

std::string Unbrotli(std::string_view data) {
  std::string out(1 << 20, '\0');
  std::size_t size = out.size();
  EXPECT_EQ(BrotliDecoderDecompress(data.size(), reinterpret_cast<const uint8_t*>(data.data()), &size,
                                    reinterpret_cast<uint8_t*>(out.data())),
            BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(size);
  return out;
}

std::string Page() {
  std::string page = "<!doctype html><title>상품</title>";
  for (int index = 0; index < 200; ++index) page += "<li class=\"tile\">노트북 " + std::to_string(index) + "</li>";
  return page;
}

std::string HeaderValue(const WireResponse& wire, std::string_view name) {
  const std::string needle = "\r\n" + std::string(name) + ": ";
  const std::size_t start = wire.head.find(needle);
  if (start == std::string::npos) return {};
  const std::size_t value = start + needle.size();
  return wire.head.substr(value, wire.head.find("\r\n", value) - value);
}

TEST(CompressionTest, NegotiatesWithQValues) {
  EXPECT_EQ(NegotiateEncoding("gzip, deflate, br"), ContentEncoding::brotli);
  EXPECT_EQ(NegotiateEncoding("gzip, deflate"), ContentEncoding::gzip);
  EXPECT_EQ(NegotiateEncoding("br;q=0, gzip"), ContentEncoding::gzip);
  EXPECT_EQ(NegotiateEncoding("br;q=0.5, gzip;q=0.8"), ContentEncoding::gzip);
  EXPECT_EQ(NegotiateEncoding("br;q=0.8, gzip;q=0.8"), ContentEncoding::brotli);
  EXPECT_EQ(NegotiateEncoding("GZIP;Q=1.0"), ContentEncoding::gzip);
  EXPECT_EQ(NegotiateEncoding("*"), ContentEncoding::brotli);
  EXPECT_EQ(NegotiateEncoding("*;q=0, gzip"), ContentEncoding::gzip);
  EXPECT_EQ(NegotiateEncoding("identity"), ContentEncoding::identity);
  EXPECT_EQ(NegotiateEncoding(""), ContentEncoding::identity);
  EXPECT_EQ(NegotiateEncoding("gzip;q=0, br;q=0.000"), ContentEncoding::identity);
  EXPECT_EQ(NegotiateEncoding(",,;q=,"), ContentEncoding::identity);
}

TEST(CompressionTest, KnowsCompressibleTypes) {
  EXPECT_TRUE(IsCompressible("text/html; charset=utf-8"));
  EXPECT_TRUE(IsCompressible("application/json"));
  EXPECT_TRUE(IsCompressible("image/svg+xml"));
  EXPECT_TRUE(IsCompressible("TEXT/CSS"));
  EXPECT_FALSE(IsCompressible("image/png"));
  EXPECT_FALSE(IsCompressible("application/octet-stream"));
}

TEST(CompressionTest, CompressorsRoundTrip) {
  const std::string page = Page();
  EXPECT_EQ(Gunzip(GzipCompress(page, 6)), page);
  EXPECT_EQ(Unbrotli(BrotliCompress(page, 5)), page);
  EXPECT_EQ(Unbrotli(BrotliCompress("", 5)), "");
}

TEST(CompressionTest, EtagsAreStrongAndMatchLists) {
  const std::string etag = StrongEtag("body");
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
  EXPECT_EQ(etag, StrongEtag("body"));
  EXPECT_NE(etag, StrongEtag("body2"));
  EXPECT_TRUE(EtagMatches(etag, etag));
  EXPECT_TRUE(EtagMatches("\"x\", W/" + etag, etag));
  EXPECT_TRUE(EtagMatches("*", etag));
  EXPECT_FALSE(EtagMatches("\"x\"", etag));
  EXPECT_FALSE(EtagMatches("", etag));
}

TEST(WireResponseTest, AddsSecurityHeadersAndRequestId) {
  Response response = Response::Html("<p>hi</p>");
  const WireResponse wire = BuildWireResponse(response, WireRequest{.request_id = "abc-1"});
  EXPECT_EQ(wire.head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
  EXPECT_EQ(HeaderValue(wire, "X-Request-Id"), "abc-1");
  EXPECT_EQ(HeaderValue(wire, "Content-Security-Policy"),
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  EXPECT_EQ(HeaderValue(wire, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(HeaderValue(wire, "Referrer-Policy"), "same-origin");
  EXPECT_EQ(HeaderValue(wire, "X-Frame-Options"), "DENY");
  EXPECT_EQ(HeaderValue(wire, "Cache-Control"), "no-store");
  EXPECT_EQ(HeaderValue(wire, "Content-Length"), "9");
  EXPECT_FALSE(HeaderValue(wire, "Date").empty());
  EXPECT_EQ(wire.body, "<p>hi</p>");
}

TEST(WireResponseTest, CompressesLargeTextPerAcceptEncoding) {
  const std::string page = Page();
  Response brotli = Response::Html(page);
  const WireResponse brotli_wire = BuildWireResponse(brotli, WireRequest{.accept_encoding = "gzip, br"});
  EXPECT_EQ(HeaderValue(brotli_wire, "Content-Encoding"), "br");
  EXPECT_EQ(HeaderValue(brotli_wire, "Vary"), "Accept-Encoding");
  EXPECT_EQ(Unbrotli(brotli_wire.body), page);
  EXPECT_EQ(HeaderValue(brotli_wire, "Content-Length"), std::to_string(brotli_wire.body.size()));

  Response gzip = Response::Html(page);
  const WireResponse gzip_wire = BuildWireResponse(gzip, WireRequest{.accept_encoding = "gzip"});
  EXPECT_EQ(HeaderValue(gzip_wire, "Content-Encoding"), "gzip");
  EXPECT_EQ(Gunzip(gzip_wire.body), page);

  Response plain = Response::Html(page);
  const WireResponse plain_wire = BuildWireResponse(plain, WireRequest{});
  EXPECT_EQ(HeaderValue(plain_wire, "Content-Encoding"), "");
  EXPECT_EQ(HeaderValue(plain_wire, "Vary"), "Accept-Encoding");
  EXPECT_EQ(plain_wire.body, page);
}

TEST(WireResponseTest, LeavesSmallAndBinaryBodiesAlone) {
  Response small = Response::Html("<p>short</p>");
  EXPECT_EQ(HeaderValue(BuildWireResponse(small, WireRequest{.accept_encoding = "br"}), "Content-Encoding"), "");
  Response image(Status::ok, "image/png", std::string(4096, 'x'));
  const WireResponse wire = BuildWireResponse(image, WireRequest{.accept_encoding = "br"});
  EXPECT_EQ(HeaderValue(wire, "Content-Encoding"), "");
  EXPECT_EQ(HeaderValue(wire, "Vary"), "");
}

TEST(WireResponseTest, UsesPrecompressedVariants) {
  const std::string page = Page();
  auto shared = Precompress(page, "text/html; charset=utf-8");
  ASSERT_FALSE(shared->brotli.empty());
  Response response = Response::Shared(shared, "text/html; charset=utf-8");
  const WireResponse wire = BuildWireResponse(response, WireRequest{.accept_encoding = "br"});
  EXPECT_EQ(wire.body.data(), shared->brotli.data());  // the shared bytes themselves, no copy
  EXPECT_EQ(HeaderValue(wire, "ETag"), shared->etag);
  EXPECT_EQ(HeaderValue(wire, "Cache-Control"), "no-cache");
}

TEST(WireResponseTest, CacheableResponsesGetEtagAnd304) {
  Response first = Response::Html("<p>same</p>");
  first.cacheable = true;
  const std::string etag = HeaderValue(BuildWireResponse(first, WireRequest{}), "ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(etag, StrongEtag("<p>same</p>"));

  Response again = Response::Html("<p>same</p>");
  again.cacheable = true;
  const WireResponse not_modified = BuildWireResponse(again, WireRequest{.if_none_match = etag});
  EXPECT_EQ(not_modified.status, 304u);
  EXPECT_EQ(not_modified.head.rfind("HTTP/1.1 304 Not Modified\r\n", 0), 0u);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(HeaderValue(not_modified, "Content-Length"), "");
  EXPECT_EQ(HeaderValue(not_modified, "ETag"), etag);

  Response with_cookie = Response::Html("<p>same</p>");
  with_cookie.cacheable = true;
  with_cookie.SetCookie("mm_csrf", "abc");
  EXPECT_EQ(HeaderValue(BuildWireResponse(with_cookie, WireRequest{}), "Cache-Control"), "private, no-cache");

  Response uncacheable = Response::Html("<p>same</p>");
  const WireResponse fresh = BuildWireResponse(uncacheable, WireRequest{.if_none_match = etag});
  EXPECT_EQ(fresh.status, 200u);
  EXPECT_EQ(HeaderValue(fresh, "ETag"), "");
}

TEST(WireResponseTest, HeadKeepsLengthWithoutBody) {
  Response response = Response::Html(Page());
  const WireResponse wire = BuildWireResponse(response, WireRequest{.method = Method::head, .accept_encoding = "br"});
  EXPECT_TRUE(wire.body.empty());
  EXPECT_EQ(HeaderValue(wire, "Content-Length"), std::to_string(Page().size()));
}

TEST(WireResponseTest, DropsUnsafeAndServerOwnedHeaders) {
  Response response = Response::Text("x");
  response.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: stolen=1");
  response.headers.emplace_back("Content-Length", "999");
  response.headers.emplace_back("X-Fine", "ok");
  response.SetHeader("X-Frame-Options", "SAMEORIGIN");
  const WireResponse wire = BuildWireResponse(response, WireRequest{.keep_alive = false});
  EXPECT_EQ(wire.head.find("stolen"), std::string::npos);
  EXPECT_EQ(HeaderValue(wire, "Content-Length"), "1");
  EXPECT_EQ(HeaderValue(wire, "X-Fine"), "ok");
  EXPECT_EQ(HeaderValue(wire, "X-Frame-Options"), "SAMEORIGIN");
  EXPECT_EQ(HeaderValue(wire, "Connection"), "close");
  EXPECT_THROW(response.SetHeader("X-Bad", "a\nb"), std::invalid_argument);
}

TEST(WireResponseTest, RequestIds) {
  EXPECT_TRUE(IsSaneRequestId("abc-DEF-123"));
  EXPECT_FALSE(IsSaneRequestId(""));
  EXPECT_FALSE(IsSaneRequestId("has space"));
  EXPECT_FALSE(IsSaneRequestId(std::string(65, 'a')));
  const std::string first = NewRequestId();
  EXPECT_TRUE(IsSaneRequestId(first));
  EXPECT_NE(first, NewRequestId());
}

}  // namespace
}  // namespace manmulsang::http
