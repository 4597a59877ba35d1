#include "http_client.hpp"

#include <brotli/decode.h>
#include <zlib.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <stdexcept>

namespace manmulsang::testing {
namespace {

namespace beast = boost::beast;
namespace asio = boost::asio;

bool EqualsIgnoringCase(std::string_view left, std::string_view right) {
  if (left.size() != right.size()) return false;
  for (std::size_t i = 0; i < left.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(left[i])) != std::tolower(static_cast<unsigned char>(right[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  for (const auto& [header_name, value] : headers) {
    if (EqualsIgnoringCase(header_name, name)) return value;
  }
  return std::nullopt;
}

std::vector<std::string> HttpResponse::AllHeaders(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [header_name, value] : headers) {
    if (EqualsIgnoringCase(header_name, name)) values.push_back(value);
  }
  return values;
}

boost::json::value HttpResponse::Json() const {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(body, error);
  if (error) {
    throw std::runtime_error("response (status " + std::to_string(status) + ") is not JSON: " + body.substr(0, 500));
  }
  return value;
}

HttpClient::HttpClient(std::string host, std::uint16_t port) : host_(std::move(host)), port_(port) {}

HttpResponse HttpClient::Get(std::string_view target, const HeaderList& headers) {
  return Send("GET", target, {}, {}, headers);
}

HttpResponse HttpClient::Post(std::string_view target, const FormFields& form, const HeaderList& headers) {
  return Send("POST", target, FormEncode(form), "application/x-www-form-urlencoded", headers);
}

HttpResponse HttpClient::PostJson(std::string_view target, const boost::json::value& json, const HeaderList& headers) {
  return Send("POST", target, boost::json::serialize(json), "application/json", headers);
}

HttpResponse HttpClient::Send(std::string_view method, std::string_view target, std::string body,
                              std::string_view content_type, const HeaderList& headers) {
  asio::io_context context;
  beast::tcp_stream stream(context);
  asio::ip::tcp::resolver resolver(context);
  stream.expires_after(timeout_);
  stream.connect(resolver.resolve(host_, std::to_string(port_)));

  beast::http::request<beast::http::string_body> request;
  request.method_string(method);
  request.target(target);
  request.version(11);
  request.set(beast::http::field::host, host_ + ":" + std::to_string(port_));
  request.set(beast::http::field::user_agent, "manmulsang-tests");
  if (!content_type.empty()) request.set(beast::http::field::content_type, content_type);
  if (!bearer_token_.empty()) request.set(beast::http::field::authorization, "Bearer " + bearer_token_);
  if (!cookies_.empty()) {
    std::string cookie_header;
    for (const auto& [name, value] : cookies_) {
      if (!cookie_header.empty()) cookie_header += "; ";
      cookie_header += name + "=" + value;
    }
    request.set(beast::http::field::cookie, cookie_header);
  }
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = std::move(body);
  if (!request.body().empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    request.prepare_payload();
  }

  stream.expires_after(timeout_);
  beast::http::write(stream, request);

  beast::flat_buffer buffer;
  beast::http::response_parser<beast::http::string_body> parser;
  parser.body_limit(256 * 1024 * 1024);
  parser.header_limit(1024 * 1024);
  parser.skip(method == "HEAD");
  stream.expires_after(timeout_);
  beast::http::read(stream, buffer, parser);
  auto message = parser.release();

  HttpResponse response;
  response.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  response.body = std::move(message.body());
  beast::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  RememberCookies(response);
  return response;
}

std::optional<std::string> HttpClient::Cookie(std::string_view name) const {
  auto found = cookies_.find(std::string(name));
  if (found == cookies_.end()) return std::nullopt;
  return found->second;
}

void HttpClient::RememberCookies(const HttpResponse& response) {
  for (const std::string& set_cookie : response.AllHeaders("Set-Cookie")) {
    std::string_view text = set_cookie;
    std::string_view pair = text.substr(0, text.find(';'));
    std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    std::string name(Trim(pair.substr(0, equals)));
    std::string value(Trim(pair.substr(equals + 1)));
    // A cookie is deleted by Max-Age=0 (or negative) or by an Expires in the past; servers
    // delete with one of these, and an empty value is treated the same way.
    bool deleted = value.empty();
    std::size_t position = text.find(';');
    while (position != std::string_view::npos) {
      std::string_view rest = text.substr(position + 1);
      std::size_t next = rest.find(';');
      std::string_view attribute = Trim(rest.substr(0, next));
      if (attribute.size() >= 8 && EqualsIgnoringCase(attribute.substr(0, 8), "max-age=")) {
        std::string_view seconds = attribute.substr(8);
        if (seconds == "0" || (!seconds.empty() && seconds.front() == '-')) deleted = true;
      }
      if (attribute.size() >= 8 && EqualsIgnoringCase(attribute.substr(0, 8), "expires=")) {
        if (attribute.find("1970") != std::string_view::npos) deleted = true;
      }
      position = next == std::string_view::npos ? next : position + 1 + next;
    }
    if (deleted) {
      cookies_.erase(name);
    } else {
      cookies_[name] = value;
    }
  }
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char character : text) {
    if (std::isalnum(character) || character == '-' || character == '_' || character == '.' || character == '~') {
      encoded += static_cast<char>(character);
    } else if (character == ' ') {
      encoded += '+';
    } else {
      encoded += '%';
      encoded += kHex[character >> 4];
      encoded += kHex[character & 0x0F];
    }
  }
  return encoded;
}

std::string FormEncode(const FormFields& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += PercentEncode(name) + "=" + PercentEncode(value);
  }
  return body;
}

std::string Gunzip(std::string_view compressed) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("inflateInit2 failed");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string output;
  char chunk[16384];
  int result = Z_OK;
  while (result != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof(chunk);
    result = inflate(&stream, Z_NO_FLUSH);
    if (result != Z_OK && result != Z_STREAM_END) {
      inflateEnd(&stream);
      throw std::runtime_error("not valid gzip");
    }
    output.append(chunk, sizeof(chunk) - stream.avail_out);
    if (result == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
      inflateEnd(&stream);
      throw std::runtime_error("truncated gzip");
    }
  }
  inflateEnd(&stream);
  return output;
}

std::string BrotliDecode(std::string_view compressed) {
  BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (state == nullptr) throw std::runtime_error("BrotliDecoderCreateInstance failed");
  const auto* next_in = reinterpret_cast<const std::uint8_t*>(compressed.data());
  std::size_t available_in = compressed.size();
  std::string output;
  BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
    std::uint8_t chunk[16384];
    std::uint8_t* next_out = chunk;
    std::size_t available_out = sizeof(chunk);
    result = BrotliDecoderDecompressStream(state, &available_in, &next_in, &available_out, &next_out, nullptr);
    output.append(reinterpret_cast<const char*>(chunk), sizeof(chunk) - available_out);
  }
  BrotliDecoderDestroyInstance(state);
  if (result != BROTLI_DECODER_RESULT_SUCCESS) throw std::runtime_error("not valid brotli");
  return output;
}

}  // namespace manmulsang::testing
