#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace manmulsang::testing {

// A plain TCP connection for sending bytes no well-behaved client would send: malformed
// requests, oversized headers, half a request followed by silence.
class RawConnection {
 public:
  RawConnection(const std::string& host, std::uint16_t port);
  ~RawConnection();

  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Writes all bytes; false if the peer closed or reset the connection first.
  bool Send(std::string_view bytes);
  // True once the peer has sent something to read (or closed) within the timeout.
  bool WaitReadable(std::chrono::milliseconds timeout);
  // Reads until the peer closes or nothing arrives for the timeout; returns what arrived.
  std::string ReadUntilClosed(std::chrono::milliseconds timeout);
  // Reads until a complete response head ("\r\n\r\n") arrived, the peer closed, or the timeout.
  std::string ReadResponseHead(std::chrono::milliseconds timeout);
  // Reads until one full response (head plus Content-Length body) arrived, or close/timeout.
  std::string ReadResponse(std::chrono::milliseconds timeout);
  // Whether the peer closed (EOF or reset) within the timeout; data that arrives is discarded.
  bool WaitForClose(std::chrono::milliseconds timeout);
  // Half-closes our side, as a client that finished sending would.
  void ShutdownWrite();

  bool closed_by_peer() const { return closed_by_peer_; }

 private:
  // One read of what is available; empty with closed_by_peer_ set on EOF/reset; empty otherwise
  // on timeout.
  std::string ReadSome(std::chrono::milliseconds timeout);

  int socket_ = -1;
  bool closed_by_peer_ = false;
};

// The status code of the first response in raw bytes ("HTTP/1.1 413 ..." → 413), 0 if none.
int StatusOf(std::string_view raw_response);

}  // namespace manmulsang::testing
