#include "manmulsang/http/compression.hpp"

#include <brotli/encode.h>
#include <sodium.h>
#include <zlib.h>

#include <array>
#include <charconv>
#include <stdexcept>

#include "header_values.hpp"
#include "manmulsang/core/sodium.hpp"

namespace manmulsang::http {
namespace {

// q-values have at most three decimals; thousandths keep the comparison exact.
int ParseQuality(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return 1000;
  if (text.front() == '1') return 1000;
  if (text.front() != '0') return 0;
  int quality = 0;
  int scale = 100;
  for (std::size_t index = 2; index < text.size() && index < 5; ++index) {
    if (text[index] < '0' || text[index] > '9') break;
    quality += (text[index] - '0') * scale;
    scale /= 10;
  }
  return quality;
}

}  // namespace

ContentEncoding NegotiateEncoding(std::string_view accept_encoding) {
  int brotli = -1;
  int gzip = -1;
  int wildcard = -1;
  while (!accept_encoding.empty()) {
    const std::size_t comma = accept_encoding.find(',');
    const std::string_view entry = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    const std::string_view coding = Trim(entry.substr(0, entry.find(';')));
    int quality = 1000;
    ForEachParameter(entry, [&](std::string_view name, std::string value) {
      if (EqualsIgnoringCase(name, "q")) quality = ParseQuality(value);
    });
    if (EqualsIgnoringCase(coding, "br")) {
      brotli = quality;
    } else if (EqualsIgnoringCase(coding, "gzip") || EqualsIgnoringCase(coding, "x-gzip")) {
      gzip = quality;
    } else if (coding == "*") {
      wildcard = quality;
    }
  }
  if (brotli < 0) brotli = wildcard;
  if (gzip < 0) gzip = wildcard;
  if (brotli > 0 && brotli >= gzip) return ContentEncoding::brotli;
  if (gzip > 0) return ContentEncoding::gzip;
  return ContentEncoding::identity;
}

std::string_view EncodingName(ContentEncoding encoding) {
  switch (encoding) {
    case ContentEncoding::gzip:
      return "gzip";
    case ContentEncoding::brotli:
      return "br";
    case ContentEncoding::identity:
      break;
  }
  return {};
}

bool IsCompressible(std::string_view content_type) {
  static constexpr std::array<std::string_view, 7> kTypes = {
      "text/html",     "text/css",  "application/javascript", "text/javascript", "application/json",
      "image/svg+xml", "text/plain"};
  const std::string_view media_type = MediaType(content_type);
  for (const std::string_view type : kTypes) {
    if (EqualsIgnoringCase(media_type, type)) return true;
  }
  return false;
}

std::string GzipCompress(std::string_view data, int level) {
  z_stream stream{};
  // 15 + 16: the largest window, with a gzip rather than a zlib wrapper.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string compressed;
  compressed.resize(deflateBound(&stream, static_cast<uLong>(data.size())));
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_out = static_cast<uInt>(compressed.size());
  const int result = deflate(&stream, Z_FINISH);
  compressed.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return compressed;
}

std::string BrotliCompress(std::string_view data, int quality) {
  std::string compressed;
  std::size_t size = BrotliEncoderMaxCompressedSize(data.size());
  if (size == 0) size = data.size() + 1024;
  compressed.resize(size);
  if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                             reinterpret_cast<const uint8_t*>(data.data()), &size,
                             reinterpret_cast<uint8_t*>(compressed.data()))) {
    throw std::runtime_error("brotli compression failed");
  }
  compressed.resize(size);
  return compressed;
}

std::string StrongEtag(std::string_view body) {
  core::EnsureSodium();
  std::array<unsigned char, 16> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                     nullptr, 0);
  std::array<char, sodium_base64_ENCODED_LEN(16, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> text{};
  sodium_bin2base64(text.data(), text.size(), hash.data(), hash.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  std::string etag = "\"";
  etag += text.data();
  etag += '"';
  return etag;
}

bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  if (etag.starts_with("W/")) etag.remove_prefix(2);
  while (!if_none_match.empty()) {
    const std::size_t comma = if_none_match.find(',');
    std::string_view candidate = Trim(if_none_match.substr(0, comma));
    if_none_match = comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    if (candidate == "*") return true;
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (!candidate.empty() && candidate == etag) return true;
  }
  return false;
}

}  // namespace manmulsang::http
