// Bytes from the network as the server sees them: Beast's request parser with the server's
// limits, then our Request (path decoding, query, cookies, urlencoded and multipart forms).

#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>

#include "manmulsang/http/request.hpp"

namespace {

namespace bhttp = boost::beast::http;
using manmulsang::http::Request;

// As ServerOptions' defaults and RouteOptions' body limit.
constexpr std::uint32_t kHeaderLimit = 8 * 1024;
constexpr std::uint64_t kBodyLimit = 1024 * 1024;

void Exercise(Request& request) {
  std::size_t sink = 0;
  sink += request.path().size() + request.raw_path().size();
  sink += static_cast<std::size_t>(request.malformed());
  for (const auto& [name, value] : request.query().fields()) sink += name.size() + value.size();
  if (auto cookie = request.Cookie("mm_csrf")) sink += cookie->size();
  if (auto cookie = request.Cookie("mm_session")) sink += cookie->size();
  for (const auto& [name, value] : request.form().fields()) sink += name.size() + value.size();
  if (auto file = request.File("image")) sink += file->data.size() + file->file_name.size();
  sink += static_cast<std::size_t>(request.multipart_malformed());
  sink += static_cast<std::size_t>(request.WantsJson());
  sink += request.Header("Content-Type").size();
  // Keeps the optimiser from dropping the calls above.
  volatile std::size_t kept = sink;
  (void)kept;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(kHeaderLimit);
  parser.body_limit(kBodyLimit);
  parser.eager(true);
  boost::asio::const_buffer input(data, size);
  boost::beast::error_code error;
  while (input.size() > 0 && !parser.is_done()) {
    const std::size_t used = parser.put(input, error);
    if (error == bhttp::error::need_more) break;
    if (error) return 0;
    if (used == 0) break;
    input += used;
  }
  if (!parser.is_done()) {
    error = {};
    parser.put_eof(error);
    if (error || !parser.is_done()) return 0;
  }
  Request request(parser.release(), "192.0.2.1", "fuzz");
  Exercise(request);
  return 0;
}
