#include "raw_connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace manmulsang::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds Remaining(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() > 0 ? left : std::chrono::milliseconds(0);
}

}  // namespace

RawConnection::RawConnection(const std::string& host, std::uint16_t port) {
  socket_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (socket_ < 0) throw std::system_error(errno, std::generic_category(), "socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  if (::inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) {
    ::close(socket_);
    throw std::invalid_argument("not an IPv4 address: " + host);
  }
  if (::connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    int error = errno;
    ::close(socket_);
    throw std::system_error(error, std::generic_category(), "connect");
  }
}

RawConnection::~RawConnection() {
  if (socket_ >= 0) ::close(socket_);
}

bool RawConnection::Send(std::string_view bytes) {
  while (!bytes.empty()) {
    // MSG_NOSIGNAL: a server that closes early must fail this call, not kill the test with SIGPIPE.
    ssize_t sent = ::send(socket_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE || errno == ECONNRESET) {
        closed_by_peer_ = true;
        return false;
      }
      throw std::system_error(errno, std::generic_category(), "send");
    }
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

bool RawConnection::WaitReadable(std::chrono::milliseconds timeout) {
  pollfd descriptor{socket_, POLLIN, 0};
  int ready = ::poll(&descriptor, 1, static_cast<int>(timeout.count()));
  return ready > 0;
}

std::string RawConnection::ReadSome(std::chrono::milliseconds timeout) {
  if (closed_by_peer_) return {};
  if (!WaitReadable(timeout)) return {};
  char buffer[65536];
  ssize_t received = ::recv(socket_, buffer, sizeof(buffer), 0);
  if (received <= 0) {
    if (received < 0 && errno == EINTR) return {};
    closed_by_peer_ = true;
    return {};
  }
  return std::string(buffer, static_cast<std::size_t>(received));
}

std::string RawConnection::ReadUntilClosed(std::chrono::milliseconds timeout) {
  std::string data;
  while (!closed_by_peer_) {
    std::string chunk = ReadSome(timeout);
    if (chunk.empty() && !closed_by_peer_) break;
    data += chunk;
  }
  return data;
}

std::string RawConnection::ReadResponseHead(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::string data;
  while (data.find("\r\n\r\n") == std::string::npos && !closed_by_peer_ && Clock::now() < deadline) {
    data += ReadSome(Remaining(deadline));
  }
  return data;
}

std::string RawConnection::ReadResponse(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::string data = ReadResponseHead(timeout);
  std::size_t head_end = data.find("\r\n\r\n");
  if (head_end == std::string::npos) return data;
  std::size_t content_length = 0;
  std::string lower_head;
  for (std::size_t i = 0; i < head_end; ++i)
    lower_head += static_cast<char>(std::tolower(static_cast<unsigned char>(data[i])));
  std::size_t field = lower_head.find("\r\ncontent-length:");
  if (field != std::string::npos) {
    content_length = std::strtoull(data.c_str() + field + 17, nullptr, 10);
  }
  while (data.size() < head_end + 4 + content_length && !closed_by_peer_ && Clock::now() < deadline) {
    data += ReadSome(Remaining(deadline));
  }
  return data;
}

bool RawConnection::WaitForClose(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!closed_by_peer_ && Clock::now() < deadline) ReadSome(Remaining(deadline));
  return closed_by_peer_;
}

void RawConnection::ShutdownWrite() { ::shutdown(socket_, SHUT_WR); }

int StatusOf(std::string_view raw_response) {
  if (raw_response.size() < 12 || raw_response.substr(0, 5) != "HTTP/") return 0;
  std::size_t space = raw_response.find(' ');
  if (space == std::string_view::npos || space + 4 > raw_response.size()) return 0;
  return std::atoi(std::string(raw_response.substr(space + 1, 3)).c_str());
}

}  // namespace manmulsang::testing
