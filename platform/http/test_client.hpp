#pragma once

// A blocking Beast client for the tests that start a real Server on a loopback port, with a
// receive timeout, so that a server bug fails the test instead of hanging it.

#include <sys/socket.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace manmulsang::http::testing {

using ClientResponse = boost::beast::http::response<boost::beast::http::string_body>;

class Client {
 public:
  explicit Client(std::uint16_t port) : socket_(io_) {
    socket_.connect(Endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    timeval timeout{10, 0};
    setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }

  void SendRaw(std::string_view bytes) { boost::asio::write(socket_, boost::asio::buffer(bytes)); }

  ClientResponse Send(boost::beast::http::request<boost::beast::http::string_body> request) {
    const bool head = request.method() == boost::beast::http::verb::head;
    Write(std::move(request));
    return Read(head);
  }

  ClientResponse Get(std::string_view target, std::vector<std::pair<std::string, std::string>> headers = {}) {
    boost::beast::http::request<boost::beast::http::string_body> request(boost::beast::http::verb::get, target, 11);
    for (const auto& [name, value] : headers) request.set(name, value);
    return Send(std::move(request));
  }

  // Sends a POST without waiting for its answer (Read takes it later).
  void Post(std::string_view target, std::string_view body, std::string_view accept = "application/json") {
    boost::beast::http::request<boost::beast::http::string_body> request(boost::beast::http::verb::post, target, 11);
    request.set(boost::beast::http::field::accept, accept);
    request.body() = body;
    Write(std::move(request));
  }

  ClientResponse Read(bool head = false) {
    boost::beast::http::response_parser<boost::beast::http::string_body> parser;
    parser.skip(head);
    parser.body_limit(16 * 1024 * 1024);
    boost::beast::http::read(socket_, buffer_, parser);
    return parser.release();
  }

  // True when the server closed the connection (EOF or reset) rather than sending anything.
  bool ClosedByServer() {
    char byte;
    boost::system::error_code error;
    const std::size_t read = socket_.read_some(boost::asio::buffer(&byte, 1), error);
    return read == 0 && (error == boost::asio::error::eof || error == boost::asio::error::connection_reset);
  }

  int descriptor() { return socket_.native_handle(); }

 private:
  using Endpoint = boost::asio::ip::tcp::endpoint;

  void Write(boost::beast::http::request<boost::beast::http::string_body> request) {
    request.set(boost::beast::http::field::host, "127.0.0.1");
    request.prepare_payload();
    boost::beast::http::write(socket_, request);
  }

  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace manmulsang::http::testing
